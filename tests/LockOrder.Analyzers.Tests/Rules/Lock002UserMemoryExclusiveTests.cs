using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules
{
    /// <summary>LOCK002: user memory touched while a lock ordered after MmapLock is held exclusively.</summary>
    public sealed class Lock002UserMemoryExclusiveTests
    {
        private const string Device = @"
class Device
{
    public readonly MmapLock Mm = new MmapLock();
    public readonly VmaLock Vma = new VmaLock();
    public readonly MemoryLock Memory = new MemoryLock();
";

        [Fact]
        public Task CopyFromUserUnderTheMemoryWriteLockIsReported() => VerifyAsync(Device + @"
    void ConfigWrite(UserBuffer buffer, byte[] data)
    {
        using ({|#1:Memory.Write()|})
        {
            {|#0:buffer.CopyFromUser(data)|};
        }
    }
}",
            Diagnostic("LOCK002").WithLocation(0).WithLocation(1)
                .WithMessage("'UserBuffer.CopyFromUser' touches user memory while 'MemoryLock (this.Memory)' is held (Exclusive): a page fault takes 'MmapLock' (shared), which is ordered before 'MemoryLock (this.Memory)'"));

        [Fact]
        public Task CopyUnderVmaLockIsReported() => VerifyAsync(Device + @"
    void Record(UserBuffer buffer, byte[] data)
    {
        Vma.Enter();
        {|LOCK002:buffer.CopyToUser(data)|};
        Vma.Exit();
    }
}");

        [Fact]
        public Task CopyingInBeforeTheLockAndOutAfterItIsClean() => VerifyAsync(Device + @"
    void ConfigWrite(UserBuffer buffer, byte[] data)
    {
        buffer.CopyFromUser(data);
        using (Memory.Write())
        {
            data[0] = 1;
        }

        buffer.CopyToUser(data);
    }
}");

        [Fact]
        public Task CopyUnderMmapLockAloneIsNotLock002() => VerifyAsync(Device + @"
    void Unrelated(UserBuffer buffer, byte[] data, object other)
    {
        lock (other)
        {
            buffer.CopyFromUser(data);
        }
    }
}");

        [Fact]
        public Task HelperThatCopiesCalledUnderTheWriteLockIsReportedWithItsPath() => VerifyAsync(Device + @"
    static void ReadFromUser(UserBuffer buffer, byte[] data) => buffer.CopyFromUser(data);

    void ConfigWrite(UserBuffer buffer, byte[] data)
    {
        using (Memory.Write())
        {
            {|#0:ReadFromUser(buffer, data)|};
        }
    }
}",
            Diagnostic("LOCK002").WithLocation(0)
                .WithMessage("'Device.ReadFromUser' touches user memory via Device.ReadFromUser → UserBuffer.CopyFromUser while 'MemoryLock (this.Memory)' is held (Exclusive): a page fault takes 'MmapLock' (shared), which is ordered before 'MemoryLock (this.Memory)'")
                .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));

        [Fact]
        public Task HelperTwoHopsDownIsReported() => VerifyAsync(Device + @"
    static void Copy(UserBuffer buffer, byte[] data) => buffer.CopyFromUser(data);
    static void Fill(UserBuffer buffer, byte[] data) => Copy(buffer, data);

    void ConfigWrite(UserBuffer buffer, byte[] data)
    {
        Memory.EnterWrite();
        {|LOCK002:Fill(buffer, data)|};
        Memory.ExitWrite();
    }
}");

        [Fact]
        public Task LocalFunctionThatCopiesCalledUnderTheWriteLockIsReported() => VerifyAsync(Device + @"
    void ConfigWrite(UserBuffer buffer, byte[] data)
    {
        using (Memory.Write())
        {
            {|LOCK002:Read()|};
        }

        void Read() => buffer.CopyFromUser(data);
    }
}");

        [Fact]
        public Task MutualRecursionThatCopiesTerminatesAndIsReported() => VerifyAsync(Device + @"
    static void Ping(UserBuffer buffer, byte[] data, int n) { if (n > 0) Pong(buffer, data, n - 1); else buffer.CopyFromUser(data); }
    static void Pong(UserBuffer buffer, byte[] data, int n) { if (n > 0) Ping(buffer, data, n - 1); }

    void ConfigWrite(UserBuffer buffer, byte[] data)
    {
        using (Memory.Write())
        {
            {|LOCK002:Pong(buffer, data, 3)|};
        }
    }
}");

        [Fact]
        public Task LambdaCreatedUnderTheLockAndReturnedIsClean() => VerifyAsync(Device + @"
    Action Later(UserBuffer buffer, byte[] data)
    {
        using (Memory.Write())
        {
            return () => buffer.CopyFromUser(data);
        }
    }
}");

        [Fact]
        public Task BusLockDeclaredAfterMemoryLockIsOrderedAfterMmapLock() => VerifyAsync(@"
[AcquiredAfter(typeof(MemoryLock))]
sealed class BusLock : MutexLock { }

class Bus
{
    readonly BusLock bus = new BusLock();

    void Callback(UserBuffer buffer, byte[] data)
    {
        using (bus.Lock())
        {
            {|LOCK002:buffer.CopyToUser(data)|};
        }
    }
}");
    }
}
