using System.Threading.Tasks;
using LockOrder.CodeFixes.Fixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LockOrder.CodeFixes.Tests
{
    public sealed class CopyFromUserBeforeLockTests
    {
        private const string Device = TestDevice.Source;

        [Fact]
        public async Task CopyInsideAWriteScopeMovesAboveIt()
        {
            var test = LockOrderFixTest<CopyFromUserBeforeLockCodeFixProvider>.Create(Device + @"
static class Config
{
    static void Write(Device device, UserBuffer user)
    {
        var data = new byte[4];
        using (device.Memory.Write())
        {
            // copy the new command in
            {|LOCK002:user.CopyFromUser(data)|};
            device.State = data[0];
        }
    }
}
", Device + @"
static class Config
{
    static void Write(Device device, UserBuffer user)
    {
        var data = new byte[4];
        // copy the new command in
        user.CopyFromUser(data);
        using (device.Memory.Write())
        {
            device.State = data[0];
        }
    }
}
");
            test.CodeActionVerifier = (action, verifier) => verifier.Equal("Copy from user memory before taking the lock", action.Title);
            await test.RunAsync();
        }

        [Fact]
        public async Task CopyMovesAboveAnEnterPastIndependentStatements()
        {
            var test = LockOrderFixTest<CopyFromUserBeforeLockCodeFixProvider>.Create(Device + @"
static class Config
{
    static void Write(Device device, UserBuffer user, byte[] data)
    {
        device.Memory.EnterWrite();
        device.State = 1;
        {|LOCK002:user.CopyFromUser(data)|};
        device.State = data[0];
        device.Memory.ExitWrite();
    }
}
", Device + @"
static class Config
{
    static void Write(Device device, UserBuffer user, byte[] data)
    {
        user.CopyFromUser(data);
        device.Memory.EnterWrite();
        device.State = 1;
        device.State = data[0];
        device.Memory.ExitWrite();
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task CopyUnderAReadLockMovesAboveIt()
        {
            var test = LockOrderFixTest<CopyFromUserBeforeLockCodeFixProvider>.Create(Device + @"
static class Bar
{
    static void Write(Device device, UserBuffer user, byte[] data)
    {
        using (device.Memory.Read())
        {
            {|LOCK003:user.CopyFromUser(data)|};
            device.Shadow[0] = data[0];
        }
    }
}
", Device + @"
static class Bar
{
    static void Write(Device device, UserBuffer user, byte[] data)
    {
        user.CopyFromUser(data);
        using (device.Memory.Read())
        {
            device.Shadow[0] = data[0];
        }
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenAnInputIsWrittenUnderTheLock()
        {
            // The copy's offset is computed from lock-protected state after the acquisition.
            var source = Device + @"
static class Config
{
    static void Write(Device device, UserBuffer user, byte[] data)
    {
        int offset = 0;
        device.Memory.EnterWrite();
        offset = device.State;
        {|LOCK002:user.CopyFromUser(data.AsSpan(offset))|};
        device.Memory.ExitWrite();
    }
}
";
            await LockOrderFixTest<CopyFromUserBeforeLockCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenTheBufferIsReadBeforeTheCopy()
        {
            // Hoisting would overwrite 'data' before the lock holder reads its old contents.
            var source = Device + @"
static class Config
{
    static void Write(Device device, UserBuffer user, byte[] data)
    {
        using (device.Memory.Write())
        {
            device.State = data[0];
            {|LOCK002:user.CopyFromUser(data)|};
        }
    }
}
";
            await LockOrderFixTest<CopyFromUserBeforeLockCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenAnEarlyReturnSitsBetween()
        {
            // Hoisting would copy even on the path that returned before copying.
            var source = Device + @"
static class Config
{
    static void Write(Device device, UserBuffer user, byte[] data, bool skip)
    {
        using (device.Memory.Write())
        {
            if (skip)
            {
                return;
            }

            {|LOCK002:user.CopyFromUser(data)|};
        }
    }
}
";
            await LockOrderFixTest<CopyFromUserBeforeLockCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task FixAllHoistsSeveralCopiesOutOfOneScopeAndOthers()
        {
            var test = LockOrderFixTest<CopyFromUserBeforeLockCodeFixProvider>.Create(Device + @"
static class Config
{
    static void Write(Device device, UserBuffer header, UserBuffer body, byte[] first, byte[] second)
    {
        using (device.Memory.Write())
        {
            {|LOCK002:header.CopyFromUser(first)|};
            {|LOCK002:body.CopyFromUser(second)|};
            device.State = first[0] + second[0];
        }
    }

    static void Other(Device device, UserBuffer user, byte[] data)
    {
        using (device.Vma.Lock())
        {
            {|LOCK002:user.CopyFromUser(data)|};
            device.State = data[0];
        }
    }
}
", Device + @"
static class Config
{
    static void Write(Device device, UserBuffer header, UserBuffer body, byte[] first, byte[] second)
    {
        header.CopyFromUser(first);
        body.CopyFromUser(second);
        using (device.Memory.Write())
        {
            device.State = first[0] + second[0];
        }
    }

    static void Other(Device device, UserBuffer user, byte[] data)
    {
        user.CopyFromUser(data);
        using (device.Vma.Lock())
        {
            device.State = data[0];
        }
    }
}
");
            test.NumberOfFixAllIterations = 1;
            await test.RunAsync();
        }

        [Fact]
        public async Task NotOfferedForAHelperWhoseBodyWouldRunUnlocked()
        {
            // The helper faults, but it may also read state the lock protects: moving the call out is not a copy-in.
            var source = Device + @"
static class Config
{
    static void Fill(Device device, UserBuffer user, byte[] data)
    {
        user.CopyFromUser(data);
        device.State = data[0];
    }

    static void Write(Device device, UserBuffer user, byte[] data)
    {
        using (device.Memory.Write())
        {
            {|LOCK002:Fill(device, user, data)|};
        }
    }
}
";
            await LockOrderFixTest<CopyFromUserBeforeLockCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task TopLevelStatementsAreFixedToo()
        {
            var test = new LockOrderFixTest<CopyFromUserBeforeLockCodeFixProvider>
            {
                TestCode = LockOrderFixTest<CopyFromUserBeforeLockCodeFixProvider>.Usings + @"UserBuffer user = Buffers.Get();
var memory = new MemoryLock();
var data = new byte[2];
int command;
using (memory.Write())
{
    {|LOCK002:user.CopyFromUser(data)|};
    command = data[0];
}
Console.WriteLine(command);

static class Buffers
{
    public static UserBuffer Get() => throw new InvalidOperationException();
}
",
                FixedCode = LockOrderFixTest<CopyFromUserBeforeLockCodeFixProvider>.Usings + @"UserBuffer user = Buffers.Get();
var memory = new MemoryLock();
var data = new byte[2];
int command;
user.CopyFromUser(data);
using (memory.Write())
{
    command = data[0];
}
Console.WriteLine(command);

static class Buffers
{
    public static UserBuffer Get() => throw new InvalidOperationException();
}
",
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task FixAllInProjectHoistsAcrossDocuments()
        {
            var test = LockOrderFixTest<CopyFromUserBeforeLockCodeFixProvider>.AcrossDocuments(
                CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck,
                ("Device.cs", Device, Device),
                ("A.cs", @"
static class A
{
    static void Write(Device device, UserBuffer user, byte[] data)
    {
        using (device.Memory.Write())
        {
            {|LOCK002:user.CopyFromUser(data)|};
            device.State = data[0];
        }
    }
}
", @"
static class A
{
    static void Write(Device device, UserBuffer user, byte[] data)
    {
        user.CopyFromUser(data);
        using (device.Memory.Write())
        {
            device.State = data[0];
        }
    }
}
"),
                ("B.cs", @"
static class B
{
    static void Write(Device device, UserBuffer user, byte[] data)
    {
        device.Vma.Enter();
        {|LOCK002:user.CopyFromUser(data)|};
        device.State = data[0];
        device.Vma.Exit();
    }
}
", @"
static class B
{
    static void Write(Device device, UserBuffer user, byte[] data)
    {
        user.CopyFromUser(data);
        device.Vma.Enter();
        device.State = data[0];
        device.Vma.Exit();
    }
}
"));
            await test.RunAsync();
        }
    }
}
