using System;
using System.Threading;
using LockOrder.Runtime.Tests.Support;
using Xunit;

namespace LockOrder.Runtime.Tests.Locks
{
    public sealed class LockMisuseTests
    {
        [Fact]
        public void Mutex_exit_without_holding_names_the_lock_and_mode()
        {
            var mutex = new VmaLock();
            var error = Assert.Throws<SynchronizationLockException>(mutex.Exit);
            AssertNames(error, "VmaLock", "exclusive", "does not hold");
        }

        [Fact]
        public void Mutex_exit_by_a_thread_that_does_not_own_it_throws_and_leaves_it_held()
        {
            var mutex = new VmaLock();
            mutex.Enter();
            var error = Concurrently.OnOtherThread(() => Assert.Throws<SynchronizationLockException>(mutex.Exit));
            AssertNames(error, "VmaLock", "exclusive", "does not hold");
            Assert.True(mutex.IsHeld);
            mutex.Exit();
        }

        [Fact]
        public void Misuse_of_a_named_lock_names_both_its_class_and_the_instance()
        {
            var mutex = new DeviceLock("0000:03:00.0");
            Assert.Equal("0000:03:00.0", mutex.Name);
            var error = Assert.Throws<SynchronizationLockException>(mutex.Exit);
            Assert.Contains("'DeviceLock: 0000:03:00.0'", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Unnamed_lock_is_named_after_its_class()
        {
            Assert.Equal("VmaLock", new VmaLock().Name);
            Assert.Equal("MemoryLock", new MemoryLock().Name);
        }

        [Fact]
        public void Mutex_enter_by_its_holder_throws_instead_of_waiting_for_itself()
        {
            var mutex = new VmaLock();
            mutex.Enter();
            var error = Assert.Throws<SynchronizationLockException>(mutex.Enter);
            AssertNames(error, "VmaLock", "exclusive", "not recursive");
            mutex.Exit();
            Assert.False(mutex.IsHeld);
        }

        [Fact]
        public void Mutex_scope_disposed_twice_throws_and_releases_once()
        {
            var mutex = new VmaLock();
            var scope = mutex.Lock();
            scope.Dispose();
            var error = Assert.Throws<SynchronizationLockException>(scope.Dispose);
            AssertNames(error, "VmaLock", "exclusive", "already disposed");
        }

        [Fact]
        public void Copy_of_a_mutex_scope_disposed_after_the_lock_was_retaken_does_not_release_the_new_hold()
        {
            var mutex = new VmaLock();
            var scope = mutex.Lock();
            var copy = scope;
            scope.Dispose();
            mutex.Enter();

            var error = Assert.Throws<SynchronizationLockException>(copy.Dispose);
            AssertNames(error, "VmaLock", "exclusive", "already disposed");
            Assert.True(mutex.IsHeld);
            mutex.Exit();
        }

        [Fact]
        public void Default_mutex_scope_dispose_is_a_clear_error()
        {
            var scope = default(MutexLock.Scope);
            var error = Assert.Throws<SynchronizationLockException>(scope.Dispose);
            Assert.Contains("default(Scope)", error.Message, StringComparison.Ordinal);
            Assert.Contains("MutexLock.Lock()", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Read_exit_without_holding_names_the_lock_and_mode()
        {
            var semaphore = new MemoryLock();
            var error = Assert.Throws<SynchronizationLockException>(semaphore.ExitRead);
            AssertNames(error, "MemoryLock", "shared", "holds no read");
        }

        [Fact]
        public void Read_exit_by_a_thread_that_holds_no_read_throws_even_while_others_read()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterRead();
            var error = Concurrently.OnOtherThread(() => Assert.Throws<SynchronizationLockException>(semaphore.ExitRead));
            AssertNames(error, "MemoryLock", "shared", "holds no read");
            Assert.Equal(1, semaphore.ReaderCount);
            semaphore.ExitRead();
        }

        [Fact]
        public void Write_exit_without_holding_names_the_lock_and_mode()
        {
            var semaphore = new MemoryLock();
            var error = Assert.Throws<SynchronizationLockException>(semaphore.ExitWrite);
            AssertNames(error, "MemoryLock", "exclusive", "not write-held");
        }

        [Fact]
        public void Write_exit_by_a_thread_that_does_not_own_the_write_hold_throws_and_leaves_it_held()
        {
            var semaphore = new MmapLock();
            semaphore.EnterWrite();
            var error = Concurrently.OnOtherThread(() => Assert.Throws<SynchronizationLockException>(semaphore.ExitWrite));
            AssertNames(error, "MmapLock", "exclusive", "does not own the write hold");
            Assert.True(semaphore.IsWriteHeld);
            semaphore.ExitWrite();
        }

        [Fact]
        public void Write_exit_while_only_read_held_throws()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterRead();
            var error = Assert.Throws<SynchronizationLockException>(semaphore.ExitWrite);
            AssertNames(error, "MemoryLock", "exclusive", "not write-held");
            Assert.Equal(1, semaphore.ReaderCount);
            semaphore.ExitRead();
        }

        [Fact]
        public void Downgrade_by_a_thread_that_does_not_own_the_write_hold_throws()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterWrite();
            var error = Concurrently.OnOtherThread(() => Assert.Throws<SynchronizationLockException>(semaphore.DowngradeWrite));
            AssertNames(error, "MemoryLock", "exclusive", "does not own the write hold");
            Assert.True(semaphore.IsWriteHeld);
            semaphore.ExitWrite();
        }

        [Fact]
        public void Downgrade_without_a_write_hold_throws()
        {
            var semaphore = new MemoryLock();
            var error = Assert.Throws<SynchronizationLockException>(semaphore.DowngradeWrite);
            AssertNames(error, "MemoryLock", "exclusive", "DowngradeWrite");
            Assert.Equal(0, semaphore.ReaderCount);
        }

        [Fact]
        public void Write_enter_by_the_write_holder_throws_instead_of_waiting_for_itself()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterWrite();
            AssertNames(Assert.Throws<SynchronizationLockException>(semaphore.EnterWrite), "MemoryLock", "exclusive", "not recursive");
            AssertNames(Assert.Throws<SynchronizationLockException>(semaphore.EnterRead), "MemoryLock", "shared", "holds it for write");
            semaphore.ExitWrite();
            Assert.False(semaphore.IsWriteHeld);
        }

        [Fact]
        public void Write_enter_by_a_reader_throws_instead_of_waiting_for_itself()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterRead();
            AssertNames(Assert.Throws<SynchronizationLockException>(semaphore.EnterWrite), "MemoryLock", "exclusive", "holds it for read");
            Assert.Equal(0, semaphore.QueuedCount);
            semaphore.ExitRead();
        }

        [Fact]
        public void Read_scope_disposed_twice_throws_and_releases_once()
        {
            var semaphore = new MemoryLock();
            semaphore.EnterRead();
            var scope = semaphore.Read();
            scope.Dispose();
            var error = Assert.Throws<SynchronizationLockException>(scope.Dispose);
            AssertNames(error, "MemoryLock", "shared", "already disposed");
            Assert.Equal(1, semaphore.ReaderCount);
            semaphore.ExitRead();
        }

        [Fact]
        public void Copy_of_a_read_scope_disposed_twice_throws()
        {
            var semaphore = new MemoryLock();
            var scope = semaphore.Read();
            var copy = scope;
            scope.Dispose();
            var error = Assert.Throws<SynchronizationLockException>(copy.Dispose);
            AssertNames(error, "MemoryLock", "shared", "already disposed");
            Assert.Equal(0, semaphore.ReaderCount);
        }

        [Fact]
        public void Write_scope_disposed_twice_throws_and_releases_once()
        {
            var semaphore = new MemoryLock();
            var scope = semaphore.Write();
            scope.Dispose();
            var error = Assert.Throws<SynchronizationLockException>(scope.Dispose);
            AssertNames(error, "MemoryLock", "exclusive", "already disposed");
            Assert.False(semaphore.IsWriteHeld);
        }

        [Fact]
        public void Copy_of_a_write_scope_disposed_after_the_lock_was_retaken_does_not_release_the_new_hold()
        {
            var semaphore = new MemoryLock();
            var scope = semaphore.Write();
            var copy = scope;
            scope.Dispose();
            semaphore.EnterWrite();

            var error = Assert.Throws<SynchronizationLockException>(copy.Dispose);
            AssertNames(error, "MemoryLock", "exclusive", "already disposed");
            Assert.True(semaphore.IsWriteHeld);
            semaphore.ExitWrite();
        }

        [Fact]
        public void Default_semaphore_scopes_dispose_is_a_clear_error()
        {
            var read = default(RwSemaphore.ReadScope);
            var write = default(RwSemaphore.WriteScope);
            Assert.Contains("default(ReadScope)", Assert.Throws<SynchronizationLockException>(read.Dispose).Message, StringComparison.Ordinal);
            Assert.Contains("default(WriteScope)", Assert.Throws<SynchronizationLockException>(write.Dispose).Message, StringComparison.Ordinal);
        }

        private static void AssertNames(Exception error, string lockName, string mode, string problem)
        {
            Assert.Contains($"'{lockName}'", error.Message, StringComparison.Ordinal);
            Assert.Contains(mode, error.Message, StringComparison.Ordinal);
            Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        }
    }
}
