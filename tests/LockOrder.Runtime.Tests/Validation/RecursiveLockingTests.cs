using System.Threading;
using LockOrder.Runtime.Tests.Support;
using Xunit;

namespace LockOrder.Runtime.Tests.Validation
{
    [Collection(ValidatorCollection.Name)]
    public sealed class RecursiveLockingTests : ValidatorTestBase
    {
        [Fact]
        public void AA_on_a_mutex_is_recursive()
        {
            OnFreshThread(() =>
            {
                var a = new LockA();
                a.Enter();
                var violation = Violation(LockViolationKind.Recursive, a.Enter);
                Assert.Contains("LockA", violation.Message, System.StringComparison.Ordinal);
                Assert.Contains("this same lock", violation.Message, System.StringComparison.Ordinal);

                // The refused acquisition changed nothing: the one hold is released normally.
                a.Exit();
                Assert.False(a.IsHeld);
            });
        }

        [Fact]
        public void AA_read_read_on_a_semaphore_is_recursive()
        {
            OnFreshThread(() =>
            {
                var a = new SemaphoreA();
                a.EnterRead();
                Violation(LockViolationKind.Recursive, a.EnterRead);
                a.ExitRead();
                Assert.Equal(0, a.ReaderCount);
            });
        }

        [Fact]
        public void AA_write_read_on_a_semaphore_is_recursive()
        {
            OnFreshThread(() =>
            {
                var a = new SemaphoreA();
                a.EnterWrite();
                Violation(LockViolationKind.Recursive, a.EnterRead);
                a.ExitWrite();
            });
        }

        [Fact]
        public void Two_instances_of_one_class_taken_blocking_is_recursive()
        {
            OnFreshThread(() =>
            {
                var first = new LockA();
                var second = new LockA();
                first.Enter();
                var violation = Violation(LockViolationKind.Recursive, second.Enter);
                Assert.Contains("another lock of class LockA", violation.Message, System.StringComparison.Ordinal);
                first.Exit();
            });
        }

        [Fact]
        public void Two_instances_of_one_class_where_the_second_is_a_try_is_fine()
        {
            OnFreshThread(() =>
            {
                var first = new LockA();
                var second = new LockA();
                first.Enter();
                Assert.True(second.TryEnter());
                second.Exit();
                first.Exit();
                Assert.Equal(0, LockValidator.ObservedOrderCount);
            });
        }

        [Fact]
        public void Killable_acquisition_of_a_held_class_is_recursive()
        {
            OnFreshThread(() =>
            {
                var a = new SemaphoreA();
                a.EnterRead();
                Violation(LockViolationKind.Recursive, () => a.EnterReadKillable(CancellationToken.None));
                a.ExitRead();
            });
        }

        [Fact]
        public void Recursive_read_is_reported_before_it_waits_behind_a_queued_writer()
        {
            // The 2020 vfio-pci bug: a BAR access held MemoryLock for read across a user copy whose fault took it for
            // read again. With a writer queued in between, the second read waits forever.
            var memory = new MemoryLock();
            var readerIn = new ManualResetEventSlim();
            var writerQueued = new ManualResetEventSlim();
            var reader = Concurrently.Start(() =>
            {
                memory.EnterRead();
                readerIn.Set();
                Concurrently.WaitFor(writerQueued, "the writer to queue");
                try
                {
                    return Assert.Throws<LockOrderViolationException>(memory.EnterRead);
                }
                finally
                {
                    memory.ExitRead();
                }
            });
            Concurrently.WaitFor(readerIn, "the first read");
            var writer = Concurrently.Start(() =>
            {
                memory.EnterWrite();
                memory.ExitWrite();
            });
            Concurrently.WaitUntil(() => memory.QueuedCount == 1, "the writer is queued");
            writerQueued.Set();

            Assert.Equal(LockViolationKind.Recursive, Concurrently.ResultOf(reader, "the reader").Kind);
            Concurrently.Finish(writer, "the writer");
        }
    }
}
