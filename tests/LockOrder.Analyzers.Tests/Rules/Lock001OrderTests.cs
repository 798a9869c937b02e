using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules
{
    /// <summary>LOCK001: a blocking acquisition against the declared order MmapLock → VmaLock → MemoryLock.</summary>
    public sealed class Lock001OrderTests
    {
        private const string Device = @"
class Device
{
    public readonly MmapLock Mm = new MmapLock();
    public readonly VmaLock Vma = new VmaLock();
    public readonly MemoryLock Memory = new MemoryLock();
";

        [Fact]
        public Task AcquisitionInDeclaredOrderIsClean() => VerifyAsync(Device + @"
    void Fault()
    {
        using (Mm.Read())
        using (Vma.Lock())
        using (Memory.Read())
        {
        }
    }
}");

        [Fact]
        public Task TakingAnEarlierLockInsideALaterOneIsReported() => VerifyAsync(Device + @"
    void Disable()
    {
        using (Memory.Write())
        {
            using ({|LOCK001:Mm.Read()|})
            {
            }
        }
    }
}");

        [Fact]
        public Task MessageNamesBothLocksModesAndTheDeclaredChainAndPointsAtTheHeldAcquisition() => VerifyAsync(Device + @"
    void Disable()
    {
        {|#1:Memory.EnterWrite()|};
        {|#0:Mm.EnterRead()|};
        Mm.ExitRead();
        Memory.ExitWrite();
    }
}",
            Diagnostic("LOCK001").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'MmapLock' (Shared) while holding 'MemoryLock (this.Memory)' (Exclusive) breaks the declared order MmapLock → VmaLock → MemoryLock"));

        [Fact]
        public Task ReadAfterReadAgainstTheOrderCountsToo() => VerifyAsync(Device + @"
    void ReadRead()
    {
        Memory.EnterRead();
        {|LOCK001:Mm.EnterRead()|};
        Mm.ExitRead();
        Memory.ExitRead();
    }
}");

        [Fact]
        public Task TryAcquisitionAgainstTheOrderIsClean() => VerifyAsync(Device + @"
    void TryOnly()
    {
        using (Vma.Lock())
        {
            if (Mm.TryEnterRead())
            {
                Mm.ExitRead();
            }
        }
    }
}");

        [Fact]
        public Task KillableAcquisitionAgainstTheOrderIsReported() => VerifyAsync(Device + @"
    void Killable(CancellationToken token)
    {
        using (Vma.Lock())
        {
            if ({|LOCK001:Mm.EnterReadKillable(token)|})
            {
                Mm.ExitRead();
            }
        }
    }
}");

        [Fact]
        public Task LockTakenOnTheSuccessBranchOfATryIsCheckedAgainstLaterAcquisitions() => VerifyAsync(Device + @"
    void AfterTry()
    {
        if (!Vma.TryEnter())
        {
            return;
        }

        {|LOCK001:Mm.EnterRead()|};
        Mm.ExitRead();
        Vma.Exit();
    }
}");

        [Fact]
        public Task ReleasedLockNoLongerConstrainsTheOrder() => VerifyAsync(Device + @"
    void DropAndRetake()
    {
        Vma.Enter();
        Vma.Exit();
        Mm.EnterRead();
        Vma.Enter();
        Vma.Exit();
        Mm.ExitRead();
    }
}");

        [Fact]
        public Task HelperThatTakesVmaLockCalledUnderMemoryLockIsReportedWithItsPath() => VerifyAsync(Device + @"
    void RecordVma()
    {
        using (Vma.Lock())
        {
        }
    }

    void WrongPlace()
    {
        using (Memory.Write())
        {
            {|#0:RecordVma()|};
        }
    }

    void RightPlace()
    {
        RecordVma();
        using (Memory.Write())
        {
        }
    }
}",
            Diagnostic("LOCK001").WithLocation(0)
                .WithMessage("Blocking acquisition of 'VmaLock' (Exclusive) via Device.RecordVma → VmaLock.Lock while holding 'MemoryLock (this.Memory)' (Exclusive) breaks the declared order VmaLock → MemoryLock")
                .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));

        [Fact]
        public Task CastsToABaseLockClassAreLookedThroughAndCastsDownAreKeptAtTheCallAndInSummaries() => VerifyAsync(Device + @"
    void Upcast()
    {
        using ({|#3:Memory.Read()|})
        {
            {|#0:((MutexLock)Vma).Enter()|};
            ((MutexLock)Vma).Exit();
        }
    }

    void Downcast(MutexLock some)
    {
        using ({|#4:Memory.Read()|})
        {
            {|#1:((VmaLock)some).Enter()|};
            ((VmaLock)some).Exit();
        }
    }

    void ThroughACall()
    {
        using ({|#5:Memory.Read()|})
        {
            {|#2:TakeThroughCast()|};
        }
    }

    void TakeThroughCast()
    {
        ((MutexLock)Vma).Enter();
        ((MutexLock)Vma).Exit();
    }
}",
            Diagnostic("LOCK001").WithLocation(0).WithLocation(3)
                .WithMessage("Blocking acquisition of 'VmaLock' (Exclusive) while holding 'MemoryLock (this.Memory)' (Shared) breaks the declared order VmaLock → MemoryLock"),
            Diagnostic("LOCK001").WithLocation(1).WithLocation(4)
                .WithMessage("Blocking acquisition of 'VmaLock' (Exclusive) while holding 'MemoryLock (this.Memory)' (Shared) breaks the declared order VmaLock → MemoryLock"),
            Diagnostic("LOCK001").WithLocation(2).WithLocation(5)
                .WithMessage("Blocking acquisition of 'VmaLock' (Exclusive) via Device.TakeThroughCast → VmaLock.Enter while holding 'MemoryLock (this.Memory)' (Shared) breaks the declared order VmaLock → MemoryLock"));
    }
}
