using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Flow
{
    /// <summary>
    /// The held set follows the control flow: using declarations, try/finally, early returns, loops, try-acquisition
    /// branches through a bool local, killable waits, downgrades, and lambdas and local functions as their own bodies.
    /// </summary>
    public sealed class ControlFlowShapesTests
    {
        private const string Device = @"
class Device
{
    public readonly MmapLock Mm = new MmapLock();
    public readonly VmaLock Vma = new VmaLock();
    public readonly MemoryLock Memory = new MemoryLock();
";

        [Fact]
        public Task UsingDeclarationHoldsToTheEndOfItsBlock() => VerifyAsync(Device + @"
    void Run(bool flag)
    {
        if (flag)
        {
            using var scope = Memory.Write();
            {|LOCK001:Vma.Enter()|};
            Vma.Exit();
        }

        Vma.Enter();
        Vma.Exit();
    }
}");

        [Fact]
        public Task LambdasInCodeNoPathReachesAreStillBodiesOfTheirOwn() => VerifyAsync(Device + @"
    void Run(Action<Action> later)
    {
        try
        {
            throw new InvalidOperationException();
        }
        finally
        {
            later(() =>
            {
                using (Memory.Write())
                {
                    {|LOCK001:Vma.Enter()|};
                    Vma.Exit();
                }
            });
        }
    }

    void Never(Action<Action> later)
    {
        if (false)
        {
            later(() =>
            {
                using (Memory.Read())
                {
                    {|LOCK001:Mm.EnterRead()|};
                    Mm.ExitRead();
                }
            });
        }
    }
}");

        [Fact]
        public Task ExplicitDisposeOfAScopeReleases() => VerifyAsync(Device + @"
    void Run()
    {
        var scope = Memory.Write();
        scope.Dispose();
        Vma.Enter();
        Vma.Exit();
    }
}");

        [Fact]
        public Task TryFinallyReleasesOnEveryPathIncludingEarlyReturn() => VerifyAsync(Device + @"
    int Run(bool fail)
    {
        Memory.EnterWrite();
        try
        {
            if (fail)
            {
                return -1;
            }

            return 0;
        }
        finally
        {
            Memory.ExitWrite();
        }
    }

    void After()
    {
        Run(true);
        Mm.EnterRead();
        Mm.ExitRead();
    }
}");

        [Fact]
        public Task ReleaseInCatchAndRethrowIsClean() => VerifyAsync(Device + @"
    void Run(Action work)
    {
        Vma.Enter();
        try
        {
            work();
        }
        catch (InvalidOperationException)
        {
            Vma.Exit();
            throw;
        }

        Vma.Exit();
    }
}");

        [Fact]
        public Task ThrowWithTheLockHeldIsNotALeakOfThisMethod() => VerifyAsync(Device + @"
    void Run(bool bad)
    {
        Vma.Enter();
        if (bad)
        {
            throw new InvalidOperationException();
        }

        Vma.Exit();
    }
}");

        [Fact]
        public Task TryResultInABoolLocalGuardsTheLaterBranch() => VerifyAsync(Device + @"
    void Run(UserBuffer buffer, byte[] data)
    {
        bool taken = Memory.TryEnterWrite();
        buffer.CopyFromUser(data);
        if (taken)
        {
            {|LOCK002:buffer.CopyFromUser(data)|};
            Memory.ExitWrite();
        }
    }
}");

        [Fact]
        public Task NegatedTryWithEarlyReturnHoldsTheLockAfterwards() => VerifyAsync(Device + @"
    void Run(UserBuffer buffer, byte[] data)
    {
        if (!Memory.TryEnterRead())
        {
            buffer.CopyFromUser(data);
            return;
        }

        {|LOCK003:buffer.CopyFromUser(data)|};
        Memory.ExitRead();
    }
}");

        [Fact]
        public Task KillableSuccessBranchHoldsTheLock() => VerifyAsync(Device + @"
    bool Run(CancellationToken token, UserBuffer buffer, byte[] data)
    {
        if (!Vma.EnterKillable(token))
        {
            return false;
        }

        {|LOCK002:buffer.CopyToUser(data)|};
        Vma.Exit();
        return true;
    }
}");

        [Fact]
        public Task DowngradeKeepsTheLockSharedWithoutWaiting() => VerifyAsync(Device + @"
    void Run(UserBuffer buffer, byte[] data)
    {
        Memory.EnterWrite();
        Memory.DowngradeWrite();
        {|LOCK003:buffer.CopyToUser(data)|};
        Memory.ExitRead();
    }
}");

        [Fact]
        public Task DropAndRetakeInsideALoopWithBreakAndContinueIsClean() => VerifyAsync(Device + @"
    void Run(List<AddressSpaceLike> spaces)
    {
        Vma.Enter();
        foreach (var space in spaces)
        {
            if (space.Skip)
            {
                continue;
            }

            Vma.Exit();
            using (space.Lock.Read())
            {
                Vma.Enter();
                if (space.Last)
                {
                    break;
                }

                Vma.Exit();
            }

            Vma.Enter();
        }

        Vma.Exit();
    }
}

class AddressSpaceLike
{
    public readonly MmapLock Lock = new MmapLock();
    public bool Skip;
    public bool Last;
}");

        [Fact]
        public Task LambdaBodyIsAnalyzedOnItsOwnStartingWithNothingHeld() => VerifyAsync(Device + @"
    Action Make(UserBuffer buffer, byte[] data)
    {
        using (Memory.Write())
        {
            return () =>
            {
                buffer.CopyFromUser(data);
                using (Memory.Write())
                {
                    {|LOCK002:buffer.CopyFromUser(data)|};
                }
            };
        }
    }
}");

        [Fact]
        public Task LocalFunctionWithRequiresStartsWithTheLockHeld() => VerifyAsync(Device + @"
    void Run(UserBuffer buffer, byte[] data)
    {
        using (Memory.Write())
        {
            // The body is checked with the lock held; the call does not repeat what the body reports.
            Locked();
        }

        {|LOCK006:Locked()|};

        [Requires(typeof(MemoryLock), LockMode.Exclusive)]
        void Locked() => {|LOCK002:buffer.CopyFromUser(data)|};
    }
}");

        [Fact]
        public Task NoLockAnalysisSkipsTheBody() => VerifyAsync(Device + @"
    [NoLockAnalysis]
    void Trusted()
    {
        Memory.EnterWrite();
        Mm.EnterRead();
    }
}");
    }
}
