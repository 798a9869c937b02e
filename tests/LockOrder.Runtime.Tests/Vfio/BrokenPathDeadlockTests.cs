using System;
using System.Threading;
using LockOrder.Vfio;
using Xunit;
using static LockOrder.Runtime.Tests.Vfio.DeviceModel;

namespace LockOrder.Runtime.Tests.Vfio
{
    /// <summary>With the validator off, each broken variant of DESIGN §1 really deadlocks in the model, and is unwound.</summary>
    public sealed class BrokenPathDeadlockTests
    {
        [Fact]
        public void The_first_designs_disable_path_deadlocks_with_a_fault_and_a_queued_mmap() =>
            BrokenInterleavings.FirstDesignDisable(validatorOn: false);

        [Fact]
        public void The_naive_zap_deadlocks_with_a_fault_and_a_queued_mmap() =>
            BrokenInterleavings.NaiveZap(validatorOn: false);

        [Fact]
        public void Holding_the_read_lock_across_the_copy_deadlocks_behind_a_queued_writer() =>
            BrokenInterleavings.RecursiveRead(validatorOn: false);

        [Fact]
        public void Copying_in_under_the_write_lock_deadlocks_with_a_fault_and_a_queued_mmap() =>
            BrokenInterleavings.CopyUnderWriteLockBehindQueuedMmap(validatorOn: false);

        [Fact]
        public void Copying_from_the_devices_own_mapping_under_the_write_lock_would_wait_for_itself()
        {
            // One thread, one cycle: the fault wants MemoryLock for read while the same thread holds it for write. The
            // semaphore refuses to wait for its own holder (it would never wake) instead of hanging the thread.
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = Map(device, space);

            var selfWait = Assert.Throws<SynchronizationLockException>(
                () => BrokenPaths.CopyUnderWriteLock(device, vma.Buffer(0, 2), CancellationToken.None));

            Assert.Contains("MemoryLock", selfWait.Message, StringComparison.Ordinal);
            Assert.Contains("would wait for itself", selfWait.Message, StringComparison.Ordinal);
            Assert.True(device.IsMemoryEnabled);
            AssertUnlocked(device);
            AssertUnlocked(space);
            AssertInvariantsHold(device);
        }
    }
}
