using LockOrder.Vfio;
using Xunit;
using static LockOrder.Runtime.Tests.Vfio.DeviceModel;

namespace LockOrder.Runtime.Tests.Vfio
{
    public sealed class ConfigSpaceTests
    {
        [Fact]
        public void Clearing_the_memory_bit_zaps_every_mapping_and_disables_memory()
        {
            var device = new PciDevice("dev");
            var a = new AddressSpace("a");
            var b = new AddressSpace("b");
            var vmas = new[] { MapAndTouch(device, a), MapAndTouch(device, b) };

            WriteCommand(device, a, 0x0004);

            Assert.False(device.IsMemoryEnabled);
            Assert.Equal(0x0004, device.Command);
            Assert.All(vmas, vma => Assert.False(vma.IsPagePresent));
            Assert.Equal(2, device.ZappedPages);
            AssertInvariantsHold(device);
            AssertUnlocked(device);
            AssertUnlocked(a);
            AssertUnlocked(b);
        }

        [Fact]
        public void Setting_the_memory_bit_does_not_zap()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = MapAndTouch(device, space);

            WriteCommand(device, space, PciDevice.CommandMemoryEnable | 0x0004);

            Assert.True(device.IsMemoryEnabled);
            Assert.True(vma.IsPagePresent);
            Assert.Equal(0, device.ZappedPages);
            AssertInvariantsHold(device);
        }

        [Fact]
        public void Writing_only_the_high_byte_of_the_command_register_leaves_memory_and_mappings_alone()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = MapAndTouch(device, space);

            Assert.Equal(ConfigAccessResult.Completed, device.WriteConfig(PciDevice.CommandRegisterOffset + 1, UserBytes(space, 0x04)));

            Assert.Equal(0x0402, device.Command);
            Assert.True(vma.IsPagePresent);
            Assert.Equal(0, device.ZappedPages);
        }

        [Fact]
        public void Writes_to_read_only_registers_are_dropped()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");

            Assert.Equal(ConfigAccessResult.Completed, device.WriteConfig(0, UserBytes(space, 0xFF, 0xFF)));

            var id = space.Allocate(2);
            Assert.Equal(ConfigAccessResult.Completed, device.ReadConfig(0, id));
            Assert.Equal(new byte[] { 0x36, 0x1b }, Read(id));
        }

        [Fact]
        public void Memory_disabled_by_a_command_write_comes_back_with_the_next_one_and_faults_map_again()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = MapAndTouch(device, space);

            WriteCommand(device, space, 0);
            Assert.Equal(FaultResult.SigBus, Fault(vma));
            WriteCommand(device, space, PciDevice.CommandMemoryEnable);

            Assert.Equal(FaultResult.Mapped, Fault(vma));
            Assert.Equal(2, vma.MapCount);
            AssertInvariantsHold(device);
        }

        [Fact]
        public void A_command_write_whose_source_is_a_mapping_of_the_same_device_copies_in_before_locking()
        {
            // The source page is not present: copying it in faults into this device, which takes VmaLock and
            // MemoryLock for read. Done under the write lock that the disable takes, it would wait for itself.
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = Map(device, space);
            Assert.Equal(BarAccessResult.Completed, device.WriteBar(0, UserBytes(space, 0x00, 0x00)));

            Assert.Equal(ConfigAccessResult.Completed, device.WriteConfig(PciDevice.CommandRegisterOffset, vma.Buffer(0, 2)));

            Assert.False(device.IsMemoryEnabled);
            Assert.False(vma.IsPagePresent);
            Assert.Equal(1, vma.MapCount);
            AssertInvariantsHold(device);
            AssertUnlocked(device);
        }

        [Fact]
        public void A_config_read_into_a_mapping_of_the_same_device_copies_out_after_unlocking()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = Map(device, space);

            Assert.Equal(ConfigAccessResult.Completed, device.ReadConfig(PciDevice.CommandRegisterOffset, vma.Buffer(10, 2)));

            Assert.Equal(new byte[] { (byte)PciDevice.CommandMemoryEnable, 0 }, ReadBar(device, space)[10..12]);
            Assert.True(vma.IsPagePresent);
            AssertUnlocked(device);
        }

        [Fact]
        public void A_config_write_from_an_unreadable_buffer_fails_with_EFAULT_and_changes_nothing()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var source = UserBytes(space, 0, 0);
            space.Exit();

            Assert.Equal(ConfigAccessResult.UserFault, device.WriteConfig(PciDevice.CommandRegisterOffset, source));
            Assert.True(device.IsMemoryEnabled);
            AssertUnlocked(device);
        }
    }
}
