using System;
using Xunit;

namespace LockOrder.Runtime.Tests.Validation
{
    [Collection(ValidatorCollection.Name)]
    public sealed class UserMemoryAccessTests : ValidatorTestBase
    {
        [Fact]
        public void Touching_user_memory_under_MemoryLock_write_is_a_violation()
        {
            OnFreshThread(() =>
            {
                var memory = new MemoryLock();
                using (memory.Write())
                {
                    var violation = Violation(LockViolationKind.UserMemoryAccess, LockValidator.MightFault);
                    Assert.Contains("MemoryLock", violation.Message, StringComparison.Ordinal);
                    Assert.Contains("MmapLock -> VmaLock -> MemoryLock", violation.Message, StringComparison.Ordinal);
                }
            });
        }

        [Fact]
        public void Touching_user_memory_under_MemoryLock_read_is_a_violation()
        {
            OnFreshThread(() =>
            {
                var memory = new MemoryLock();
                using (memory.Read())
                {
                    Violation(LockViolationKind.UserMemoryAccess, LockValidator.MightFault);
                }
            });
        }

        [Fact]
        public void Touching_user_memory_under_VmaLock_is_a_violation()
        {
            OnFreshThread(() =>
            {
                var vma = new VmaLock();
                using (vma.Lock())
                {
                    Violation(LockViolationKind.UserMemoryAccess, LockValidator.MightFault);
                }
            });
        }

        [Fact]
        public void Touching_user_memory_under_a_lock_observed_after_MmapLock_is_a_violation()
        {
            // The 2024 four-lock cycle: the bus lock was taken under the memory lock (bus reset), and a callback run
            // under the bus lock copied to user memory.
            OnFreshThread(() =>
            {
                var memory = new MemoryLock();
                var bus = new BusLock();
                using (memory.Write())
                using (bus.Lock())
                {
                }

                using (bus.Lock())
                {
                    var violation = Violation(LockViolationKind.UserMemoryAccess, LockValidator.MightFault);
                    Assert.Contains("MmapLock -> VmaLock -> MemoryLock -> BusLock", violation.Message, StringComparison.Ordinal);
                }
            });
        }

        [Fact]
        public void Touching_user_memory_under_MmapLock_alone_is_fine()
        {
            OnFreshThread(() =>
            {
                var mmap = new MmapLock();
                using (mmap.Read())
                {
                    LockValidator.MightFault();
                }
            });
        }

        [Fact]
        public void Touching_user_memory_with_nothing_held_is_fine()
        {
            OnFreshThread(LockValidator.MightFault);
        }

        [Fact]
        public void Touching_user_memory_under_an_unordered_lock_is_fine_but_orders_it_before_MmapLock()
        {
            OnFreshThread(() =>
            {
                var bus = new BusLock();
                var mmap = new MmapLock();
                using (bus.Lock())
                {
                    LockValidator.MightFault();
                }

                // The fault would have taken MmapLock under the bus lock: taking them the other way round is an inversion.
                mmap.EnterRead();
                var violation = Violation(LockViolationKind.Inversion, bus.Enter);
                Assert.Contains("page fault", violation.Message, StringComparison.Ordinal);
                mmap.ExitRead();
            });
        }
    }
}
