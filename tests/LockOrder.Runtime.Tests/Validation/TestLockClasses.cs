namespace LockOrder.Runtime.Tests.Validation
{
    // Lock classes with no declared order, for the lockdep-style self-tests: ABBA, ABBCCA and so on.
    internal sealed class LockA : MutexLock
    {
    }

    internal sealed class LockB : MutexLock
    {
    }

    internal sealed class LockC : MutexLock
    {
    }

    internal sealed class LockD : MutexLock
    {
    }

    internal sealed class SemaphoreA : RwSemaphore
    {
    }

    internal sealed class SemaphoreB : RwSemaphore
    {
    }

    // Stands in for the PCI bus lock of the four-lock cycle lockdep found in vfio-pci in 2024.
    internal sealed class BusLock : MutexLock
    {
    }

    // A declared chain: DeclaredFirst -> DeclaredSecond -> DeclaredThird -> DeclaredLast, the last step declared
    // from the later side with [AcquiredAfter].
    [AcquiredBefore(typeof(DeclaredSecond))]
    internal sealed class DeclaredFirst : MutexLock
    {
    }

    [AcquiredBefore(typeof(DeclaredThird))]
    internal sealed class DeclaredSecond : RwSemaphore
    {
    }

    internal sealed class DeclaredThird : MutexLock
    {
    }

    [AcquiredAfter(typeof(DeclaredThird))]
    internal sealed class DeclaredLast : MutexLock
    {
    }
}
