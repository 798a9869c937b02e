using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules
{
    /// <summary>LOCK003: user memory touched while a reader-writer lock ordered after MmapLock is held only shared (the 2020 recursive-read bug).</summary>
    public sealed class Lock003UserMemorySharedTests
    {
        private const string Device = @"
class Device
{
    public readonly MemoryLock Memory = new MemoryLock();
    byte Access(int offset) => (byte)offset;
";

        [Fact]
        public Task BarLoopHoldingTheReadLockAcrossCopiesIsReported() => VerifyAsync(Device + @"
    void BarRead(UserBuffer buffer, int count)
    {
        var chunk = new byte[1];
        using ({|#1:Memory.Read()|})
        {
            for (int i = 0; i < count; i++)
            {
                chunk[0] = Access(i);
                {|#0:buffer.CopyToUser(chunk)|};
            }
        }
    }
}",
            Diagnostic("LOCK003").WithLocation(0).WithLocation(1)
                .WithMessage("'UserBuffer.CopyToUser' touches user memory while 'MemoryLock (this.Memory)' is held shared: a page fault takes 'MmapLock' (shared), which is ordered before 'MemoryLock (this.Memory)', and with a writer queued a second read deadlocks"));

        [Fact]
        public Task LockAroundEachDeviceAccessWithCopiesOutsideIsClean() => VerifyAsync(Device + @"
    void BarRead(UserBuffer buffer, int count)
    {
        var chunk = new byte[1];
        for (int i = 0; i < count; i++)
        {
            using (Memory.Read())
            {
                chunk[0] = Access(i);
            }

            buffer.CopyToUser(chunk);
        }
    }
}");

        [Fact]
        public Task HelperThatCopiesUnderTheReadLockIsReported() => VerifyAsync(Device + @"
    static void Out(UserBuffer buffer, byte[] data) => buffer.CopyToUser(data);

    void BarRead(UserBuffer buffer, byte[] data)
    {
        Memory.EnterRead();
        {|LOCK003:Out(buffer, data)|};
        Memory.ExitRead();
    }
}");

        [Fact]
        public Task SharedBusLockOrderedAfterMemoryLockIsLock003() => VerifyAsync(@"
[AcquiredAfter(typeof(MemoryLock))]
sealed class BusLock : RwSemaphore { }

class Bus
{
    readonly BusLock bus = new BusLock();

    void Walk(UserBuffer buffer, byte[] data)
    {
        using (bus.Read())
        {
            {|LOCK003:buffer.CopyToUser(data)|};
        }
    }
}");
    }
}
