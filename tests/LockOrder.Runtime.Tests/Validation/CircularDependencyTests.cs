using System;
using System.Threading;
using LockOrder.Runtime.Tests.Support;
using Xunit;

namespace LockOrder.Runtime.Tests.Validation
{
    [Collection(ValidatorCollection.Name)]
    public sealed class CircularDependencyTests : ValidatorTestBase
    {
        [Fact]
        public void ABBA_is_an_inversion()
        {
            OnFreshThread(() =>
            {
                var a = new LockA();
                var b = new LockB();
                Nest(a, b);
                b.Enter();
                var violation = Violation(LockViolationKind.Inversion, a.Enter);
                Assert.Contains("LockB -> LockA -> LockB", violation.Message, StringComparison.Ordinal);
                b.Exit();
            });
        }

        [Fact]
        public void ABBCCA_is_an_inversion()
        {
            OnFreshThread(() =>
            {
                var a = new LockA();
                var b = new LockB();
                var c = new LockC();
                Nest(a, b);
                Nest(b, c);
                c.Enter();
                var violation = Violation(LockViolationKind.Inversion, a.Enter);
                Assert.Contains("LockC -> LockA -> LockB -> LockC", violation.Message, StringComparison.Ordinal);
                c.Exit();
            });
        }

        [Fact]
        public void ABCDBDDA_is_an_inversion()
        {
            OnFreshThread(() =>
            {
                var a = new LockA();
                var b = new LockB();
                var c = new LockC();
                var d = new LockD();
                Nest(a, b);
                Nest(c, d);
                Nest(b, d);
                d.Enter();
                var violation = Violation(LockViolationKind.Inversion, a.Enter);
                Assert.Contains("LockD -> LockA -> LockB -> LockD", violation.Message, StringComparison.Ordinal);
                d.Exit();
            });
        }

        [Fact]
        public void ABCDBCDA_is_an_inversion()
        {
            OnFreshThread(() =>
            {
                var a = new LockA();
                var b = new LockB();
                var c = new LockC();
                var d = new LockD();
                Nest(a, b);
                Nest(c, d);
                Nest(b, c);
                d.Enter();
                var violation = Violation(LockViolationKind.Inversion, a.Enter);
                Assert.Contains("LockD -> LockA -> LockB -> LockC -> LockD", violation.Message, StringComparison.Ordinal);
                d.Exit();
            });
        }

        [Fact]
        public void Three_classes_in_one_consistent_order_are_fine()
        {
            OnFreshThread(() =>
            {
                var a = new LockA();
                var b = new LockB();
                var c = new LockC();
                Nest(a, b);
                Nest(b, c);
                Nest(a, c);
                using (a.Lock())
                using (b.Lock())
                using (c.Lock())
                {
                }

                Assert.Equal(3, LockValidator.ObservedOrderCount);
            });
        }

        [Fact]
        public void ABBA_where_the_second_acquisition_is_a_try_is_fine()
        {
            OnFreshThread(() =>
            {
                var a = new LockA();
                var b = new LockB();
                Nest(a, b);
                b.Enter();
                Assert.True(a.TryEnter());
                a.Exit();
                b.Exit();

                // The try added no order B -> A, so A then B is still consistent.
                Assert.Equal(1, LockValidator.ObservedOrderCount);
                Nest(a, b);
            });
        }

        [Fact]
        public void Lock_taken_after_a_try_acquisition_is_checked_against_it()
        {
            OnFreshThread(() =>
            {
                var a = new LockA();
                var b = new LockB();
                Nest(a, b);
                Assert.True(b.TryEnter());
                Violation(LockViolationKind.Inversion, a.Enter);
                b.Exit();
            });
        }

        [Fact]
        public void ABBA_with_killable_acquisitions_is_an_inversion()
        {
            OnFreshThread(() =>
            {
                var a = new LockA();
                var b = new LockB();
                using var never = new CancellationTokenSource();
                Assert.True(a.EnterKillable(never.Token));
                Assert.True(b.EnterKillable(never.Token));
                b.Exit();
                a.Exit();

                Assert.True(b.EnterKillable(never.Token));
                Violation(LockViolationKind.Inversion, () => a.EnterKillable(never.Token));
                b.Exit();
            });
        }

        [Fact]
        public void Read_read_ABBA_on_two_semaphores_is_an_inversion()
        {
            // With fair semaphores a queued writer on each turns two readers taking them in opposite orders into a deadlock.
            OnFreshThread(() =>
            {
                var a = new SemaphoreA();
                var b = new SemaphoreB();
                using (a.Read())
                using (b.Read())
                {
                }

                b.EnterRead();
                Violation(LockViolationKind.Inversion, a.EnterRead);
                b.ExitRead();
            });
        }

        [Fact]
        public void ABBA_learned_on_one_thread_is_closed_on_another_before_it_blocks()
        {
            var a = new LockA();
            var b = new LockB();
            OnFreshThread(() => Nest(a, b));

            // Another thread holds A for real, so the inverted acquisition below would block forever if it waited.
            var aHeld = new ManualResetEventSlim();
            var releaseA = new ManualResetEventSlim();
            var holder = Concurrently.Start(() =>
            {
                a.Enter();
                aHeld.Set();
                Concurrently.WaitFor(releaseA, "the signal to release A");
                a.Exit();
            });
            Concurrently.WaitFor(aHeld, "A to be held");

            OnFreshThread(() =>
            {
                b.Enter();
                var violation = Violation(LockViolationKind.Inversion, a.Enter);
                Assert.Contains("first seen on thread", violation.Message, StringComparison.Ordinal);
                b.Exit();
            });

            releaseA.Set();
            Concurrently.Finish(holder, "the thread holding A");
        }

        [Fact]
        public void Releases_in_any_order_are_fine_and_forgotten()
        {
            OnFreshThread(() =>
            {
                var a = new LockA();
                var b = new LockB();
                var c = new LockC();
                a.Enter();
                b.Enter();
                a.Exit();
                c.Enter();

                // A was released before C was taken: only A -> B and B -> C were seen, not A -> C.
                Assert.Equal(2, LockValidator.ObservedOrderCount);
                c.Exit();
                b.Exit();

                // Nothing is left held: taking A again is not recursive, and taking B, then C, after it adds A -> C.
                using (a.Lock())
                using (b.Lock())
                using (c.Lock())
                {
                }

                Assert.Equal(3, LockValidator.ObservedOrderCount);
            });
        }

        [Fact]
        public void Downgraded_hold_is_held_for_read_and_released_as_such()
        {
            OnFreshThread(() =>
            {
                var a = new SemaphoreA();
                var b = new LockB();
                a.EnterWrite();
                a.DowngradeWrite();
                b.Enter();
                b.Exit();
                a.ExitRead();

                // Nothing of A is left held: taking it again is not recursive.
                using (a.Write())
                {
                }

                Assert.Equal(1, LockValidator.ObservedOrderCount);
            });
        }
    }
}
