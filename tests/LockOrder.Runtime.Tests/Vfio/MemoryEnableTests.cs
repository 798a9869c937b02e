using System.Threading;
using LockOrder.Runtime.Tests.Support;
using LockOrder.Vfio;
using Xunit;
using static LockOrder.Runtime.Tests.Vfio.DeviceModel;

namespace LockOrder.Runtime.Tests.Vfio
{
    public sealed class MemoryEnableTests
    {
        [Fact]
        public void LockMemoryAndEnable_turns_memory_on_under_the_write_lock_and_restore_turns_it_back_off()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            FillBar(device, space, Pattern(device.BarSize, 7));
            WriteCommand(device, space, 0);

            ushort saved = device.LockMemoryAndEnable();
            try
            {
                Assert.Equal(0, saved);
                Assert.True(device.MemoryLock.IsWriteHeld);
                var word = new byte[4];
                Assert.True(device.ReadBarLocked(8, word));
                Assert.Equal(Pattern(device.BarSize, 7)[8..12], word);
            }
            finally
            {
                device.UnlockMemoryAndRestore(saved);
            }

            Assert.False(device.IsMemoryEnabled);
            Assert.Equal(0, device.AccessesWhileDisabled);
            AssertUnlocked(device);
            AssertInvariantsHold(device);
        }

        [Fact]
        public void UnlockMemoryAndRestore_without_the_write_lock_is_misuse()
        {
            var device = new PciDevice("dev");
            Assert.Throws<SynchronizationLockException>(() => device.UnlockMemoryAndRestore(0));
            Assert.True(device.IsMemoryEnabled);
        }

        [Fact]
        public void Enabling_memory_waits_for_BAR_readers_and_does_not_zap()
        {
            var device = new PciDevice("dev");
            var vma = MapAndTouch(device, new AddressSpace("proc"));

            device.MemoryLock.EnterRead();
            var enable = Concurrently.Start(() =>
            {
                ushort saved = device.LockMemoryAndEnable();
                device.UnlockMemoryAndRestore(saved);
            });
            Concurrently.WaitUntil(() => device.MemoryLock.QueuedCount == 1, "the enable waits for the reader");
            device.MemoryLock.ExitRead();
            Concurrently.Finish(enable, "the enable");

            Assert.True(vma.IsPagePresent);
            Assert.Equal(0, device.ZappedPages);
        }

        [Fact]
        public void The_invariant_check_catches_memory_turned_off_under_a_present_page()
        {
            // Restoring a "memory off" command without zapping is exactly what the zap-first rule forbids; the check
            // must see it, or it checks nothing.
            var device = new PciDevice("dev");
            var vma = MapAndTouch(device, new AddressSpace("proc"));

            device.LockMemoryAndEnable();
            device.UnlockMemoryAndRestore(0);

            Assert.True(vma.IsPagePresent);
            Assert.Contains(device.CheckInvariants(), problem => problem.Contains("page present while memory is disabled", System.StringComparison.Ordinal));
        }

        [Fact]
        public void The_invariant_check_catches_a_BAR_access_while_memory_is_disabled()
        {
            var device = new PciDevice("dev");
            var vma = MapAndTouch(device, new AddressSpace("proc"));
            device.LockMemoryAndEnable();
            device.UnlockMemoryAndRestore(0);

            // The stale page lets a user access reach the device with decoding off: CVE-2020-12888.
            vma.Buffer(0, 4).CopyFromUser(new byte[4]);

            Assert.Equal(1, device.AccessesWhileDisabled);
            Assert.Contains(device.CheckInvariants(), problem => problem.Contains("while memory was disabled", System.StringComparison.Ordinal));
        }
    }
}
