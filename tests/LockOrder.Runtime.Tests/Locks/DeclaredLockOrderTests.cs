using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace LockOrder.Runtime.Tests.Locks
{
    public sealed class DeclaredLockOrderTests
    {
        [Fact]
        public void MmapLock_is_declared_before_VmaLock()
        {
            Assert.Equal(new[] { typeof(VmaLock) }, DeclaredBefore(typeof(MmapLock)));
        }

        [Fact]
        public void VmaLock_is_declared_before_MemoryLock()
        {
            Assert.Equal(new[] { typeof(MemoryLock) }, DeclaredBefore(typeof(VmaLock)));
        }

        [Fact]
        public void MemoryLock_is_last_and_nothing_declares_itself_after_another()
        {
            Assert.Empty(DeclaredBefore(typeof(MemoryLock)));
            foreach (var type in new[] { typeof(MmapLock), typeof(VmaLock), typeof(MemoryLock) })
            {
                Assert.Empty(type.GetCustomAttributes<AcquiredAfterAttribute>(inherit: false));
            }
        }

        [Fact]
        public void DowngradeWrite_declares_both_the_release_of_the_write_hold_and_the_read_hold_it_returns_with()
        {
            var downgrade = typeof(RwSemaphore).GetMethod(nameof(RwSemaphore.DowngradeWrite))!;
            Assert.Equal(LockMode.Exclusive, Assert.Single(downgrade.GetCustomAttributes<ReleasesAttribute>()).Mode);
            Assert.Equal(LockMode.Shared, Assert.Single(downgrade.GetCustomAttributes<AcquiresAttribute>()).Mode);
        }

        [Fact]
        public void Killable_acquisitions_are_declared_blocking_try_acquisitions()
        {
            var killable = new[]
            {
                typeof(MutexLock).GetMethod(nameof(MutexLock.EnterKillable))!,
                typeof(RwSemaphore).GetMethod(nameof(RwSemaphore.EnterReadKillable))!,
                typeof(RwSemaphore).GetMethod(nameof(RwSemaphore.EnterWriteKillable))!,
            };
            Assert.All(killable, method => Assert.True(Assert.Single(method.GetCustomAttributes<TryAcquiresAttribute>()).Blocking));
        }

        private static Type[] DeclaredBefore(Type lockClass) =>
            lockClass.GetCustomAttributes<AcquiredBeforeAttribute>(inherit: false).SelectMany(a => a.Locks).ToArray();
    }
}
