using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules
{
    /// <summary>LOCK005: a leak at return, a release of a lock not held, a lock held on some paths only, a body that breaks its own contract.</summary>
    public sealed class Lock005StateMismatchTests
    {
        private const string Device = @"
class Device
{
    public readonly VmaLock Vma = new VmaLock();
    public readonly MemoryLock Memory = new MemoryLock();
";

        [Fact]
        public Task LockStillHeldAtReturnIsReportedAtItsAcquisition() => VerifyAsync(Device + @"
    void Leak()
    {
        {|#0:Vma.Enter()|};
    }
}",
            Diagnostic("LOCK005").WithLocation(0)
                .WithMessage("'VmaLock (this.Vma)' (Exclusive) taken here is still held when 'Device.Leak' returns: release it on every path, or declare [Acquires(typeof(VmaLock), LockMode.Exclusive)] on 'Device.Leak'"));

        [Fact]
        public Task EarlyReturnThatSkipsTheReleaseIsReported() => VerifyAsync(Device + @"
    int EarlyReturn(bool failed)
    {
        {|LOCK005:Memory.EnterRead()|};
        if (failed)
        {
            return -1;
        }

        Memory.ExitRead();
        return 0;
    }
}");

        [Fact]
        public Task ReleaseWithoutAcquisitionIsReportedAtTheRelease() => VerifyAsync(Device + @"
    void DoubleRelease()
    {
        Vma.Enter();
        Vma.Exit();
        {|#0:Vma.Exit()|};
    }
}",
            Diagnostic("LOCK005").WithLocation(0)
                .WithMessage("'VmaLock (this.Vma)' is released here but is not held on this path: releasing a lock that is not held throws SynchronizationLockException"));

        [Fact]
        public Task LockTakenInALoopWithoutReleaseIsReportedOnce() => VerifyAsync(Device + @"
    void Loop(int n)
    {
        for (int i = 0; i < n; i++)
        {
            {|LOCK005:Vma.Enter()|};
        }
    }
}");

        [Fact]
        public Task AcquiresMethodThatDoesNotAcquireIsReported() => VerifyAsync(Device + @"
    [Acquires(typeof(VmaLock), LockMode.Exclusive)]
    void {|#0:Lock|}(bool really)
    {
        if (really)
        {
            Vma.Enter();
        }
    }
}",
            Diagnostic("LOCK005").WithLocation(0)
                .WithMessage("'Device.Lock' is declared [Acquires(typeof(VmaLock), LockMode.Exclusive)] but returns without holding 'VmaLock' (Exclusive) on this path"));

        [Fact]
        public Task AcquiresMethodAndItsCallerAreCleanWhenTheCallerReleases() => VerifyAsync(Device + @"
    [Acquires(typeof(VmaLock), LockMode.Exclusive)]
    void Lock() => Vma.Enter();

    void Caller()
    {
        Lock();
        Vma.Exit();
    }
}");

        [Fact]
        public Task ReleasesMethodMustReleaseOnEveryPath() => VerifyAsync(Device + @"
    [Releases(typeof(VmaLock), LockMode.Exclusive)]
    void {|LOCK005:Unlock|}(bool really)
    {
        if (!really)
        {
            return;
        }

        Vma.Exit();
    }

    [Releases(typeof(VmaLock), LockMode.Exclusive)]
    void UnlockProperly() => Vma.Exit();

    void Caller()
    {
        Vma.Enter();
        UnlockProperly();
    }
}");

        [Fact]
        public Task TryAcquiresMethodReturningFalseWhileHoldingIsReported() => VerifyAsync(Device + @"
    [TryAcquires(typeof(VmaLock), LockMode.Exclusive)]
    bool TryLock()
    {
        Vma.Enter();
        {|LOCK005:return false;|}
    }
}");

        [Fact]
        public Task TryAcquiresMethodReturningTrueWithoutTheLockIsReported() => VerifyAsync(Device + @"
    [TryAcquires(typeof(VmaLock), LockMode.Exclusive)]
    bool TryLock()
    {
        {|LOCK005:return true;|}
    }
}");

        [Fact]
        public Task TryAcquiresMethodPassingTheResultThroughIsClean() => VerifyAsync(Device + @"
    [TryAcquires(typeof(VmaLock), LockMode.Exclusive)]
    bool TryLock() => Vma.TryEnter();

    void Caller()
    {
        if (TryLock())
        {
            Vma.Exit();
        }
    }
}");

        [Fact]
        public Task RequiresMethodMayKeepTheCallersLock() => VerifyAsync(Device + @"
    [Requires(typeof(VmaLock), LockMode.Exclusive)]
    void UnderVma() { }
}");

        [Fact]
        public Task RequiresMethodThatDropsAndRetakesTheCallersLockEndsAsItBegan() => VerifyAsync(@"
sealed class StructLock : MutexLock { }

class Device
{
    public readonly StructLock Lock = new StructLock();
}

static class Maintenance
{
    [Requires(typeof(StructLock), LockMode.Exclusive)]
    static void Relax(Device dev)
    {
        dev.Lock.Exit();
        Thread.Sleep(1);
        dev.Lock.Enter();
    }

    [Requires(typeof(StructLock), LockMode.Exclusive)]
    static void {|#0:RelaxAndForget|}(Device dev, bool early)
    {
        dev.Lock.Exit();
        if (early)
        {
            return;
        }

        dev.Lock.Enter();
    }

    static void Caller(Device dev)
    {
        dev.Lock.Enter();
        Relax(dev);
        RelaxAndForget(dev, false);
        dev.Lock.Exit();
    }
}",
            Diagnostic("LOCK005").WithLocation(0)
                .WithMessage("'Maintenance.RelaxAndForget' is declared [Requires(typeof(StructLock), LockMode.Exclusive)] but releases 'StructLock', which its caller holds, and returns on this path without taking it again"));

        [Fact]
        public Task BothTryAcquisitionsOfAConjunctionAreHeldWhereItIsTrue() => VerifyAsync(@"
sealed class LockA : MutexLock { }
sealed class LockB : MutexLock { }

class Pair
{
    readonly LockA x = new LockA();
    readonly LockB y = new LockB();

    public void Both()
    {
        // When y fails, x stays taken: that leak is reported where the paths join; the true side holds both.
        bool {|#1:b = {|#0:x.TryEnter()|} && y.TryEnter()|};
        if (b)
        {
            y.Exit();
            x.Exit();
        }
    }
}",
            Diagnostic("LOCK005").WithLocation(0).WithLocation(1)
                .WithMessage("'LockA (this.x)' (Exclusive) taken here is held on some paths only where they join (line 18): release it on every path, or on none"));
    }
}
