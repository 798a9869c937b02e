using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using LockOrder.Runtime.Tests.Support;
using LockOrder.Vfio;
using Xunit;

namespace LockOrder.Runtime.Tests.Vfio
{
    /// <summary>
    /// Every path at once, from several threads, a fixed number of steps each: whatever the interleaving, every step
    /// finishes (the deadline is only a deadlock detector) and the invariants hold after every step.
    /// </summary>
    public sealed class ModelStressTests
    {
        private const int Steps = 1500;

        [Fact]
        public void Every_path_from_four_threads_finishes_and_keeps_the_invariants()
        {
            var devices = new[] { new PciDevice("d0", barSize: 32), new PciDevice("d1", barSize: 32) };
            var spaces = new[] { new AddressSpace("a"), new AddressSpace("b") };
            var mappings = new ConcurrentQueue<Vma>();
            var problems = new ConcurrentQueue<string>();
            foreach (var device in devices)
            {
                foreach (var space in spaces)
                {
                    mappings.Enqueue(device.Mmap(space)!);
                }
            }

            void Run(int seed)
            {
                var random = new Random(seed);
                for (int step = 0; step < Steps; step++)
                {
                    var device = devices[random.Next(devices.Length)];
                    var space = spaces[random.Next(spaces.Length)];
                    Vma[] known = mappings.ToArray();
                    var vma = known[random.Next(known.Length)];
                    var buffer = random.Next(2) == 0 ? vma.Buffer(random.Next(24), 8) : space.Allocate(8);
                    switch (random.Next(9))
                    {
                        case 0:
                            buffer.TryCopyFromUser(new byte[8]);
                            break;
                        case 1:
                            device.ReadBar(random.Next(24), buffer);
                            break;
                        case 2:
                            device.WriteBar(random.Next(24), buffer);
                            break;
                        case 3:
                            DeviceModel.WriteCommand(device, space, random.Next(2) == 0 ? (ushort)0 : PciDevice.CommandMemoryEnable);
                            break;
                        case 4:
                            device.ReadConfig(0, buffer);
                            break;
                        case 5:
                            device.Reset();
                            break;
                        case 6:
                            PciDevice.HotReset(random.Next(2) == 0 ? devices : new[] { devices[1], devices[0] });
                            break;
                        case 7:
                            ushort saved = device.LockMemoryAndEnable();
                            device.ReadBarLocked(0, new byte[4]);
                            device.UnlockMemoryAndRestore(saved);
                            break;
                        default:
                            if (vma.Unmap())
                            {
                                mappings.Enqueue(vma.Device.Mmap(vma.AddressSpace)!);
                            }

                            break;
                    }

                    foreach (var checkedDevice in devices)
                    {
                        foreach (var problem in checkedDevice.CheckInvariants())
                        {
                            problems.Enqueue($"thread {seed}, step {step}: {problem}");
                        }
                    }
                }
            }

            var workers = new Task[4];
            for (int i = 0; i < workers.Length; i++)
            {
                int seed = i + 1;
                workers[i] = Concurrently.Start(() => Run(seed));
            }

            foreach (var worker in workers)
            {
                Concurrently.Finish(worker, "a worker");
            }

            Assert.Empty(problems);
            foreach (var device in devices)
            {
                DeviceModel.AssertUnlocked(device);
                Assert.Equal(0, device.AccessesWhileDisabled);
            }

            foreach (var space in spaces)
            {
                DeviceModel.AssertUnlocked(space);
            }
        }
    }
}
