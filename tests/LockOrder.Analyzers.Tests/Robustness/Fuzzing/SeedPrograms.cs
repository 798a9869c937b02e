namespace LockOrder.Analyzers.Tests.Robustness.Fuzzing
{
    /// <summary>
    /// Lock-heavy programs the fuzz corpus always contains (read from this file's string literals like every other
    /// test's), so mutations reach every rule even before other tests exist: the DESIGN §1 device paths, each rule's
    /// typical violation, and a project that declares its own copies of the annotations.
    /// </summary>
    internal static class SeedPrograms
    {
        /// <summary>A small vfio-pci device written the correct way; the typing simulation types it in.</summary>
        internal const string Device = """
            using System;
            using System.Collections.Generic;
            using LockOrder;

            namespace Sample.Vfio
            {
                public sealed class AddressSpace
                {
                    public readonly MmapLock MmapLock = new MmapLock();
                }

                public sealed class Vma
                {
                    public Vma(AddressSpace space) => Space = space;

                    public AddressSpace Space { get; }
                }

                public sealed class Device
                {
                    private readonly VmaLock vmaLock = new VmaLock();
                    private readonly MemoryLock memoryLock = new MemoryLock();
                    private readonly List<Vma> vmas = new List<Vma>();
                    private bool memoryEnabled = true;

                    // The memory manager takes MmapLock for read before calling the fault handler.
                    [Requires(typeof(MmapLock), LockMode.Shared)]
                    public bool Fault(Vma vma)
                    {
                        using (vmaLock.Lock())
                        using (memoryLock.Read())
                        {
                            if (!memoryEnabled)
                            {
                                return false;
                            }

                            if (!vmas.Contains(vma))
                            {
                                vmas.Add(vma);
                            }

                            return true;
                        }
                    }

                    // Drop VmaLock to take each MmapLock in order, retake it, and return with MemoryLock write-held.
                    [Acquires(typeof(MemoryLock), LockMode.Exclusive)]
                    private void ZapAndDisable()
                    {
                        vmaLock.Enter();
                        while (vmas.Count > 0)
                        {
                            var space = vmas[0].Space;
                            vmaLock.Exit();
                            space.MmapLock.EnterRead();
                            vmaLock.Enter();
                            vmas.RemoveAll(vma => vma.Space == space);
                            space.MmapLock.ExitRead();
                        }

                        memoryLock.EnterWrite();
                        vmaLock.Exit();
                    }

                    public void WriteCommand(UserBuffer buffer)
                    {
                        Span<byte> command = stackalloc byte[2];
                        buffer.CopyFromUser(command);
                        if ((command[0] & 2) != 0)
                        {
                            memoryLock.EnterWrite();
                            memoryEnabled = true;
                            memoryLock.ExitWrite();
                        }
                        else
                        {
                            ZapAndDisable();
                            memoryEnabled = false;
                            memoryLock.ExitWrite();
                        }
                    }

                    public void ReadBar(UserBuffer buffer, int length)
                    {
                        var chunk = new byte[4];
                        for (var offset = 0; offset < length; offset += chunk.Length)
                        {
                            using (memoryLock.Read())
                            {
                                if (!memoryEnabled)
                                {
                                    return;
                                }

                                chunk[0] = (byte)offset;
                            }

                            buffer.CopyToUser(chunk);
                        }
                    }

                    public static bool TryResetBoth(Device first, Device second)
                    {
                        if (!first.vmaLock.TryEnter())
                        {
                            return false;
                        }

                        if (!second.vmaLock.TryEnter())
                        {
                            first.vmaLock.Exit();
                            return false;
                        }

                        second.vmaLock.Exit();
                        first.vmaLock.Exit();
                        return true;
                    }
                }
            }
            """;

        /// <summary>Every rule's typical violation, one method each.</summary>
        internal const string Violations = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using LockOrder;

            [AcquiredBefore(typeof(LockB))] public sealed class LockA : MutexLock { }
            [AcquiredBefore(typeof(LockA))] public sealed class LockB : MutexLock { }

            public sealed class Violations
            {
                private readonly MmapLock mmapLock = new MmapLock();
                private readonly VmaLock vmaLock = new VmaLock();
                private readonly VmaLock otherVmaLock = new VmaLock();
                private readonly MemoryLock memoryLock = new MemoryLock();

                public void NaiveZap()
                {
                    vmaLock.Enter();
                    mmapLock.EnterRead();
                    mmapLock.ExitRead();
                    vmaLock.Exit();
                }

                public void FirstDesignDisable()
                {
                    using (memoryLock.Write())
                    using (mmapLock.Read())
                    {
                    }
                }

                public void CopyUnderWrite(UserBuffer buffer)
                {
                    memoryLock.EnterWrite();
                    buffer.CopyFromUser(new byte[8]);
                    memoryLock.ExitWrite();
                }

                public void CopyUnderVma(UserBuffer buffer)
                {
                    using (vmaLock.Lock())
                    {
                        buffer.CopyToUser(new byte[8]);
                    }
                }

                public void BarLoopHoldingRead(UserBuffer buffer, int length)
                {
                    using (memoryLock.Read())
                    {
                        for (var offset = 0; offset < length; offset++)
                        {
                            buffer.CopyToUser(new byte[1]);
                        }
                    }
                }

                public void TwoInstances()
                {
                    vmaLock.Enter();
                    otherVmaLock.Enter();
                    otherVmaLock.Exit();
                    vmaLock.Exit();
                }

                public void HeldOnOnePath(bool condition)
                {
                    if (condition)
                    {
                        vmaLock.Enter();
                    }

                    vmaLock.Exit();
                }

                public void KillableAgainstOrder(CancellationToken token)
                {
                    using (memoryLock.Read())
                    {
                        if (vmaLock.EnterKillable(token))
                        {
                            vmaLock.Exit();
                        }
                    }
                }

                public async Task HeldAcrossAwait()
                {
                    vmaLock.Enter();
                    await Task.Yield();
                    vmaLock.Exit();
                }

                public void IgnoredTry()
                {
                    vmaLock.TryEnter();
                    vmaLock.Exit();
                }

                [Requires(typeof(VmaLock), LockMode.Exclusive)]
                private void NeedsVma() { }

                [Excludes(typeof(MemoryLock))]
                private void MustNotHoldMemory() { }

                public void BrokenContracts()
                {
                    NeedsVma();
                    using (memoryLock.Read())
                    {
                        MustNotHoldMemory();
                    }
                }
            }
            """;

        /// <summary>Faults and acquisitions reached only through calls, recursion included, and ABBA across methods.</summary>
        internal const string ThroughCalls = """
            using System;
            using LockOrder;

            public sealed class Config
            {
                private readonly MemoryLock memoryLock = new MemoryLock();
                private readonly VmaLock vmaLock = new VmaLock();

                public void Write(UserBuffer buffer, int depth)
                {
                    if (depth > 0)
                    {
                        Write(buffer, depth - 1);
                        return;
                    }

                    buffer.CopyFromUser(new byte[4]);
                }

                public void ResetUnderWrite(UserBuffer buffer)
                {
                    using (memoryLock.Write())
                    {
                        Write(buffer, 3);
                        Zap();
                    }
                }

                private void Zap()
                {
                    using (vmaLock.Lock())
                    {
                    }
                }

                [MayAcquire(typeof(MmapLock), LockMode.Shared)]
                private static extern void External();

                public void CallsExternalUnderVma()
                {
                    using (vmaLock.Lock())
                    {
                        External();
                        Action fault = () => Write(null!, 1);
                        fault();
                        void Local() => Zap();
                        Local();
                    }
                }
            }

            public sealed class BusLock : MutexLock { }
            public sealed class PowerLock : MutexLock { }

            public sealed class Bus
            {
                private readonly BusLock bus = new BusLock();
                private readonly PowerLock power = new PowerLock();

                public void Reset() { using (bus.Lock()) { Power(); } }

                private void Power() { using (power.Lock()) { } }

                public void Suspend() { using (power.Lock()) { using (bus.Lock()) { } } }
            }
            """;

        /// <summary>A project that declares its own annotations, as DESIGN allows, some with shapes the runtime's do not have.</summary>
        internal const string OwnAnnotations = """
            using System;

            namespace LockOrder
            {
                public enum LockMode { Shared, Exclusive }
                public sealed class AcquiredBeforeAttribute : Attribute { public AcquiredBeforeAttribute(params Type[] locks) { } }
                public sealed class AcquiresAttribute : Attribute { public AcquiresAttribute(string name) { } }
                public sealed class ReleasesAttribute : Attribute { public ReleasesAttribute(Type lockType, LockMode mode) { } }
                public sealed class MightFaultAttribute : Attribute { public MightFaultAttribute(int how) { } }
                public sealed class TryAcquiresAttribute : Attribute { public TryAcquiresAttribute(LockMode mode) { } public int Blocking { get; set; } }
            }

            namespace User
            {
                using LockOrder;

                [AcquiredBefore(typeof(Second))]
                public sealed class First
                {
                    [Acquires("First")] public void Enter() { }
                    [Releases(typeof(First), LockMode.Exclusive)] public void Exit() { }
                    [TryAcquires(LockMode.Exclusive, Blocking = 3)] public bool TryEnter() => true;
                }

                public sealed class Second
                {
                    [Acquires("Second")] public void Enter() { }
                    [MightFault(2)] public void Touch() { }
                }

                public static class Use
                {
                    public static void Run(First first, Second second)
                    {
                        second.Enter();
                        first.Enter();
                        second.Touch();
                        if (first.TryEnter()) first.Exit();
                        first.Exit();
                    }
                }
            }
            """;
    }
}
