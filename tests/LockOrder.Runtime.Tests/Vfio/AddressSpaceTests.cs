using System;
using LockOrder.Runtime.Tests.Support;
using LockOrder.Vfio;
using Xunit;
using static LockOrder.Runtime.Tests.Vfio.DeviceModel;

namespace LockOrder.Runtime.Tests.Vfio
{
    public sealed class AddressSpaceTests
    {
        [Fact]
        public void Users_pin_the_address_space_until_the_count_reaches_zero()
        {
            var space = new AddressSpace("proc");
            Assert.Equal(1, space.Users);
            Assert.True(space.TryGet());
            Assert.Equal(2, space.Users);

            space.Exit();
            Assert.Equal(1, space.Users);
            Assert.True(space.TryGet());
            space.Put();
            space.Put();

            Assert.Equal(0, space.Users);
            Assert.False(space.TryGet());
            Assert.Throws<InvalidOperationException>(space.Put);
        }

        [Fact]
        public void Exit_tears_down_every_mapping_and_the_devices_forget_them()
        {
            var first = new PciDevice("d0");
            var second = new PciDevice("d1");
            var space = new AddressSpace("proc");
            var vmas = new[] { MapAndTouch(first, space), Map(first, space), MapAndTouch(second, space) };

            space.Exit();
            space.Exit();

            Assert.True(space.HasExited);
            Assert.All(vmas, vma => Assert.False(vma.IsMapped));
            Assert.All(vmas, vma => Assert.False(vma.IsPagePresent));
            AssertUnlocked(space);
            AssertInvariantsHold(first);
            AssertInvariantsHold(second);

            // Nothing of the exited process is left for a zap to visit.
            Assert.True(first.ZapAndLockVmas(tryOnly: true));
            first.VmaLock.Exit();
            Assert.Equal(0, first.ZappedPages);
        }

        [Fact]
        public void An_exited_address_space_takes_no_mappings_and_its_memory_cannot_be_copied()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var memory = UserBytes(space, 1, 2, 3);
            space.Exit();

            Assert.Null(device.Mmap(space));
            Assert.False(memory.TryCopyFromUser(new byte[3]));
            Assert.Throws<UserMemoryFaultException>(() => memory.CopyToUser(new byte[3]));
        }

        [Fact]
        public void Munmap_closes_the_mapping_and_zaps_its_page()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = MapAndTouch(device, space);

            Assert.True(vma.Unmap());
            Assert.False(vma.Unmap());

            Assert.False(vma.IsMapped);
            Assert.False(vma.IsPagePresent);
            Assert.False(vma.Buffer(0, 4).TryCopyFromUser(new byte[4]));
            using (space.MmapLock.Read())
            {
                Assert.Empty(space.MappingsLocked());
            }

            AssertInvariantsHold(device);
            AssertUnlocked(device);
            AssertUnlocked(space);
        }

        [Fact]
        public void Munmap_waits_for_a_copy_through_the_mapping_to_finish()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = MapAndTouch(device, space);

            space.MmapLock.EnterRead();
            var unmap = Concurrently.Start(vma.Unmap);
            Concurrently.WaitUntil(() => space.MmapLock.QueuedCount == 1, "munmap waits for MmapLock");
            Assert.True(vma.IsMapped);
            space.MmapLock.ExitRead();

            Assert.True(Concurrently.ResultOf(unmap, "munmap"));
            Assert.False(vma.IsMapped);
        }

        [Fact]
        public void Slices_of_ordinary_memory_copy_at_their_offset()
        {
            var space = new AddressSpace("proc");
            var buffer = UserBytes(space, 0, 1, 2, 3, 4, 5);

            buffer.Slice(2, 3).CopyToUser(new byte[] { 9, 9, 9 });

            Assert.Equal(new byte[] { 0, 1, 9, 9, 9, 5 }, Read(buffer));
            Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Slice(4, 3));
            Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Slice(0, 2).CopyToUser(new byte[3]));
        }
    }
}
