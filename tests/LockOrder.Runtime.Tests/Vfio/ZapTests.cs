using System.Threading;
using LockOrder.Runtime.Tests.Support;
using LockOrder.Vfio;
using Xunit;
using static LockOrder.Runtime.Tests.Vfio.DeviceModel;

namespace LockOrder.Runtime.Tests.Vfio
{
    public sealed class ZapTests
    {
        [Fact]
        public void The_zap_loop_unmaps_every_address_space_and_returns_holding_VmaLock()
        {
            var device = new PciDevice("dev");
            var spaces = new[] { new AddressSpace("a"), new AddressSpace("b"), new AddressSpace("c") };
            var vmas = new[] { MapAndTouch(device, spaces[0]), MapAndTouch(device, spaces[1]), MapAndTouch(device, spaces[2]), MapAndTouch(device, spaces[0]) };

            Assert.True(device.ZapAndLockVmas(tryOnly: false));
            try
            {
                Assert.True(device.VmaLock.IsHeld);
                Assert.All(vmas, vma => Assert.False(vma.IsPagePresent));
                Assert.Equal(4, device.ZappedPages);
                foreach (var space in spaces)
                {
                    AssertUnlocked(space);
                    Assert.Equal(1, space.Users);
                }
            }
            finally
            {
                device.VmaLock.Exit();
            }

            AssertInvariantsHold(device);
        }

        [Fact]
        public void While_the_zap_holds_VmaLock_no_fault_can_map_a_page()
        {
            var device = new PciDevice("dev");
            var vma = MapAndTouch(device, new AddressSpace("proc"));

            Assert.True(device.ZapAndLockVmas(tryOnly: false));
            var fault = Concurrently.Start(() => Fault(vma));
            Concurrently.WaitUntil(() => device.VmaLock.WaiterCount == 1, "the fault waits for VmaLock");
            Assert.False(vma.IsPagePresent);
            device.VmaLock.Exit();

            Assert.Equal(FaultResult.Mapped, Concurrently.ResultOf(fault, "the fault"));
        }

        [Fact]
        public void The_zap_loop_skips_an_exiting_address_space_and_drops_its_pages()
        {
            var device = new PciDevice("dev");
            var live = new AddressSpace("live");
            var exiting = new AddressSpace("exiting");
            var liveVma = MapAndTouch(device, live);
            var exitingVma = MapAndTouch(device, exiting);

            // The process exits; its teardown waits for MmapLock (write) while someone reads it, so the mapping is
            // still there, with its page, when the zap runs — but the address space has no users any more.
            exiting.MmapLock.EnterRead();
            var exit = Concurrently.Start(exiting.Exit);
            Concurrently.WaitUntil(() => exiting.MmapLock.QueuedCount == 1, "the teardown waits for MmapLock");
            Assert.Equal(0, exiting.Users);
            Assert.True(exitingVma.IsMapped);

            // The zap must not wait for the exiting address space's MmapLock (held here): it drops its pages instead.
            Concurrently.OnOtherThread(() =>
            {
                Assert.True(device.ZapAndLockVmas(tryOnly: false));
                Assert.False(liveVma.IsPagePresent);
                Assert.False(exitingVma.IsPagePresent);
                device.VmaLock.Exit();
            });

            exiting.MmapLock.ExitRead();
            Concurrently.Finish(exit, "the exit");
            Assert.False(exitingVma.IsMapped);
            Assert.True(liveVma.IsMapped);
            AssertInvariantsHold(device);
            AssertUnlocked(device);
        }

        [Fact]
        public void The_try_zap_gives_up_holding_nothing_when_VmaLock_is_contended()
        {
            var device = new PciDevice("dev");
            var vma = MapAndTouch(device, new AddressSpace("proc"));

            device.VmaLock.Enter();
            Assert.False(Concurrently.OnOtherThread(() => device.ZapAndLockVmas(tryOnly: true)));
            device.VmaLock.Exit();

            Assert.True(vma.IsPagePresent);
            AssertUnlocked(device);
        }

        [Fact]
        public void The_try_zap_gives_up_holding_nothing_when_an_MmapLock_is_contended()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = MapAndTouch(device, space);

            space.MmapLock.EnterWrite();
            Assert.False(Concurrently.OnOtherThread(() => device.ZapAndLockVmas(tryOnly: true)));
            space.MmapLock.ExitWrite();

            Assert.True(vma.IsPagePresent);
            Assert.Equal(1, space.Users);
            AssertUnlocked(device);
            AssertInvariantsHold(device);
        }

        [Fact]
        public void The_try_zap_without_contention_zaps_like_the_blocking_one()
        {
            var device = new PciDevice("dev");
            var vma = MapAndTouch(device, new AddressSpace("proc"));

            Assert.True(device.ZapAndLockVmas(tryOnly: true));
            Assert.False(vma.IsPagePresent);
            device.VmaLock.Exit();
            AssertUnlocked(device);
        }

        [Fact]
        public void The_blocking_zap_waits_for_an_MmapLock_without_holding_VmaLock()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = MapAndTouch(device, space);

            // A writer holds the MmapLock: the zap must wait for it with VmaLock dropped, so faults elsewhere can run.
            space.MmapLock.EnterWrite();
            var zap = Concurrently.Start(() =>
            {
                device.ZapAndLockVmas(tryOnly: false);
                device.VmaLock.Exit();
            });
            Concurrently.WaitUntil(() => space.MmapLock.QueuedCount == 1, "the zap waits for MmapLock");
            Assert.False(device.VmaLock.IsHeld);
            Assert.True(vma.IsPagePresent);
            space.MmapLock.ExitWrite();

            Concurrently.Finish(zap, "the zap");
            Assert.False(vma.IsPagePresent);
            AssertUnlocked(device);
        }

        [Fact]
        public void ZapAndWriteLockMemory_returns_with_memory_write_locked_VmaLock_free_and_nothing_mapped()
        {
            var device = new PciDevice("dev");
            var vma = MapAndTouch(device, new AddressSpace("proc"));

            device.ZapAndWriteLockMemory();
            Assert.True(device.MemoryLock.IsWriteHeld);
            Assert.False(device.VmaLock.IsHeld);
            Assert.False(vma.IsPagePresent);
            device.MemoryLock.ExitWrite();

            AssertUnlocked(device);
            AssertInvariantsHold(device);
        }
    }
}
