namespace LockOrder.CodeFixes.Tests
{
    /// <summary>The user-code device every fix test compiles against: the runtime's three locks and some state.</summary>
    internal static class TestDevice
    {
        internal const string Source = @"
sealed class Device
{
    public readonly VmaLock Vma = new VmaLock();
    public readonly MemoryLock Memory = new MemoryLock();
    public int State;
    public byte[] Shadow = new byte[4];
}
";
    }
}
