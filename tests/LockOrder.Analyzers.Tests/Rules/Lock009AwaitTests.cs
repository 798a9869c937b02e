using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules
{
    /// <summary>LOCK009: a thread-owned lock held across an await.</summary>
    public sealed class Lock009AwaitTests
    {
        private const string Device = @"
class Device
{
    public readonly VmaLock Vma = new VmaLock();
";

        [Fact]
        public Task AwaitInsideAUsingScopeIsReported() => VerifyAsync(Device + @"
    async Task RunAsync()
    {
        using ({|#1:Vma.Lock()|})
        {
            {|#0:await Task.Yield()|};
        }
    }
}",
            Diagnostic("LOCK009").WithLocation(0).WithLocation(1)
                .WithMessage("'VmaLock (this.Vma)' (Exclusive) is held across 'await': the continuation can run on another thread and the lock stays held while the task waits"));

        [Fact]
        public Task AwaitAfterTheReleaseIsClean() => VerifyAsync(Device + @"
    async Task RunAsync()
    {
        using (Vma.Lock())
        {
        }

        await Task.Yield();
        Vma.Enter();
        Vma.Exit();
    }
}");

        [Fact]
        public Task AwaitOnTheSuccessBranchOfATryIsReported() => VerifyAsync(Device + @"
    async Task RunAsync()
    {
        if (Vma.TryEnter())
        {
            {|LOCK009:await Task.Delay(1)|};
            Vma.Exit();
        }
    }
}");

        [Fact]
        public Task AwaitInALambdaCreatedUnderTheLockIsClean() => VerifyAsync(Device + @"
    Func<Task> Later()
    {
        using (Vma.Lock())
        {
            return async () => await Task.Yield();
        }
    }
}");
    }
}
