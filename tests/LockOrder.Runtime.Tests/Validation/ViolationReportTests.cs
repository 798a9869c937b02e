using System;
using System.Runtime.CompilerServices;
using Xunit;

namespace LockOrder.Runtime.Tests.Validation
{
    /// <summary>A report must let a reader find both sides of the deadlock without rerunning anything.</summary>
    [Collection(ValidatorCollection.Name)]
    public sealed class ViolationReportTests : ValidatorTestBase
    {
        [Fact]
        public void Inversion_report_shows_where_each_lock_was_taken_and_where_the_order_was_first_seen()
        {
            var a = new LockA();
            var b = new SemaphoreB();
            int learningThread = 0;
            OnFreshThread(() =>
            {
                learningThread = Environment.CurrentManagedThreadId;
                LearnAThenB(a, b);
            });

            OnFreshThread(() =>
            {
                HoldBForRead(b);
                var violation = Violation(LockViolationKind.Inversion, a.Enter);
                string report = violation.Message;

                Assert.Contains("possible circular locking dependency", report, StringComparison.Ordinal);
                Assert.Contains("trying to acquire LockA", report, StringComparison.Ordinal);
                Assert.Contains("(exclusive)", report, StringComparison.Ordinal);
                Assert.Contains("SemaphoreB", report, StringComparison.Ordinal);
                Assert.Contains("(shared)", report, StringComparison.Ordinal);
                Assert.Contains(nameof(HoldBForRead), report, StringComparison.Ordinal);
                Assert.Contains($"first seen on thread {learningThread}", report, StringComparison.Ordinal);
                Assert.Contains(nameof(LearnAThenB), report, StringComparison.Ordinal);
                Assert.Contains("SemaphoreB -> LockA -> SemaphoreB", report, StringComparison.Ordinal);
                Assert.Contains("DEADLOCK", report, StringComparison.Ordinal);
                b.ExitRead();
            });
        }

        [Fact]
        public void Declared_order_report_lists_every_held_lock_declared_later()
        {
            OnFreshThread(() =>
            {
                var first = new DeclaredFirst();
                var second = new DeclaredSecond();
                var third = new DeclaredThird();
                using (second.Write())
                using (third.Lock())
                {
                    string report = Violation(LockViolationKind.DeclaredOrder, first.Enter).Message;
                    Assert.Contains("DeclaredSecond", report, StringComparison.Ordinal);
                    Assert.Contains("DeclaredThird", report, StringComparison.Ordinal);
                    Assert.Contains("DeclaredFirst -> DeclaredSecond\n", report.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
                    Assert.Contains("DeclaredFirst -> DeclaredSecond -> DeclaredThird", report, StringComparison.Ordinal);
                }
            });
        }

        [Fact]
        public void User_memory_report_names_the_held_lock_its_mode_and_where_it_was_taken()
        {
            OnFreshThread(() =>
            {
                var memory = new MemoryLock();
                WriteLockMemory(memory);
                string report = Violation(LockViolationKind.UserMemoryAccess, LockValidator.MightFault).Message;
                Assert.Contains("MemoryLock", report, StringComparison.Ordinal);
                Assert.Contains("(exclusive)", report, StringComparison.Ordinal);
                Assert.Contains(nameof(WriteLockMemory), report, StringComparison.Ordinal);
                Assert.Contains("Copy from user memory before taking the lock", report, StringComparison.Ordinal);
                memory.ExitWrite();
            });
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void LearnAThenB(LockA a, SemaphoreB b)
        {
            using (a.Lock())
            using (b.Read())
            {
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void HoldBForRead(SemaphoreB b) => b.EnterRead();

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void WriteLockMemory(MemoryLock memory) => memory.EnterWrite();
    }
}
