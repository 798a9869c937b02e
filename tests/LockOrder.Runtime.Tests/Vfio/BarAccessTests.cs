using LockOrder.Vfio;
using Xunit;
using static LockOrder.Runtime.Tests.Vfio.DeviceModel;

namespace LockOrder.Runtime.Tests.Vfio
{
    public sealed class BarAccessTests
    {
        [Fact]
        public void BAR_writes_and_reads_through_the_device_file_round_trip_across_device_accesses()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var data = Pattern(21, 3);

            Assert.Equal(BarAccessResult.Completed, device.WriteBar(5, UserBytes(space, data)));
            var back = space.Allocate(21);
            Assert.Equal(BarAccessResult.Completed, device.ReadBar(5, back));

            Assert.Equal(data, Read(back));
            AssertUnlocked(device);
            AssertUnlocked(space);
        }

        [Fact]
        public void BAR_access_with_memory_disabled_fails_and_touches_neither_BAR_nor_buffer()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            FillBar(device, space, Pattern(device.BarSize, 9));
            WriteCommand(device, space, 0);

            var destination = UserBytes(space, 0xEE, 0xEE, 0xEE, 0xEE);
            Assert.Equal(BarAccessResult.MemoryDisabled, device.ReadBar(0, destination));
            Assert.Equal(new byte[] { 0xEE, 0xEE, 0xEE, 0xEE }, Read(destination));
            Assert.Equal(BarAccessResult.MemoryDisabled, device.WriteBar(0, UserBytes(space, 1, 2, 3, 4)));

            WriteCommand(device, space, PciDevice.CommandMemoryEnable);
            Assert.Equal(Pattern(device.BarSize, 9), ReadBar(device, space));
            Assert.Equal(0, device.AccessesWhileDisabled);
            AssertUnlocked(device);
        }

        [Fact]
        public void A_BAR_read_into_a_mapping_of_the_same_BAR_works()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var contents = Pattern(device.BarSize, 40);
            FillBar(device, space, contents);
            var vma = Map(device, space);

            // The destination page is not present: each chunk's copy faults into this BAR after the read lock is dropped.
            Assert.Equal(BarAccessResult.Completed, device.ReadBar(0, vma.Buffer(32, 16)));

            var now = ReadBar(device, space);
            Assert.Equal(contents[0..16], now[32..48]);
            Assert.Equal(1, device.MappedFaults);
            AssertInvariantsHold(device);
            AssertUnlocked(device);
            AssertUnlocked(space);
        }

        [Fact]
        public void A_BAR_write_from_a_mapping_of_the_same_BAR_works()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var contents = Pattern(device.BarSize, 90);
            FillBar(device, space, contents);
            var vma = Map(device, space);

            Assert.Equal(BarAccessResult.Completed, device.WriteBar(0, vma.Buffer(40, 12)));

            Assert.Equal(contents[40..52], ReadBar(device, space)[0..12]);
            AssertUnlocked(device);
        }

        [Fact]
        public void A_BAR_read_into_a_mapping_of_a_disabled_device_fails_with_EFAULT()
        {
            var enabled = new PciDevice("enabled");
            var disabled = new PciDevice("disabled");
            var space = new AddressSpace("proc");
            var vma = Map(disabled, space);
            WriteCommand(disabled, space, 0);

            Assert.Equal(BarAccessResult.UserFault, enabled.ReadBar(0, vma.Buffer(0, 8)));
            Assert.Equal(1, disabled.SigBusFaults);
            Assert.Equal(0, disabled.AccessesWhileDisabled);
            AssertUnlocked(enabled);
            AssertUnlocked(disabled);
        }

        [Fact]
        public void A_BAR_access_outside_the_BAR_is_rejected()
        {
            var device = new PciDevice("dev", barSize: 16);
            var space = new AddressSpace("proc");

            Assert.Throws<System.ArgumentOutOfRangeException>(() => device.ReadBar(12, space.Allocate(8)));
            AssertUnlocked(device);
        }
    }
}
