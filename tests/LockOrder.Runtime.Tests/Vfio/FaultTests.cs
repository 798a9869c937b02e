using System.Threading;
using LockOrder.Runtime.Tests.Support;
using LockOrder.Vfio;
using Xunit;
using static LockOrder.Runtime.Tests.Vfio.DeviceModel;

namespace LockOrder.Runtime.Tests.Vfio
{
    public sealed class FaultTests
    {
        [Fact]
        public void A_fault_with_memory_enabled_maps_the_page()
        {
            var device = new PciDevice("dev");
            var vma = Map(device, new AddressSpace("proc"));
            Assert.False(vma.IsPagePresent);

            Assert.Equal(FaultResult.Mapped, Fault(vma));

            Assert.True(vma.IsPagePresent);
            Assert.Equal(1, vma.MapCount);
            Assert.Equal(1, device.MappedFaults);
            AssertInvariantsHold(device);
            AssertUnlocked(device);
        }

        [Fact]
        public void A_fault_with_memory_disabled_gets_SIGBUS_and_maps_nothing()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = Map(device, space);
            WriteCommand(device, space, 0);

            Assert.Equal(FaultResult.SigBus, Fault(vma));

            Assert.False(vma.IsPagePresent);
            Assert.Equal(0, vma.MapCount);
            Assert.Equal(1, device.SigBusFaults);
            AssertInvariantsHold(device);
            AssertUnlocked(device);
        }

        [Fact]
        public void A_fault_on_an_already_mapped_vma_maps_nothing_again()
        {
            var device = new PciDevice("dev");
            var vma = Map(device, new AddressSpace("proc"));

            Assert.Equal(FaultResult.Mapped, Fault(vma));
            Assert.Equal(FaultResult.AlreadyMapped, Fault(vma));

            Assert.Equal(1, vma.MapCount);
            Assert.Equal(1, device.MappedFaults);
            AssertInvariantsHold(device);
        }

        [Fact]
        public void Two_concurrent_faults_on_one_vma_map_it_once()
        {
            var device = new PciDevice("dev");
            var vma = Map(device, new AddressSpace("proc"));

            // Both faults get past MmapLock (shared) and queue on VmaLock, so they really are in the handler together.
            device.VmaLock.Enter();
            var first = Concurrently.Start(() => Fault(vma));
            var second = Concurrently.Start(() => Fault(vma));
            Concurrently.WaitUntil(() => device.VmaLock.WaiterCount == 2, "both faults wait for VmaLock");
            Assert.Equal(2, vma.AddressSpace.MmapLock.ReaderCount);
            device.VmaLock.Exit();

            var results = new[] { Concurrently.ResultOf(first, "the first fault"), Concurrently.ResultOf(second, "the second fault") };
            Assert.Contains(FaultResult.Mapped, results);
            Assert.Contains(FaultResult.AlreadyMapped, results);
            Assert.Equal(1, vma.MapCount);
            Assert.Equal(1, device.MappedFaults);
            AssertInvariantsHold(device);
            AssertUnlocked(device);
        }

        [Fact]
        public void The_fault_handler_refuses_a_caller_that_does_not_hold_MmapLock()
        {
            var device = new PciDevice("dev");
            var vma = Map(device, new AddressSpace("proc"));

            var misuse = Assert.Throws<SynchronizationLockException>(() => device.Fault(vma));
            Assert.Contains("MmapLock", misuse.Message, System.StringComparison.Ordinal);
            Assert.False(vma.IsPagePresent);
            AssertUnlocked(device);
        }

        [Fact]
        public void A_copy_through_a_mapping_faults_the_page_in_and_reaches_the_BAR()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            FillBar(device, space, Pattern(device.BarSize, 1));
            var vma = Map(device, space);

            var bytes = Read(vma.Buffer(16, 8));

            Assert.Equal(Pattern(device.BarSize, 1)[16..24], bytes);
            Assert.True(vma.IsPagePresent);
            Assert.Equal(1, device.MappedFaults);
            AssertUnlocked(space);
        }

        [Fact]
        public void A_copy_through_a_mapping_of_a_disabled_device_fails_with_EFAULT()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = Map(device, space);
            WriteCommand(device, space, 0);

            Assert.False(vma.Buffer(0, 8).TryCopyFromUser(new byte[8]));
            Assert.Throws<UserMemoryFaultException>(() => vma.Buffer(0, 8).CopyToUser(new byte[8]));
            Assert.Equal(2, device.SigBusFaults);
            Assert.Equal(0, device.AccessesWhileDisabled);
            AssertUnlocked(space);
            AssertUnlocked(device);
        }

        [Fact]
        public void A_killed_fault_gives_up_its_wait_and_maps_nothing()
        {
            var device = new PciDevice("dev");
            var vma = Map(device, new AddressSpace("proc"));
            using var kill = new CancellationTokenSource();

            device.VmaLock.Enter();
            var copy = Concurrently.Start(() => vma.Buffer(0, 4).TryCopyFromUser(new byte[4], kill.Token));
            Concurrently.WaitUntil(() => device.VmaLock.WaiterCount == 1, "the fault waits for VmaLock");
            kill.Cancel();

            Assert.False(Concurrently.ResultOf(copy, "the killed copy"));
            device.VmaLock.Exit();
            Assert.False(vma.IsPagePresent);
            AssertUnlocked(device);
            AssertUnlocked(vma.AddressSpace);
        }
    }
}
