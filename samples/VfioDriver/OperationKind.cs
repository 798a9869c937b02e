namespace VfioDriver
{
    /// <summary>What a worker does in one step.</summary>
    internal enum OperationKind
    {
        TouchMapping,
        FaultDirectly,
        ReadBar,
        WriteBar,
        ReadConfig,
        DisableMemory,
        EnableMemory,
        MemoryWindow,
        Reset,
        HotReset,
        Mmap,
        Munmap,
        ExitProcess,
    }
}
