using System;
using System.Threading;
using LockOrder.Runtime.Tests.Validation;
using LockOrder.Vfio;
using Xunit;
using static LockOrder.Runtime.Tests.Vfio.DeviceModel;

namespace LockOrder.Runtime.Tests.Vfio
{
    /// <summary>With the validator on, each broken variant is reported with the right kind before it blocks.</summary>
    [Collection(ValidatorCollection.Name)]
    public sealed class BrokenPathValidatorTests : ValidatorTestBase
    {
        [Fact]
        public void The_first_designs_disable_path_is_a_declared_order_violation_in_the_deadlocking_interleaving() =>
            BrokenInterleavings.FirstDesignDisable(validatorOn: true);

        [Fact]
        public void The_naive_zap_is_a_declared_order_violation_in_the_deadlocking_interleaving() =>
            BrokenInterleavings.NaiveZap(validatorOn: true);

        [Fact]
        public void Holding_the_read_lock_across_the_copy_is_a_user_memory_access_violation_in_the_deadlocking_interleaving() =>
            BrokenInterleavings.RecursiveRead(validatorOn: true);

        [Fact]
        public void Copying_in_under_the_write_lock_is_a_user_memory_access_violation_in_the_deadlocking_interleaving() =>
            BrokenInterleavings.CopyUnderWriteLockBehindQueuedMmap(validatorOn: true);

        [Fact]
        public void Copying_from_the_devices_own_mapping_under_the_write_lock_is_a_user_memory_access_violation()
        {
            OnFreshThread(() =>
            {
                var device = new PciDevice("dev");
                var space = new AddressSpace("proc");
                var vma = Map(device, space);

                var violation = Violation(
                    LockViolationKind.UserMemoryAccess,
                    () => BrokenPaths.CopyUnderWriteLock(device, vma.Buffer(0, 2), CancellationToken.None));

                Assert.Contains("MemoryLock", violation.Message, StringComparison.Ordinal);
                Assert.False(vma.IsPagePresent);
                AssertUnlocked(device);
                AssertUnlocked(space);
            });
        }

        [Fact]
        public void The_first_designs_disable_path_is_reported_even_when_nothing_contends()
        {
            OnFreshThread(() =>
            {
                var device = new PciDevice("dev");
                var space = new AddressSpace("proc");
                MapAndTouch(device, space);

                Violation(LockViolationKind.DeclaredOrder, () => BrokenPaths.FirstDesignDisable(device, new[] { space }, CancellationToken.None));

                Assert.True(device.IsMemoryEnabled);
                AssertUnlocked(device);
                AssertUnlocked(space);
            });
        }

        [Fact]
        public void A_user_copy_under_a_bus_lock_once_seen_under_the_memory_lock_is_a_user_memory_access_violation()
        {
            OnFreshThread(() =>
            {
                var device = new PciDevice("dev");
                var space = new AddressSpace("proc");
                var bus = new BusLock();
                BrokenPaths.BusResetUnderMemoryLock(device, bus);

                var violation = Violation(LockViolationKind.UserMemoryAccess, () => BrokenPaths.ReportBusDevicesUnderBusLock(bus, space.Allocate(1)));

                Assert.Contains("MmapLock -> VmaLock -> MemoryLock -> BusLock", violation.Message, StringComparison.Ordinal);
                Assert.False(bus.IsHeld);
                AssertUnlocked(space);
            });
        }

        [Fact]
        public void A_bus_lock_taken_under_the_memory_lock_after_a_user_copy_under_it_closes_the_four_lock_cycle()
        {
            OnFreshThread(() =>
            {
                var device = new PciDevice("dev");
                var space = new AddressSpace("proc");
                var bus = new BusLock();
                Assert.True(BrokenPaths.ReportBusDevicesUnderBusLock(bus, space.Allocate(1)));

                var violation = Violation(LockViolationKind.Inversion, () => BrokenPaths.BusResetUnderMemoryLock(device, bus));

                Assert.Contains("BusLock", violation.Message, StringComparison.Ordinal);
                Assert.Contains("MmapLock", violation.Message, StringComparison.Ordinal);
                Assert.False(bus.IsHeld);
                AssertUnlocked(device);
            });
        }
    }
}
