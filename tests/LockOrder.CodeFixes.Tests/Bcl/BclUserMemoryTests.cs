using System.Threading.Tasks;
using LockOrder.CodeFixes.Fixes;
using Xunit;

namespace LockOrder.CodeFixes.Tests.Bcl
{
    /// <summary>
    /// LOCK002 on a BCL lock a page fault may need (a member declared <c>[AcquiredAfter(typeof(MmapLock))]</c>): the copy
    /// fixes move user-memory access out of a <c>lock</c> block and out of a <c>Monitor.Enter</c> … <c>Exit</c> region
    /// exactly as out of a LockOrder scope.
    /// </summary>
    public sealed class BclUserMemoryTests
    {
        private const string Usings = LockOrderFixTest<CopyFromUserBeforeLockCodeFixProvider>.BclUsings;

        [Fact]
        public async Task ACopyFromUserMovesAboveTheLockStatement()
        {
            var test = LockOrderFixTest<CopyFromUserBeforeLockCodeFixProvider>.Create(@"
class Device
{
    [AcquiredAfter(typeof(MmapLock))]
    private readonly object _sync = new object();
    private int _command;

    public void Write(UserBuffer user)
    {
        var value = new byte[2];
        lock (_sync)
        {
            {|LOCK002:user.CopyFromUser(value)|};
            _command = value[0];
        }
    }
}
", @"
class Device
{
    [AcquiredAfter(typeof(MmapLock))]
    private readonly object _sync = new object();
    private int _command;

    public void Write(UserBuffer user)
    {
        var value = new byte[2];
        user.CopyFromUser(value);
        lock (_sync)
        {
            _command = value[0];
        }
    }
}
", Usings);
            await test.RunAsync();
        }

        [Fact]
        public async Task ACopyToUserMovesBelowTheLockStatementThroughALocal()
        {
            var test = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(@"
class Device
{
    [AcquiredAfter(typeof(MmapLock))]
    private readonly object _sync = new object();
    private int _status;

    public void Read(UserBuffer user)
    {
        lock (_sync)
        {
            var status = new byte[] { (byte)_status };
            {|LOCK002:user.CopyToUser(status)|};
        }
    }
}
", @"
class Device
{
    [AcquiredAfter(typeof(MmapLock))]
    private readonly object _sync = new object();
    private int _status;

    public void Read(UserBuffer user)
    {
        byte[] source;
        lock (_sync)
        {
            var status = new byte[] { (byte)_status };
            source = status;
        }

        user.CopyToUser(source);
    }
}
", Usings);
            await test.RunAsync();
        }

        [Fact]
        public async Task ACopyToUserMovesBelowMonitorExit()
        {
            var test = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(@"
class Device
{
    [AcquiredAfter(typeof(MmapLock))]
    private readonly object _sync = new object();
    private int _status;

    public void Read(UserBuffer user)
    {
        Monitor.Enter(_sync);
        var status = new byte[] { (byte)_status };
        {|LOCK002:user.CopyToUser(status)|};
        Monitor.Exit(_sync);
    }
}
", @"
class Device
{
    [AcquiredAfter(typeof(MmapLock))]
    private readonly object _sync = new object();
    private int _status;

    public void Read(UserBuffer user)
    {
        Monitor.Enter(_sync);
        var status = new byte[] { (byte)_status };
        Monitor.Exit(_sync);
        user.CopyToUser(status);
    }
}
", Usings);
            await test.RunAsync();
        }
    }
}
