using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules
{
    /// <summary>LOCK010: the result of a try-acquisition is ignored.</summary>
    public sealed class Lock010IgnoredTryTests
    {
        private const string Device = @"
class Device
{
    public readonly VmaLock Vma = new VmaLock();
    public readonly MemoryLock Memory = new MemoryLock();
";

        [Fact]
        public Task ExpressionStatementTryIsReportedAndDoesNotCascade() => VerifyAsync(Device + @"
    void Run()
    {
        {|#0:Vma.TryEnter()|};
        Vma.Exit();
    }
}",
            Diagnostic("LOCK010").WithLocation(0).WithMessage("The result of 'Vma.TryEnter()' is ignored: the lock is held only when it returns true"));

        [Fact]
        public Task DiscardedTryIsReportedAndDoesNotCascade() => VerifyAsync(Device + @"
    void Run()
    {
        _ = {|LOCK010:Memory.TryEnterWrite()|};
        Memory.ExitWrite();
    }
}");

        [Fact]
        public Task KillableResultIgnoredIsReported() => VerifyAsync(Device + @"
    void Run(CancellationToken token)
    {
        {|LOCK010:Vma.EnterKillable(token)|};
    }
}");

        [Fact]
        public Task CheckedResultsAreClean() => VerifyAsync(Device + @"
    bool Run()
    {
        bool taken = Vma.TryEnter();
        if (!taken)
        {
            return false;
        }

        Vma.Exit();
        if (Memory.TryEnterRead())
        {
            Memory.ExitRead();
        }

        return true;
    }
}");
    }
}
