using System.Threading;
using LockOrder.Runtime.Tests.Support;
using Xunit;

namespace LockOrder.Runtime.Tests.Locks
{
    public sealed class MutexLockTests
    {
        [Fact]
        public void Holder_excludes_other_threads_until_it_exits()
        {
            var mutex = new VmaLock();
            mutex.Enter();

            Assert.False(Concurrently.OnOtherThread(mutex.TryEnter));

            var acquired = new ManualResetEventSlim();
            var waiter = Concurrently.Start(() =>
            {
                mutex.Enter();
                acquired.Set();
                mutex.Exit();
            });
            Concurrently.WaitUntil(() => mutex.WaiterCount == 1, "the second thread waits for the mutex");
            Assert.False(acquired.IsSet);

            mutex.Exit();
            Concurrently.Finish(waiter, "the waiting thread");
            Assert.True(acquired.IsSet);
            Assert.False(mutex.IsHeld);
        }

        [Fact]
        public void Lock_scope_releases_on_dispose()
        {
            var mutex = new VmaLock();
            using (mutex.Lock())
            {
                Assert.True(mutex.IsHeld);
                Assert.False(Concurrently.OnOtherThread(mutex.TryEnter));
            }

            Assert.False(mutex.IsHeld);
            Assert.True(Concurrently.OnOtherThread(() =>
            {
                bool taken = mutex.TryEnter();
                mutex.Exit();
                return taken;
            }));
        }

        [Fact]
        public void TryEnter_takes_a_free_mutex()
        {
            var mutex = new VmaLock();
            Assert.True(mutex.TryEnter());
            Assert.True(mutex.IsHeld);
            mutex.Exit();
            Assert.False(mutex.IsHeld);
        }

        [Fact]
        public void TryEnter_by_the_holder_fails_instead_of_blocking()
        {
            var mutex = new VmaLock();
            mutex.Enter();
            Assert.False(mutex.TryEnter());
            mutex.Exit();
            Assert.False(mutex.IsHeld);
        }

        [Fact]
        public void EnterKillable_returns_false_on_cancellation_and_holds_nothing()
        {
            var mutex = new VmaLock();
            mutex.Enter();
            using var cancellation = new CancellationTokenSource();

            var waiter = Concurrently.Start(() => mutex.EnterKillable(cancellation.Token));
            Concurrently.WaitUntil(() => mutex.WaiterCount == 1, "the killable waiter is blocked");
            cancellation.Cancel();
            
            Assert.False(Concurrently.ResultOf(waiter, "the cancelled waiter"));
            Assert.Equal(0, mutex.WaiterCount);
            mutex.Exit();
            Assert.False(mutex.IsHeld);
        }

        [Fact]
        public void EnterKillable_takes_the_mutex_when_it_is_released_before_cancellation()
        {
            var mutex = new VmaLock();
            mutex.Enter();
            using var cancellation = new CancellationTokenSource();

            var waiter = Concurrently.Start(() =>
            {
                bool taken = mutex.EnterKillable(cancellation.Token);
                if (taken)
                {
                    mutex.Exit();
                }

                return taken;
            });
            Concurrently.WaitUntil(() => mutex.WaiterCount == 1, "the killable waiter is blocked");
            mutex.Exit();
            
            Assert.True(Concurrently.ResultOf(waiter, "the killable waiter"));
            Assert.False(mutex.IsHeld);
        }

        [Fact]
        public void Every_waiter_gets_the_mutex_in_turn()
        {
            var mutex = new VmaLock();
            int inside = 0;
            int maxInside = 0;
            mutex.Enter();
            var waiters = new System.Threading.Tasks.Task[4];
            for (int i = 0; i < waiters.Length; i++)
            {
                waiters[i] = Concurrently.Start(() =>
                {
                    for (int round = 0; round < 200; round++)
                    {
                        using (mutex.Lock())
                        {
                            int now = Interlocked.Increment(ref inside);
                            InterlockedMax(ref maxInside, now);
                            Interlocked.Decrement(ref inside);
                        }
                    }
                });
            }

            mutex.Exit();
            foreach (var waiter in waiters)
            {
                Concurrently.Finish(waiter, "a contending thread");
            }

            Assert.Equal(1, maxInside);
            Assert.False(mutex.IsHeld);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
