using System;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.Runtime.Tests.Support;
using Xunit;

namespace LockOrder.Runtime.Tests.Validation
{
    [Collection(ValidatorCollection.Name)]
    public sealed class ValidatorConcurrencyTests : ValidatorTestBase
    {
        [Fact]
        public void Threads_that_share_one_order_race_without_a_false_report()
        {
            var a = new LockA();
            var b = new SemaphoreB();
            var c = new LockC();
            const int threads = 4;
            using var start = new Barrier(threads);
            var tasks = new Task[threads];
            for (int t = 0; t < threads; t++)
            {
                int seed = 7 + t;
                tasks[t] = Concurrently.Start(() =>
                {
                    var random = new Random(seed);
                    start.SignalAndWait(Concurrently.DeadlockTimeout);
                    for (int round = 0; round < 200; round++)
                    {
                        // Any subset of A -> B -> C, in order; B shared or exclusive, sometimes downgraded; C sometimes tried.
                        bool takeA = random.Next(2) == 0;
                        bool takeB = random.Next(2) == 0;
                        bool writeB = random.Next(2) == 0;
                        bool tryC = random.Next(3) == 0;
                        if (takeA)
                        {
                            a.Enter();
                        }

                        if (takeB)
                        {
                            if (writeB)
                            {
                                b.EnterWrite();
                                b.DowngradeWrite();
                            }
                            else
                            {
                                b.EnterRead();
                            }
                        }

                        bool haveC = tryC ? c.TryEnter() : Enter(c);
                        if (haveC)
                        {
                            c.Exit();
                        }

                        if (takeB)
                        {
                            b.ExitRead();
                        }

                        if (takeA)
                        {
                            a.Exit();
                        }
                    }
                });
            }

            foreach (var task in tasks)
            {
                Concurrently.Finish(task, "a thread taking A -> B -> C");
            }

            Assert.InRange(LockValidator.ObservedOrderCount, 1, 3);
        }

        [Fact]
        public void Inversion_closed_concurrently_from_two_threads_is_reported_to_one_of_them()
        {
            // Each thread holds its first lock and then asks for the other's: a real ABBA deadlock in the making. The
            // graph is updated atomically, so the thread checked second is refused before it waits; it then lets go of
            // its first lock, which lets the other thread through.
            var a = new LockA();
            var b = new LockB();
            using var bothHoldFirst = new Barrier(2);
            int refused = 0;

            Task Side(MutexLock first, MutexLock second) => Concurrently.Start(() =>
            {
                first.Enter();
                bothHoldFirst.SignalAndWait(Concurrently.DeadlockTimeout);
                try
                {
                    second.Enter();
                    second.Exit();
                }
                catch (LockOrderViolationException violation) when (violation.Kind == LockViolationKind.Inversion)
                {
                    Interlocked.Increment(ref refused);
                }
                finally
                {
                    first.Exit();
                }
            });

            var ab = Side(a, b);
            var ba = Side(b, a);
            Concurrently.Finish(ab, "the A -> B side");
            Concurrently.Finish(ba, "the B -> A side");

            Assert.Equal(1, refused);
            Assert.Equal(1, LockValidator.ObservedOrderCount);
        }

        private static bool Enter(MutexLock mutex)
        {
            mutex.Enter();
            return true;
        }
    }
}
