using System;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.Runtime.Tests.Support;
using LockOrder.Vfio;
using Xunit;
using static LockOrder.Runtime.Tests.Vfio.DeviceModel;

namespace LockOrder.Runtime.Tests.Vfio
{
    /// <summary>
    /// Each broken path of <see cref="BrokenPaths"/> driven, with events, into the interleaving where it deadlocks
    /// against correct paths of the model. The broken path's closing acquisition is the last step:
    /// <list type="bullet">
    /// <item>with the validator off, the wait-for cycle forms (every thread is seen queued), the threads are shown not
    /// to move, and a fatal signal to one killable wait unwinds it — every thread then finishes;</item>
    /// <item>with the validator on, that same acquisition throws <see cref="LockOrderViolationException"/> of the
    /// expected kind before it waits, the broken path's locks are released on the way out, and every other thread
    /// finishes.</item>
    /// </list>
    /// </summary>
    internal static class BrokenInterleavings
    {
        /// <summary>
        /// The first design: the disable path holds MemoryLock (write) and wants an address space's MmapLock; a fault
        /// holds that MmapLock (read) and wants MemoryLock (read); an mmap in the same process is queued for MmapLock
        /// (write), so the disable's read must wait behind it.
        /// </summary>
        internal static void FirstDesignDisable(bool validatorOn)
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = Map(device, space);
            using var killDisable = new CancellationTokenSource();
            var writeLocked = new ManualResetEventSlim();
            var zapNow = new ManualResetEventSlim();

            var disable = Concurrently.Start(() => BrokenPaths.FirstDesignDisable(device, new[] { space }, killDisable.Token, () =>
            {
                writeLocked.Set();
                Assert.True(zapNow.Wait(Concurrently.DeadlockTimeout), "never told to zap");
            }));
            Reached(writeLocked, "the disable holds MemoryLock for write");

            var access = Concurrently.Start(() => vma.Buffer(0, 8).TryCopyFromUser(new byte[8]));
            Concurrently.WaitUntil(() => device.MemoryLock.QueuedCount == 1, "the fault (holding MmapLock) waits for MemoryLock");
            var mmap = Concurrently.Start(() => device.Mmap(space));
            Concurrently.WaitUntil(() => space.MmapLock.QueuedCount == 1, "mmap waits for MmapLock behind the fault");

            zapNow.Set();
            if (validatorOn)
            {
                AssertViolation(disable, LockViolationKind.DeclaredOrder, "MmapLock");
            }
            else
            {
                Concurrently.WaitUntil(() => space.MmapLock.QueuedCount == 2, "the disable waits for MmapLock behind mmap");
                AssertStuck(disable, "the first design's disable");
                Assert.False(access.IsCompleted || mmap.IsCompleted);
                killDisable.Cancel();
                Assert.False(Concurrently.ResultOf(disable, "the killed disable"));
            }

            Assert.True(Concurrently.ResultOf(access, "the faulting user access"));
            Assert.NotNull(Concurrently.ResultOf(mmap, "the mmap"));
            Assert.True(device.IsMemoryEnabled);
            AssertAllClear(device, space);
        }

        /// <summary>
        /// The naive zap: holds VmaLock and wants an address space's MmapLock; a fault holds that MmapLock and wants
        /// VmaLock; an mmap is queued for the MmapLock in between.
        /// </summary>
        internal static void NaiveZap(bool validatorOn)
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var mapped = MapAndTouch(device, space);
            var unmapped = Map(device, space);
            using var killZap = new CancellationTokenSource();
            var vmaLocked = new ManualResetEventSlim();
            var zapNow = new ManualResetEventSlim();

            var zap = Concurrently.Start(() => BrokenPaths.NaiveZap(device, new[] { space }, killZap.Token, () =>
            {
                vmaLocked.Set();
                Assert.True(zapNow.Wait(Concurrently.DeadlockTimeout), "never told to zap");
            }));
            Reached(vmaLocked, "the zap holds VmaLock");

            var access = Concurrently.Start(() => unmapped.Buffer(0, 8).TryCopyFromUser(new byte[8]));
            Concurrently.WaitUntil(() => device.VmaLock.WaiterCount == 1, "the fault (holding MmapLock) waits for VmaLock");
            var mmap = Concurrently.Start(() => device.Mmap(space));
            Concurrently.WaitUntil(() => space.MmapLock.QueuedCount == 1, "mmap waits for MmapLock behind the fault");

            zapNow.Set();
            if (validatorOn)
            {
                AssertViolation(zap, LockViolationKind.DeclaredOrder, "VmaLock");
                Assert.True(mapped.IsPagePresent);
            }
            else
            {
                Concurrently.WaitUntil(() => space.MmapLock.QueuedCount == 2, "the zap waits for MmapLock behind mmap");
                AssertStuck(zap, "the naive zap");
                Assert.False(access.IsCompleted || mmap.IsCompleted);
                killZap.Cancel();
                Assert.False(Concurrently.ResultOf(zap, "the killed zap"));
            }

            Assert.True(Concurrently.ResultOf(access, "the faulting user access"));
            Assert.NotNull(Concurrently.ResultOf(mmap, "the mmap"));
            AssertAllClear(device, space);
        }

        /// <summary>
        /// The 2020 recursive read: a BAR read holds MemoryLock (read) across its copy into a mapping of the same
        /// BAR; a writer queues for MemoryLock; the copy's fault asks for MemoryLock (read) again and, the semaphore
        /// being fair, waits behind the writer, which waits for the first read.
        /// </summary>
        internal static void RecursiveRead(bool validatorOn)
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var contents = Pattern(device.BarSize, 11);
            FillBar(device, space, contents);
            var vma = Map(device, space);
            using var killReader = new CancellationTokenSource();
            var readLocked = new ManualResetEventSlim();
            var copyNow = new ManualResetEventSlim();

            var read = Concurrently.Start(() => BrokenPaths.RecursiveReadBar(device, 0, vma.Buffer(32, 8), killReader.Token, () =>
            {
                readLocked.Set();
                Assert.True(copyNow.Wait(Concurrently.DeadlockTimeout), "never told to copy");
            }));
            Reached(readLocked, "the BAR read holds MemoryLock for read");

            var writer = Concurrently.Start(() =>
            {
                ushort saved = device.LockMemoryAndEnable();
                device.UnlockMemoryAndRestore(saved);
            });
            Concurrently.WaitUntil(() => device.MemoryLock.QueuedCount == 1, "the writer is queued behind the read");

            copyNow.Set();
            if (validatorOn)
            {
                AssertViolation(read, LockViolationKind.UserMemoryAccess, "MemoryLock");
            }
            else
            {
                Concurrently.WaitUntil(() => device.MemoryLock.QueuedCount == 2, "the fault's second read is queued behind the writer");
                AssertStuck(read, "the recursive-read BAR read");
                Assert.False(writer.IsCompleted);

                // A fatal signal to the reading task ends its fault's wait: the copy fails, the read lock goes.
                killReader.Cancel();
                Assert.Equal(BarAccessResult.UserFault, Concurrently.ResultOf(read, "the killed BAR read"));
            }

            Concurrently.Finish(writer, "the queued writer");

            // The fixed path, one lock hold per device access and copies outside, does the same read fine.
            Assert.Equal(BarAccessResult.Completed, device.ReadBar(0, vma.Buffer(32, 8)));
            Assert.Equal(contents[0..8], ReadBar(device, space)[32..40]);
            AssertAllClear(device, space);
        }

        /// <summary>
        /// A config write that copies in under the write lock, from ordinary memory: the copy wants MmapLock (read)
        /// behind a queued mmap, which waits for a fault holding MmapLock (read), which waits for MemoryLock.
        /// </summary>
        internal static void CopyUnderWriteLockBehindQueuedMmap(bool validatorOn)
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = Map(device, space);
            var source = UserBytes(space, 0, 0);
            using var killWrite = new CancellationTokenSource();
            var writeLocked = new ManualResetEventSlim();
            var copyNow = new ManualResetEventSlim();

            var write = Concurrently.Start(() => BrokenPaths.CopyUnderWriteLock(device, source, killWrite.Token, () =>
            {
                writeLocked.Set();
                Assert.True(copyNow.Wait(Concurrently.DeadlockTimeout), "never told to copy");
            }));
            Reached(writeLocked, "the config write holds MemoryLock for write");

            var access = Concurrently.Start(() => vma.Buffer(0, 8).TryCopyFromUser(new byte[8]));
            Concurrently.WaitUntil(() => device.MemoryLock.QueuedCount == 1, "the fault (holding MmapLock) waits for MemoryLock");
            var mmap = Concurrently.Start(() => device.Mmap(space));
            Concurrently.WaitUntil(() => space.MmapLock.QueuedCount == 1, "mmap waits for MmapLock behind the fault");

            copyNow.Set();
            if (validatorOn)
            {
                AssertViolation(write, LockViolationKind.UserMemoryAccess, "MemoryLock");
            }
            else
            {
                Concurrently.WaitUntil(() => space.MmapLock.QueuedCount == 2, "the copy waits for MmapLock behind mmap");
                AssertStuck(write, "the config write copying under the write lock");
                Assert.False(access.IsCompleted || mmap.IsCompleted);
                killWrite.Cancel();
                Assert.Equal(ConfigAccessResult.UserFault, Concurrently.ResultOf(write, "the killed config write"));
            }

            Assert.True(Concurrently.ResultOf(access, "the faulting user access"));
            Assert.NotNull(Concurrently.ResultOf(mmap, "the mmap"));
            Assert.True(device.IsMemoryEnabled);
            AssertAllClear(device, space);
        }

        private static void AssertViolation(Task task, LockViolationKind kind, string heldLock)
        {
            try
            {
                task.Wait(Concurrently.DeadlockTimeout);
            }
            catch (AggregateException)
            {
                // Expected: the violation faults the task; checked below.
            }

            Assert.True(task.IsFaulted, "the broken path blocked or finished instead of being reported");
            var exception = Assert.IsType<LockOrderViolationException>(task.Exception?.InnerException);
            Assert.Equal(kind, exception.Kind);
            Assert.Contains(heldLock, exception.Message, StringComparison.Ordinal);
        }

        private static void AssertAllClear(PciDevice device, AddressSpace space)
        {
            AssertUnlocked(device);
            AssertUnlocked(space);
            AssertInvariantsHold(device);
        }
    }
}
