using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Flow
{
    /// <summary>
    /// The shapes of the vfio-pci history (DESIGN §1), which must come out exactly right: the correct paths clean,
    /// each historical mistake reported by the rule that names it.
    /// </summary>
    public sealed class VfioShapesTests
    {
        private const string Model = @"
sealed class AddressSpace
{
    public readonly MmapLock MmapLock = new MmapLock();
    public bool TryGet() => true;
    public void Put() { }
}

sealed class Vma
{
    public AddressSpace Space = new AddressSpace();
}

partial class PciDevice
{
    readonly VmaLock vmaLock = new VmaLock();
    readonly MemoryLock memoryLock = new MemoryLock();
    readonly List<Vma> vmas = new List<Vma>();
    bool memoryEnabled = true;

    void Zap(AddressSpace space) => vmas.RemoveAll(v => v.Space == space);
    void MapPage(Vma vma) { if (!vmas.Contains(vma)) vmas.Add(vma); }
}
";

        [Fact]
        public Task CorrectFaultPathIsClean() => VerifyAsync(Model + @"
partial class PciDevice
{
    [Requires(typeof(MmapLock), LockMode.Shared)]
    public int Fault(Vma vma)
    {
        using (vmaLock.Lock())
        using (memoryLock.Read())
        {
            if (!memoryEnabled)
            {
                return 7;
            }

            MapPage(vma);
            return 0;
        }
    }
}");

        [Fact]
        public Task DropAndRetakeZapLoopAnnotatedAcquiresIsClean() => VerifyAsync(Model + @"
partial class PciDevice
{
    [Acquires(typeof(VmaLock), LockMode.Exclusive)]
    public void ZapAndLockVmas()
    {
        vmaLock.Enter();
        while (vmas.Count > 0)
        {
            var space = vmas[0].Space;
            if (!space.TryGet())
            {
                vmas.RemoveAt(0);
                continue;
            }

            vmaLock.Exit();
            using (space.MmapLock.Read())
            {
                vmaLock.Enter();
                Zap(space);
                vmaLock.Exit();
            }

            space.Put();
            vmaLock.Enter();
        }
    }

    [Acquires(typeof(MemoryLock), LockMode.Exclusive)]
    public void ZapAndWriteLockMemory()
    {
        ZapAndLockVmas();
        memoryLock.EnterWrite();
        vmaLock.Exit();
    }

    public void DisableMemory()
    {
        ZapAndWriteLockMemory();
        memoryEnabled = false;
        memoryLock.ExitWrite();
    }

    public void EnableMemory()
    {
        using (memoryLock.Write())
        {
            memoryEnabled = true;
        }
    }
}");

        [Fact]
        public Task DropAndRetakeZapLoopWrittenAsWhileTrueIsClean() => VerifyAsync(Model + @"
partial class PciDevice
{
    // The kernel's shape: loop until the list is empty, and leave the loop only by returning with the lock held.
    [Acquires(typeof(VmaLock), LockMode.Exclusive)]
    public void ZapAndLockVmas()
    {
        while (true)
        {
            vmaLock.Enter();
            if (vmas.Count == 0)
            {
                return;
            }

            var space = vmas[0].Space;
            vmaLock.Exit();
            using (space.MmapLock.Read())
            {
                vmaLock.Enter();
                Zap(space);
                vmaLock.Exit();
            }
        }
    }
}");

        [Fact]
        public Task TryOnlyZapLoopAnnotatedTryAcquiresIsClean() => VerifyAsync(Model + @"
partial class PciDevice
{
    [TryAcquires(typeof(VmaLock), LockMode.Exclusive)]
    public bool TryZapAndLockVmas()
    {
        if (!vmaLock.TryEnter())
        {
            return false;
        }

        while (vmas.Count > 0)
        {
            var space = vmas[0].Space;
            vmaLock.Exit();
            if (!space.MmapLock.TryEnterRead())
            {
                return false;
            }

            if (!vmaLock.TryEnter())
            {
                space.MmapLock.ExitRead();
                return false;
            }

            Zap(space);
            space.MmapLock.ExitRead();
        }

        return true;
    }

    public bool TryReset()
    {
        if (!TryZapAndLockVmas())
        {
            return false;
        }

        vmaLock.Exit();
        return true;
    }
}");

        [Fact]
        public Task NaiveZapTakingMmapLockUnderVmaLockIsReported() => VerifyAsync(Model + @"
partial class PciDevice
{
    public void NaiveZap()
    {
        using (vmaLock.Lock())
        {
            foreach (var vma in vmas.ToArray())
            {
                using ({|LOCK001:vma.Space.MmapLock.Read()|})
                {
                    Zap(vma.Space);
                }
            }
        }
    }
}");

        [Fact]
        public Task FirstDesignDisablePathIsReported() => VerifyAsync(Model + @"
partial class PciDevice
{
    public void Disable()
    {
        using (memoryLock.Write())
        {
            memoryEnabled = false;
            foreach (var vma in vmas.ToArray())
            {
                {|LOCK001:vma.Space.MmapLock.EnterRead()|};
                Zap(vma.Space);
                vma.Space.MmapLock.ExitRead();
            }
        }
    }
}");

        [Fact]
        public Task CallingTheZapHelperWhileHoldingVmaLockIsReportedThroughItsBody() => VerifyAsync(Model + @"
partial class PciDevice
{
    [Acquires(typeof(VmaLock), LockMode.Exclusive)]
    public void ZapAndLockVmas()
    {
        vmaLock.Enter();
        while (vmas.Count > 0)
        {
            var space = vmas[0].Space;
            vmaLock.Exit();
            space.MmapLock.EnterRead();
            vmaLock.Enter();
            Zap(space);
            space.MmapLock.ExitRead();
        }
    }

    public void Wrong()
    {
        using (memoryLock.Read())
        {
            {|LOCK001:ZapAndLockVmas()|};
            vmaLock.Exit();
        }
    }
}");

        [Fact]
        public Task LockHeldOnOnePathOnlyIsReported() => VerifyAsync(Model + @"
partial class PciDevice
{
    public void Sometimes(bool flag)
    {
        if (flag)
        {
            {|LOCK005:vmaLock.Enter()|};
        }

        memoryEnabled = true;
    }
}");
    }
}
