using System.Collections.Concurrent;
using System.Threading;
using LockOrder.Runtime.Tests.Support;
using Xunit;

namespace LockOrder.Runtime.Tests.Locks
{
    public sealed class RwSemaphoreTests
    {
        [Fact]
        public void Readers_share()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterRead();

            Concurrently.OnOtherThread(() =>
            {
                Assert.True(semaphore.TryEnterRead());
                semaphore.EnterRead();
                Assert.Equal(3, semaphore.ReaderCount);
                semaphore.ExitRead();
                semaphore.ExitRead();
            });

            Assert.Equal(1, semaphore.ReaderCount);
            semaphore.ExitRead();
            Assert.Equal(0, semaphore.ReaderCount);
        }

        [Fact]
        public void Writer_excludes_readers()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterWrite();

            Assert.False(Concurrently.OnOtherThread(semaphore.TryEnterRead));
            var readerIn = new ManualResetEventSlim();
            var reader = Concurrently.Start(() =>
            {
                using (semaphore.Read())
                {
                    readerIn.Set();
                }
            });
            Concurrently.WaitUntil(() => semaphore.QueuedCount == 1, "the reader is queued behind the writer");
            Assert.False(readerIn.IsSet);

            semaphore.ExitWrite();
            Concurrently.Finish(reader, "the reader");
            Assert.True(readerIn.IsSet);
            Assert.Equal(0, semaphore.ReaderCount);
        }

        [Fact]
        public void Writer_excludes_writers()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterWrite();

            Assert.False(Concurrently.OnOtherThread(semaphore.TryEnterWrite));
            var writerIn = new ManualResetEventSlim();
            var writer = Concurrently.Start(() =>
            {
                using (semaphore.Write())
                {
                    writerIn.Set();
                }
            });
            Concurrently.WaitUntil(() => semaphore.QueuedCount == 1, "the second writer is queued");
            Assert.False(writerIn.IsSet);

            semaphore.ExitWrite();
            Concurrently.Finish(writer, "the second writer");
            Assert.True(writerIn.IsSet);
            Assert.False(semaphore.IsWriteHeld);
        }

        [Fact]
        public void Reader_excludes_writer_until_the_last_reader_leaves()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterRead();
            var otherReaderIn = new ManualResetEventSlim();
            var otherReaderLeave = new ManualResetEventSlim();
            var otherReader = Concurrently.Start(() =>
            {
                semaphore.EnterRead();
                otherReaderIn.Set();
                Concurrently.WaitFor(otherReaderLeave, "the signal to leave");
                semaphore.ExitRead();
            });
            Concurrently.WaitFor(otherReaderIn, "the second reader");

            Assert.False(Concurrently.OnOtherThread(semaphore.TryEnterWrite));
            var writer = Concurrently.Start(() =>
            {
                semaphore.EnterWrite();
                semaphore.ExitWrite();
            });
            Concurrently.WaitUntil(() => semaphore.QueuedCount == 1, "the writer is queued behind the readers");

            semaphore.ExitRead();
            Assert.Equal(1, semaphore.QueuedCount);
            Assert.False(writer.IsCompleted);

            otherReaderLeave.Set();
            Concurrently.Finish(otherReader, "the second reader");
            Concurrently.Finish(writer, "the writer");
            Assert.Equal(0, semaphore.ReaderCount);
            Assert.False(semaphore.IsWriteHeld);
        }

        [Fact]
        public void Queued_writer_blocks_a_new_reader_which_proceeds_after_the_writer()
        {
            var semaphore = new MemoryLock();
            var order = new ConcurrentQueue<string>();
            semaphore.EnterRead();

            var writerIn = new ManualResetEventSlim();
            var writerLeave = new ManualResetEventSlim();
            var writer = Concurrently.Start(() =>
            {
                semaphore.EnterWrite();
                order.Enqueue("writer");
                writerIn.Set();
                Concurrently.WaitFor(writerLeave, "the signal to release the write hold");
                semaphore.ExitWrite();
            });
            Concurrently.WaitUntil(() => semaphore.QueuedCount == 1, "the writer is queued behind the first reader");

            // A reader arriving now must not overtake the queued writer, even though only readers hold the lock.
            Assert.False(Concurrently.OnOtherThread(semaphore.TryEnterRead));
            var lateReader = Concurrently.Start(() =>
            {
                semaphore.EnterRead();
                order.Enqueue("late reader");
                semaphore.ExitRead();
            });
            Concurrently.WaitUntil(() => semaphore.QueuedCount == 2, "the late reader is queued behind the writer");

            semaphore.ExitRead();
            Concurrently.WaitFor(writerIn, "the writer to get the lock");
            Assert.Equal(1, semaphore.QueuedCount);
            Assert.False(lateReader.IsCompleted);

            writerLeave.Set();
            Concurrently.Finish(writer, "the writer");
            Concurrently.Finish(lateReader, "the late reader");
            Assert.Equal(new[] { "writer", "late reader" }, order.ToArray());
        }

        [Fact]
        public void Try_variants_fail_without_blocking_under_contention()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterWrite();
            Assert.False(Concurrently.OnOtherThread(semaphore.TryEnterRead));
            Assert.False(Concurrently.OnOtherThread(semaphore.TryEnterWrite));
            semaphore.ExitWrite();

            semaphore.EnterRead();
            Assert.False(Concurrently.OnOtherThread(semaphore.TryEnterWrite));
            semaphore.ExitRead();

            Assert.Equal(0, semaphore.ReaderCount);
            Assert.False(semaphore.IsWriteHeld);
        }

        [Fact]
        public void Try_variants_succeed_when_free()
        {
            var semaphore = new MemoryLock();
            Assert.True(semaphore.TryEnterWrite());
            Assert.True(semaphore.IsWriteHeld);
            semaphore.ExitWrite();

            Assert.True(semaphore.TryEnterRead());
            Assert.Equal(1, semaphore.ReaderCount);
            semaphore.ExitRead();
            Assert.Equal(0, semaphore.ReaderCount);
        }

        [Fact]
        public void Killable_read_returns_false_on_cancellation_and_holds_nothing()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterWrite();
            using var cancellation = new CancellationTokenSource();

            var reader = Concurrently.Start(() => semaphore.EnterReadKillable(cancellation.Token));
            Concurrently.WaitUntil(() => semaphore.QueuedCount == 1, "the killable reader is queued");
            cancellation.Cancel();
            
            Assert.False(Concurrently.ResultOf(reader, "the cancelled reader"));
            Assert.Equal(0, semaphore.QueuedCount);
            Assert.Equal(0, semaphore.ReaderCount);
            semaphore.ExitWrite();
            Assert.True(semaphore.TryEnterWrite());
            semaphore.ExitWrite();
        }

        [Fact]
        public void Killable_write_returns_false_on_cancellation_and_releases_readers_queued_behind_it()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterRead();
            using var cancellation = new CancellationTokenSource();

            var writer = Concurrently.Start(() => semaphore.EnterWriteKillable(cancellation.Token));
            Concurrently.WaitUntil(() => semaphore.QueuedCount == 1, "the killable writer is queued");
            var readerIn = new ManualResetEventSlim();
            var readerLeave = new ManualResetEventSlim();
            var reader = Concurrently.Start(() =>
            {
                semaphore.EnterRead();
                readerIn.Set();
                Concurrently.WaitFor(readerLeave, "the signal to leave");
                semaphore.ExitRead();
            });
            Concurrently.WaitUntil(() => semaphore.QueuedCount == 2, "the reader is queued behind the writer");

            cancellation.Cancel();
            Assert.False(Concurrently.ResultOf(writer, "the cancelled writer"));

            // With the writer gone, the reader shares the lock with the reader that never let go.
            Concurrently.WaitFor(readerIn, "the reader that was queued behind the cancelled writer");
            Assert.Equal(2, semaphore.ReaderCount);
            Assert.False(semaphore.IsWriteHeld);

            readerLeave.Set();
            Concurrently.Finish(reader, "the reader");
            semaphore.ExitRead();
            Assert.Equal(0, semaphore.ReaderCount);
            Assert.Equal(0, semaphore.QueuedCount);
        }

        [Fact]
        public void Killable_write_takes_the_lock_when_released_before_cancellation()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterRead();
            using var cancellation = new CancellationTokenSource();

            var writer = Concurrently.Start(() =>
            {
                bool taken = semaphore.EnterWriteKillable(cancellation.Token);
                if (taken)
                {
                    semaphore.ExitWrite();
                }

                return taken;
            });
            Concurrently.WaitUntil(() => semaphore.QueuedCount == 1, "the killable writer is queued");
            semaphore.ExitRead();
            
            Assert.True(Concurrently.ResultOf(writer, "the killable writer"));
            Assert.False(semaphore.IsWriteHeld);
        }

        [Fact]
        public void Downgrade_lets_waiting_readers_in_but_not_writers()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterWrite();

            var readerIn = new ManualResetEventSlim();
            var readerLeave = new ManualResetEventSlim();
            var reader = Concurrently.Start(() =>
            {
                semaphore.EnterRead();
                readerIn.Set();
                Concurrently.WaitFor(readerLeave, "the signal to leave");
                semaphore.ExitRead();
            });
            Concurrently.WaitUntil(() => semaphore.QueuedCount == 1, "the reader is queued behind the writer");

            var writerIn = new ManualResetEventSlim();
            var writer = Concurrently.Start(() =>
            {
                semaphore.EnterWrite();
                writerIn.Set();
                semaphore.ExitWrite();
            });
            Concurrently.WaitUntil(() => semaphore.QueuedCount == 2, "the second writer is queued behind the reader");

            semaphore.DowngradeWrite();
            Concurrently.WaitFor(readerIn, "the waiting reader after the downgrade");
            Assert.Equal(2, semaphore.ReaderCount);
            Assert.False(semaphore.IsWriteHeld);
            Assert.Equal(1, semaphore.QueuedCount);
            Assert.False(writerIn.IsSet);

            semaphore.ExitRead();
            readerLeave.Set();
            Concurrently.Finish(reader, "the reader");
            Concurrently.Finish(writer, "the second writer");
            Assert.True(writerIn.IsSet);
            Assert.Equal(0, semaphore.ReaderCount);
            Assert.False(semaphore.IsWriteHeld);
        }

        [Fact]
        public void Downgraded_hold_is_a_read_hold_of_the_downgrading_thread()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterWrite();
            semaphore.DowngradeWrite();

            Assert.Equal(1, semaphore.ReaderCount);
            Assert.True(Concurrently.OnOtherThread(() =>
            {
                bool shared = semaphore.TryEnterRead();
                semaphore.ExitRead();
                return shared;
            }));
            Assert.False(Concurrently.OnOtherThread(semaphore.TryEnterWrite));

            semaphore.ExitRead();
            Assert.Equal(0, semaphore.ReaderCount);
        }

        [Fact]
        public void Many_readers_and_writers_never_overlap_a_writer()
        {
            var semaphore = new MemoryLock();
            int readers = 0;
            int writers = 0;
            int overlaps = 0;
            using var start = new Barrier(6);
            var tasks = new System.Threading.Tasks.Task[6];
            for (int t = 0; t < tasks.Length; t++)
            {
                bool isWriter = t % 3 == 0;
                tasks[t] = Concurrently.Start(() =>
                {
                    start.SignalAndWait(Concurrently.DeadlockTimeout);
                    for (int round = 0; round < 300; round++)
                    {
                        if (isWriter)
                        {
                            using (semaphore.Write())
                            {
                                if (Interlocked.Increment(ref writers) != 1 || Volatile.Read(ref readers) != 0)
                                {
                                    Interlocked.Increment(ref overlaps);
                                }

                                Interlocked.Decrement(ref writers);
                            }
                        }
                        else
                        {
                            using (semaphore.Read())
                            {
                                Interlocked.Increment(ref readers);
                                if (Volatile.Read(ref writers) != 0)
                                {
                                    Interlocked.Increment(ref overlaps);
                                }

                                Interlocked.Decrement(ref readers);
                            }
                        }
                    }
                });
            }

            foreach (var task in tasks)
            {
                Concurrently.Finish(task, "a contending thread");
            }

            Assert.Equal(0, overlaps);
            Assert.Equal(0, semaphore.ReaderCount);
            Assert.False(semaphore.IsWriteHeld);
            Assert.Equal(0, semaphore.QueuedCount);
        }
    }
}
