namespace LockOrder.Vfio
{
    /// <summary>What the device's page-fault handler did (the model's <c>vm_fault_t</c>).</summary>
    public enum FaultResult
    {
        /// <summary>Memory is enabled and the vma's page was mapped by this fault.</summary>
        Mapped,

        /// <summary>Another fault mapped the vma first; nothing was mapped twice.</summary>
        AlreadyMapped,

        /// <summary>Memory decoding is disabled: the access gets SIGBUS and nothing is mapped.</summary>
        SigBus,

        /// <summary>The faulting task received a fatal signal while it waited for a lock; nothing is mapped.</summary>
        Killed,
    }
}
