using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules
{
    /// <summary>LOCK006: a call that breaks the callee's [Requires] or [Excludes].</summary>
    public sealed class Lock006CallContractTests
    {
        private const string Device = @"
class Device
{
    public readonly MmapLock Mm = new MmapLock();
    public readonly VmaLock Vma = new VmaLock();
    public readonly MemoryLock Memory = new MemoryLock();

    [Requires(typeof(MmapLock), LockMode.Shared)]
    public int Fault()
    {
        using (Vma.Lock())
        using (Memory.Read())
        {
            return 0;
        }
    }

    [Requires(typeof(MemoryLock), LockMode.Exclusive)]
    void WhileDisabled() { }

    [Excludes(typeof(MemoryLock))]
    void TakesMemoryItself() { using (Memory.Write()) { } }
";

        [Fact]
        public Task FaultHandlerCalledWithTheMmapLockIsClean() => VerifyAsync(Device + @"
    int PageFault()
    {
        using (Mm.Read())
        {
            return Fault();
        }
    }
}");

        [Fact]
        public Task FaultHandlerCalledWithoutTheMmapLockIsReported() => VerifyAsync(Device + @"
    int Direct() => {|#0:Fault()|};
}",
            Diagnostic("LOCK006").WithLocation(0)
                .WithMessage("Call to 'Device.Fault' breaks its lock contract: it requires 'MmapLock' held (Shared), and no 'MmapLock' is held here"));

        [Fact]
        public Task ExclusiveRequirementIsNotMetByASharedHold() => VerifyAsync(Device + @"
    void Caller()
    {
        using (Memory.Read())
        {
            {|LOCK006:WhileDisabled()|};
        }

        using (Memory.Write())
        {
            WhileDisabled();
        }
    }
}");

        [Fact]
        public Task ExcludesViolatedIsReported() => VerifyAsync(Device + @"
    void Caller()
    {
        TakesMemoryItself();
        using (Memory.Read())
        {
            // Both: the contract is broken, and the callee's own write acquisition waits for this thread's read.
            {|LOCK004:{|LOCK006:TakesMemoryItself()|}|};
        }
    }
}");

        [Fact]
        public Task RequiresOnTheAnalyzedMethodMeansHeldOnEntry() => VerifyAsync(Device + @"
    [Requires(typeof(MemoryLock), LockMode.Exclusive)]
    void Nested(UserBuffer buffer, byte[] data)
    {
        WhileDisabled();
        {|LOCK002:buffer.CopyFromUser(data)|};
    }
}");
    }
}
