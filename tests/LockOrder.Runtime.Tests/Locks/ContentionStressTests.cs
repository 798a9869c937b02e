using System;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.Runtime.Tests.Support;
using Xunit;

namespace LockOrder.Runtime.Tests.Locks
{
    /// <summary>
    /// Every kind of acquisition at once, with killable waits cancelled at arbitrary moments: whatever the
    /// interleaving, a writer is alone, nobody is left queued, and nobody waits forever (a lost wake-up would show as
    /// a deadlock-detector timeout).
    /// </summary>
    public sealed class ContentionStressTests
    {
        private const int Threads = 6;
        private const int Rounds = 400;

        [Fact]
        public void RwSemaphore_keeps_writers_alone_and_loses_no_wakeup()
        {
            var semaphore = new MemoryLock();
            int readers = 0;
            int writers = 0;
            int overlaps = 0;

            void Reading()
            {
                Interlocked.Increment(ref readers);
                if (Volatile.Read(ref writers) != 0)
                {
                    Interlocked.Increment(ref overlaps);
                }

                Interlocked.Decrement(ref readers);
            }

            void Writing()
            {
                if (Interlocked.Increment(ref writers) != 1 || Volatile.Read(ref readers) != 0)
                {
                    Interlocked.Increment(ref overlaps);
                }

                Interlocked.Decrement(ref writers);
            }

            RunEverywhere(seed =>
            {
                var random = new Random(seed);
                for (int round = 0; round < Rounds; round++)
                {
                    switch (random.Next(7))
                    {
                        case 0:
                            using (semaphore.Read())
                            {
                                Reading();
                            }

                            break;
                        case 1:
                            using (semaphore.Write())
                            {
                                Writing();
                            }

                            break;
                        case 2:
                            if (semaphore.TryEnterRead())
                            {
                                Reading();
                                semaphore.ExitRead();
                            }

                            break;
                        case 3:
                            if (semaphore.TryEnterWrite())
                            {
                                Writing();
                                semaphore.ExitWrite();
                            }

                            break;
                        case 4:
                            using (var cancellation = CancelSoon(random))
                            {
                                if (semaphore.EnterReadKillable(cancellation.Token))
                                {
                                    Reading();
                                    semaphore.ExitRead();
                                }
                            }

                            break;
                        case 5:
                            using (var cancellation = CancelSoon(random))
                            {
                                if (semaphore.EnterWriteKillable(cancellation.Token))
                                {
                                    Writing();
                                    semaphore.ExitWrite();
                                }
                            }

                            break;
                        default:
                            semaphore.EnterWrite();
                            Writing();
                            semaphore.DowngradeWrite();
                            Reading();
                            semaphore.ExitRead();
                            break;
                    }
                }
            });

            Assert.Equal(0, overlaps);
            Assert.Equal(0, semaphore.ReaderCount);
            Assert.False(semaphore.IsWriteHeld);
            Assert.Equal(0, semaphore.QueuedCount);
        }

        [Fact]
        public void MutexLock_keeps_holders_alone_and_loses_no_wakeup()
        {
            var mutex = new VmaLock();
            int inside = 0;
            int overlaps = 0;

            void Holding()
            {
                if (Interlocked.Increment(ref inside) != 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                Interlocked.Decrement(ref inside);
            }

            RunEverywhere(seed =>
            {
                var random = new Random(seed);
                for (int round = 0; round < Rounds; round++)
                {
                    switch (random.Next(3))
                    {
                        case 0:
                            using (mutex.Lock())
                            {
                                Holding();
                            }

                            break;
                        case 1:
                            if (mutex.TryEnter())
                            {
                                Holding();
                                mutex.Exit();
                            }

                            break;
                        default:
                            using (var cancellation = CancelSoon(random))
                            {
                                if (mutex.EnterKillable(cancellation.Token))
                                {
                                    Holding();
                                    mutex.Exit();
                                }
                            }

                            break;
                    }
                }
            });

            Assert.Equal(0, overlaps);
            Assert.False(mutex.IsHeld);
            Assert.Equal(0, mutex.WaiterCount);
        }

        // Cancellation at an arbitrary moment, sometimes before the wait starts: the assertions hold for every timing.
        private static CancellationTokenSource CancelSoon(Random random)
        {
            var cancellation = new CancellationTokenSource();
            int delay = random.Next(3);
            if (delay == 0)
            {
                cancellation.Cancel();
            }
            else
            {
                cancellation.CancelAfter(delay);
            }

            return cancellation;
        }

        private static void RunEverywhere(Action<int> body)
        {
            using var start = new Barrier(Threads);
            var tasks = new Task[Threads];
            for (int t = 0; t < Threads; t++)
            {
                int seed = 1000 + t;
                tasks[t] = Concurrently.Start(() =>
                {
                    start.SignalAndWait(Concurrently.DeadlockTimeout);
                    body(seed);
                });
            }

            foreach (var task in tasks)
            {
                Concurrently.Finish(task, "a contending thread");
            }
        }
    }
}
