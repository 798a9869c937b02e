using System.Threading;
using LockOrder.Runtime.Tests.Support;
using LockOrder.Runtime.Tests.Validation;
using LockOrder.Vfio;
using Xunit;
using static LockOrder.Runtime.Tests.Vfio.DeviceModel;

namespace LockOrder.Runtime.Tests.Vfio
{
    /// <summary>Every correct path of the model runs with the validator on without a report: the model keeps its own rules.</summary>
    [Collection(ValidatorCollection.Name)]
    public sealed class CorrectPathsValidatorTests : ValidatorTestBase
    {
        [Fact]
        public void Every_device_path_runs_clean_under_the_validator()
        {
            OnFreshThread(() =>
            {
                var device = new PciDevice("dev");
                var other = new PciDevice("other");
                var a = new AddressSpace("a");
                var b = new AddressSpace("b");
                FillBar(device, a, Pattern(device.BarSize, 1));

                var va = MapAndTouch(device, a);
                var vb = Map(device, b);
                var vo = MapAndTouch(other, b);
                Assert.Equal(FaultResult.AlreadyMapped, Fault(va));

                Assert.Equal(BarAccessResult.Completed, device.ReadBar(0, vb.Buffer(32, 16)));
                Assert.Equal(BarAccessResult.Completed, device.WriteBar(0, vb.Buffer(40, 8)));
                Assert.Equal(ConfigAccessResult.Completed, device.ReadConfig(0, vo.Buffer(0, 8)));
                Assert.Equal(ConfigAccessResult.Completed, device.WriteConfig(PciDevice.CommandRegisterOffset, vo.Buffer(8, 2)));
                Assert.False(device.IsMemoryEnabled);
                WriteCommand(device, a, PciDevice.CommandMemoryEnable);

                ushort saved = device.LockMemoryAndEnable();
                Assert.True(device.ReadBarLocked(0, new byte[4]));
                device.UnlockMemoryAndRestore(saved);

                device.Reset();
                MapAndTouch(device, a);
                Assert.Equal(HotResetResult.Completed, PciDevice.HotReset(new[] { device, other }));
                Assert.True(device.ZapAndLockVmas(tryOnly: true));
                device.VmaLock.Exit();

                Assert.True(vb.Unmap());
                a.Exit();
                b.Exit();
                AssertInvariantsHold(device);
                AssertInvariantsHold(other);
            });
        }

        [Fact]
        public void Faults_zaps_and_BAR_reads_into_the_same_BAR_on_several_threads_run_clean_under_the_validator()
        {
            var device = new PciDevice("dev");
            var space = new AddressSpace("proc");
            var vma = Map(device, space);
            using var barrier = new Barrier(3);

            void Repeat(System.Action step)
            {
                for (int i = 0; i < 100; i++)
                {
                    Assert.True(barrier.SignalAndWait(Concurrently.DeadlockTimeout), "another thread is stuck");
                    step();
                }
            }

            var reader = Concurrently.Start(() => Repeat(() => device.ReadBar(0, vma.Buffer(32, 16))));
            var disabler = Concurrently.Start(() => Repeat(() =>
            {
                WriteCommand(device, space, 0);
                WriteCommand(device, space, PciDevice.CommandMemoryEnable);
            }));
            var resetter = Concurrently.Start(() => Repeat(device.Reset));

            Concurrently.Finish(reader, "the BAR reader");
            Concurrently.Finish(disabler, "the disabler");
            Concurrently.Finish(resetter, "the resetter");
            AssertInvariantsHold(device);
            AssertUnlocked(device);
        }
    }
}
