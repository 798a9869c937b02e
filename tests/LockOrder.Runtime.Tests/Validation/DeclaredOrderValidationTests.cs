using System;
using Xunit;

namespace LockOrder.Runtime.Tests.Validation
{
    [Collection(ValidatorCollection.Name)]
    public sealed class DeclaredOrderValidationTests : ValidatorTestBase
    {
        [Fact]
        public void Direct_declared_order_violation_is_reported_the_first_time()
        {
            OnFreshThread(() =>
            {
                var first = new DeclaredFirst();
                var second = new DeclaredSecond();
                second.EnterRead();
                var violation = Violation(LockViolationKind.DeclaredOrder, first.Enter);
                Assert.Contains("DeclaredFirst -> DeclaredSecond", violation.Message, StringComparison.Ordinal);
                second.ExitRead();
            });
        }

        [Fact]
        public void Transitive_declared_order_violation_is_reported()
        {
            OnFreshThread(() =>
            {
                var first = new DeclaredFirst();
                var third = new DeclaredThird();
                third.Enter();
                var violation = Violation(LockViolationKind.DeclaredOrder, first.Enter);
                Assert.Contains("DeclaredFirst -> DeclaredSecond -> DeclaredThird", violation.Message, StringComparison.Ordinal);
                third.Exit();
            });
        }

        [Fact]
        public void Order_declared_with_AcquiredAfter_on_the_later_class_joins_the_closure()
        {
            OnFreshThread(() =>
            {
                var first = new DeclaredFirst();
                var last = new DeclaredLast();
                last.Enter();
                var violation = Violation(LockViolationKind.DeclaredOrder, first.Enter);
                Assert.Contains("DeclaredFirst -> DeclaredSecond -> DeclaredThird -> DeclaredLast", violation.Message, StringComparison.Ordinal);
                last.Exit();
            });
        }

        [Fact]
        public void Vfio_locks_against_their_declared_order_are_reported()
        {
            OnFreshThread(() =>
            {
                var mmap = new MmapLock();
                var vma = new VmaLock();
                var memory = new MemoryLock();
                memory.EnterWrite();
                Violation(LockViolationKind.DeclaredOrder, vma.Enter);
                var violation = Violation(LockViolationKind.DeclaredOrder, mmap.EnterRead);
                Assert.Contains("MmapLock -> VmaLock -> MemoryLock", violation.Message, StringComparison.Ordinal);
                memory.ExitWrite();
            });
        }

        [Fact]
        public void Declared_order_followed_is_fine()
        {
            OnFreshThread(() =>
            {
                var mmap = new MmapLock();
                var vma = new VmaLock();
                var memory = new MemoryLock();
                using (mmap.Read())
                using (vma.Lock())
                using (memory.Read())
                {
                }

                var first = new DeclaredFirst();
                var second = new DeclaredSecond();
                var last = new DeclaredLast();
                using (first.Lock())
                using (second.Write())
                using (last.Lock())
                {
                }
            });
        }

        [Fact]
        public void Try_acquisition_against_the_declared_order_is_fine()
        {
            // The multi-device hot reset: try-locks never block, so they cannot deadlock whatever the order.
            OnFreshThread(() =>
            {
                var vma = new VmaLock();
                var memory = new MemoryLock();
                memory.EnterWrite();
                Assert.True(vma.TryEnter());
                vma.Exit();
                memory.ExitWrite();
            });
        }
    }
}
