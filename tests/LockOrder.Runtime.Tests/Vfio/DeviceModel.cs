using System;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.Runtime.Tests.Support;
using LockOrder.Vfio;
using Xunit;

namespace LockOrder.Runtime.Tests.Vfio
{
    /// <summary>Small steps the device tests share: mapping and touching pages, and checking nothing is left locked.</summary>
    internal static class DeviceModel
    {
        /// <summary>
        /// How long a thread already caught in a wait-for cycle is watched to show it really does not move. The cycle
        /// is established first (every thread seen queued), so this wait cannot end early; it is the deadlock detector.
        /// </summary>
        internal static readonly TimeSpan StuckWindow = TimeSpan.FromSeconds(1);

        /// <summary>Maps the device's BAR into <paramref name="space"/> and touches it, so its page is present.</summary>
        internal static Vma MapAndTouch(PciDevice device, AddressSpace space)
        {
            var vma = Map(device, space);
            vma.Buffer(0, 1).CopyFromUser(new byte[1]);
            Assert.True(vma.IsPagePresent);
            return vma;
        }

        internal static Vma Map(PciDevice device, AddressSpace space)
        {
            var vma = device.Mmap(space);
            Assert.NotNull(vma);
            return vma!;
        }

        /// <summary>Runs the fault handler the way the memory manager does: with the address space's MmapLock read-held.</summary>
        internal static FaultResult Fault(Vma vma)
        {
            using (vma.AddressSpace.MmapLock.Read())
            {
                return vma.Device.Fault(vma);
            }
        }

        /// <summary>Writes <paramref name="bytes"/> into ordinary memory of <paramref name="space"/>.</summary>
        internal static UserBuffer UserBytes(AddressSpace space, params byte[] bytes)
        {
            var buffer = space.Allocate(bytes.Length);
            buffer.CopyToUser(bytes);
            return buffer;
        }

        internal static byte[] Read(UserBuffer buffer)
        {
            var bytes = new byte[buffer.Length];
            buffer.CopyFromUser(bytes);
            return bytes;
        }

        internal static byte[] Pattern(int length, byte seed)
        {
            var bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = (byte)(seed + i);
            }

            return bytes;
        }

        /// <summary>Fills the device's BAR through the device file.</summary>
        internal static void FillBar(PciDevice device, AddressSpace space, byte[] contents)
        {
            Assert.Equal(BarAccessResult.Completed, device.WriteBar(0, UserBytes(space, contents)));
        }

        internal static byte[] ReadBar(PciDevice device, AddressSpace space)
        {
            var buffer = space.Allocate(device.BarSize);
            Assert.Equal(BarAccessResult.Completed, device.ReadBar(0, buffer));
            return Read(buffer);
        }

        /// <summary>Writes the command register through config space, as user space does.</summary>
        internal static void WriteCommand(PciDevice device, AddressSpace space, ushort command)
        {
            var source = UserBytes(space, (byte)(command & 0xFF), (byte)(command >> 8));
            Assert.Equal(ConfigAccessResult.Completed, device.WriteConfig(PciDevice.CommandRegisterOffset, source));
        }

        internal static void AssertUnlocked(PciDevice device)
        {
            Assert.False(device.VmaLock.IsHeld, $"{device}: VmaLock left held");
            Assert.False(device.MemoryLock.IsWriteHeld, $"{device}: MemoryLock left write-held");
            Assert.Equal(0, device.MemoryLock.ReaderCount);
        }

        internal static void AssertUnlocked(AddressSpace space)
        {
            Assert.False(space.MmapLock.IsWriteHeld, $"{space}: MmapLock left write-held");
            Assert.Equal(0, space.MmapLock.ReaderCount);
        }

        internal static void AssertInvariantsHold(PciDevice device)
        {
            Assert.Empty(device.CheckInvariants());
        }

        /// <summary>Shows that <paramref name="task"/>, caught in a wait-for cycle, does not finish: the deadlock is real.</summary>
        internal static void AssertStuck(Task task, string what)
        {
            Assert.False(task.Wait(StuckWindow), $"{what} finished: the interleaving did not deadlock");
        }

        /// <summary>Waits for a thread to reach <paramref name="signal"/>, failing instead of hanging.</summary>
        internal static void Reached(ManualResetEventSlim signal, string what) => Concurrently.WaitFor(signal, what);
    }
}
