using System;
using System.Threading;
using LockOrder.Runtime.Tests.Support;
using LockOrder.Vfio;
using Xunit;
using static LockOrder.Runtime.Tests.Vfio.DeviceModel;

namespace LockOrder.Runtime.Tests.Vfio
{
    public sealed class ResetTests
    {
        [Fact]
        public void A_function_reset_zaps_clears_the_BAR_and_keeps_the_command_register()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            FillBar(device, space, Pattern(device.BarSize, 1));
            var vma = MapAndTouch(device, space);

            device.Reset();

            Assert.False(vma.IsPagePresent);
            Assert.True(device.IsMemoryEnabled);
            Assert.Equal(new byte[device.BarSize], ReadBar(device, space));
            Assert.Equal(1, device.Resets);
            AssertUnlocked(device);
            AssertInvariantsHold(device);
            Assert.Equal(FaultResult.Mapped, Fault(vma));
        }

        [Fact]
        public void A_hot_reset_without_contention_resets_every_device()
        {
            var devices = new[] { new PciDevice("d0"), new PciDevice("d1"), new PciDevice("d2") };
            var space = new AddressSpace("proc");
            var vmas = new Vma[devices.Length];
            for (int i = 0; i < devices.Length; i++)
            {
                FillBar(devices[i], space, Pattern(devices[i].BarSize, (byte)i));
                vmas[i] = MapAndTouch(devices[i], space);
            }

            Assert.Equal(HotResetResult.Completed, PciDevice.HotReset(devices));

            for (int i = 0; i < devices.Length; i++)
            {
                Assert.Equal(1, devices[i].Resets);
                Assert.False(vmas[i].IsPagePresent);
                Assert.Equal(new byte[devices[i].BarSize], ReadBar(devices[i], space));
                AssertUnlocked(devices[i]);
                AssertInvariantsHold(devices[i]);
            }
        }

        [Fact]
        public void A_hot_reset_returns_busy_when_a_VmaLock_is_contended_and_leaves_nothing_locked()
        {
            AssertBusyWhileHeld(device => device.VmaLock.Enter(), device => device.VmaLock.Exit());
        }

        [Fact]
        public void A_hot_reset_returns_busy_when_a_MemoryLock_is_read_held_and_leaves_nothing_locked()
        {
            AssertBusyWhileHeld(device => device.MemoryLock.EnterRead(), device => device.MemoryLock.ExitRead());
        }

        [Fact]
        public void A_hot_reset_returns_busy_when_an_MmapLock_it_must_zap_under_is_write_held()
        {
            var first = new PciDevice("d0");
            var second = new PciDevice("d1");
            var quiet = new AddressSpace("quiet");
            var busy = new AddressSpace("busy");
            var firstVma = MapAndTouch(first, quiet);
            var secondVma = MapAndTouch(second, busy);

            AssertBusyWhile(
                () => busy.MmapLock.EnterWrite(),
                () => busy.MmapLock.ExitWrite(),
                new[] { first, second });

            Assert.True(secondVma.IsPagePresent);
            Assert.Equal(1, busy.Users);
            AssertUnlocked(busy);
            AssertUnlocked(quiet);

            // The first device was zapped before the contention was found: a busy hot reset may have zapped, never reset.
            Assert.False(firstVma.IsPagePresent);
            Assert.Equal(0, first.Resets);
            AssertInvariantsHold(first);
            AssertInvariantsHold(second);
        }

        [Fact]
        public void Hot_resets_of_the_same_devices_in_opposite_orders_never_deadlock()
        {
            var a = new PciDevice("a");
            var b = new PciDevice("b");
            var space = new AddressSpace("proc");
            MapAndTouch(a, space);
            MapAndTouch(b, space);

            // Each thread holds its first device's MemoryLock (write) when it tries the other one's: blocking
            // acquisitions here would be ABBA between two instances of one class.
            using var barrier = new Barrier(2);
            int Run(PciDevice[] order)
            {
                int completed = 0;
                for (int i = 0; i < 200; i++)
                {
                    Assert.True(barrier.SignalAndWait(Concurrently.DeadlockTimeout), "the other thread is stuck");
                    if (PciDevice.HotReset(order) == HotResetResult.Completed)
                    {
                        completed++;
                    }
                }

                return completed;
            }

            var forward = Concurrently.Start(() => Run(new[] { a, b }));
            var backward = Concurrently.Start(() => Run(new[] { b, a }));
            int completed = Concurrently.ResultOf(forward, "the forward hot resets") + Concurrently.ResultOf(backward, "the backward hot resets");

            // A busy hot reset resets nothing; a completed one resets both devices.
            Assert.Equal(completed, a.Resets);
            Assert.Equal(completed, b.Resets);
            AssertUnlocked(a);
            AssertUnlocked(b);
            AssertInvariantsHold(a);
            AssertInvariantsHold(b);
        }

        [Fact]
        public void A_hot_reset_rejects_a_device_listed_twice()
        {
            var device = new PciDevice("dev");
            Assert.Throws<ArgumentException>(() => PciDevice.HotReset(new[] { device, device }));
            AssertUnlocked(device);
        }

        private static void AssertBusyWhileHeld(Action<PciDevice> take, Action<PciDevice> release)
        {
            var first = new PciDevice("d0");
            var contended = new PciDevice("d1");
            var third = new PciDevice("d2");
            AssertBusyWhile(() => take(contended), () => release(contended), new[] { first, contended, third });
        }

        // Another thread holds a lock the hot reset needs, from before the reset until after it returns.
        private static void AssertBusyWhile(Action take, Action release, PciDevice[] devices)
        {
            var space = new AddressSpace("contents");
            foreach (var device in devices)
            {
                FillBar(device, space, Pattern(device.BarSize, 5));
            }

            var held = new ManualResetEventSlim();
            var done = new ManualResetEventSlim();
            var holder = Concurrently.Start(() =>
            {
                take();
                held.Set();
                Assert.True(done.Wait(Concurrently.DeadlockTimeout), "the hot reset never returned");
                release();
            });
            Reached(held, "the lock is held");

            var result = PciDevice.HotReset(devices);
            done.Set();
            Concurrently.Finish(holder, "the lock holder");

            Assert.Equal(HotResetResult.Busy, result);
            foreach (var device in devices)
            {
                AssertUnlocked(device);
                Assert.Equal(0, device.Resets);
                Assert.Equal(Pattern(device.BarSize, 5), ReadBar(device, space));
            }
        }
    }
}
