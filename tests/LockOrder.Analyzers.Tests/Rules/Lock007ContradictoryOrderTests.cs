using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules
{
    /// <summary>LOCK007: a cycle in the declared order, reported once, on its first declaring attribute.</summary>
    public sealed class Lock007ContradictoryOrderTests
    {
        [Fact]
        public Task TwoClassCycleIsReportedOnceOnTheAttribute() => VerifyAsync(@"
[{|#0:AcquiredBefore(typeof(LockB))|}]
sealed class LockA : MutexLock { }

[{|#1:AcquiredBefore(typeof(LockA))|}]
sealed class LockB : MutexLock { }
",
            Diagnostic("LOCK007").WithLocation(0).WithLocation(1).WithMessage("The declared lock order is contradictory: LockA → LockB → LockA"));

        [Fact]
        public Task CycleThroughTheRuntimeLocksIsReported() => VerifyAsync(@"
[{|LOCK007:AcquiredAfter(typeof(MemoryLock))|}, AcquiredBefore(typeof(MmapLock))]
sealed class LoopLock : MutexLock { }
");

        [Fact]
        public Task ConsistentDeclarationsAreClean() => VerifyAsync(@"
[AcquiredAfter(typeof(MemoryLock))]
sealed class BusLock : MutexLock { }

[AcquiredAfter(typeof(BusLock)), AcquiredAfter(typeof(VmaLock))]
sealed class LeafLock : MutexLock { }
");
    }
}
