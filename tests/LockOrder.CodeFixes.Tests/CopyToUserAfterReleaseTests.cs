using System.Threading.Tasks;
using LockOrder.CodeFixes.Fixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LockOrder.CodeFixes.Tests
{
    public sealed class CopyToUserAfterReleaseTests
    {
        private const string Device = TestDevice.Source;

        [Fact]
        public async Task TrailingCopyMovesBelowTheScopeThroughALocal()
        {
            var test = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(Device + @"
static class Status
{
    static void Read(Device device, UserBuffer user)
    {
        using (device.Memory.Read())
        {
            var status = new byte[] { (byte)device.State };
            {|LOCK003:user.CopyToUser(status)|};
        }
    }
}
", Device + @"
static class Status
{
    static void Read(Device device, UserBuffer user)
    {
        byte[] source;
        using (device.Memory.Read())
        {
            var status = new byte[] { (byte)device.State };
            source = status;
        }

        user.CopyToUser(source);
    }
}
");
            test.CodeActionVerifier = (action, verifier) => verifier.Equal("Copy to user memory after releasing the lock", action.Title);
            await test.RunAsync();
        }

        [Fact]
        public async Task ValuesReadFromSharedStateAreCapturedBeforeTheExit()
        {
            var test = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(Device + @"
static class Status
{
    static void Read(Device device, UserBuffer user)
    {
        device.Memory.EnterWrite();
        var result = new byte[4];
        result[0] = (byte)device.State;
        {|LOCK002:user.CopyToUser(result.AsSpan(0, device.State))|};
        device.Memory.ExitWrite();
    }
}
", Device + @"
static class Status
{
    static void Read(Device device, UserBuffer user)
    {
        device.Memory.EnterWrite();
        var result = new byte[4];
        result[0] = (byte)device.State;
        var source = result.AsSpan(0, device.State);
        device.Memory.ExitWrite();
        user.CopyToUser(source);
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenTheCopiedBufferIsSharedState()
        {
            // After the release another thread may change the device's shadow buffer before it is copied out.
            var source = Device + @"
static class Status
{
    static void Read(Device device, UserBuffer user)
    {
        using (device.Memory.Write())
        {
            device.Shadow[0] = 1;
            {|LOCK002:user.CopyToUser(device.Shadow)|};
        }
    }
}
";
            await LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenTheCopyIsNotTheLastStatementUnderTheLock()
        {
            var source = Device + @"
static class Status
{
    static void Read(Device device, UserBuffer user, byte[] result)
    {
        using (device.Memory.Write())
        {
            {|LOCK002:user.CopyToUser(result)|};
            device.State = 0;
        }
    }
}
";
            await LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task FixAllMovesEveryTrailingCopyInTheDocument()
        {
            var test = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(Device + @"
static class Status
{
    static void First(Device device, UserBuffer user, byte[] result)
    {
        using (device.Memory.Write())
        {
            result[0] = (byte)device.State;
            {|LOCK002:user.CopyToUser(result)|};
        }
    }

    static void Second(Device device, UserBuffer user, byte[] result)
    {
        device.Vma.Enter();
        result[0] = (byte)device.State;
        {|LOCK002:user.CopyToUser(result)|};
        device.Vma.Exit();
    }
}
", Device + @"
static class Status
{
    static void First(Device device, UserBuffer user, byte[] result)
    {
        using (device.Memory.Write())
        {
            result[0] = (byte)device.State;
        }

        user.CopyToUser(result);
    }

    static void Second(Device device, UserBuffer user, byte[] result)
    {
        device.Vma.Enter();
        result[0] = (byte)device.State;
        device.Vma.Exit();
        user.CopyToUser(result);
    }
}
");
            test.NumberOfFixAllIterations = 1;
            await test.RunAsync();
        }

        [Fact]
        public async Task FixAllInSolutionMovesTrailingCopiesAcrossDocuments()
        {
            // One document's Fix All leaves the other's diagnostic: the project and solution scopes are the ones tested.
            var test = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.AcrossDocuments(
                CodeFixTestBehaviors.SkipFixAllInDocumentCheck,
                ("A.cs", Device + @"
static class A
{
    static void Run(Device device, UserBuffer user, byte[] result)
    {
        using (device.Memory.Write())
        {
            result[0] = (byte)device.State;
            {|LOCK002:user.CopyToUser(result)|};
        }
    }
}
", Device + @"
static class A
{
    static void Run(Device device, UserBuffer user, byte[] result)
    {
        using (device.Memory.Write())
        {
            result[0] = (byte)device.State;
        }

        user.CopyToUser(result);
    }
}
"),
                ("B.cs", @"
static class B
{
    static void Run(Device device, UserBuffer user, byte[] result)
    {
        device.Vma.Enter();
        result[0] = (byte)device.State;
        {|LOCK002:user.CopyToUser(result)|};
        device.Vma.Exit();
    }
}
", @"
static class B
{
    static void Run(Device device, UserBuffer user, byte[] result)
    {
        device.Vma.Enter();
        result[0] = (byte)device.State;
        device.Vma.Exit();
        user.CopyToUser(result);
    }
}
"));
            await test.RunAsync();
        }
    }
}
