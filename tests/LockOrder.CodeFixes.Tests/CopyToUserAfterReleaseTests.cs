using System.Threading.Tasks;
using LockOrder.CodeFixes.Fixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LockOrder.CodeFixes.Tests
{
    public sealed class CopyToUserAfterReleaseTests
    {
        private const string Device = TestDevice.Source;

        /// <summary>Helpers that report a value by writing it to user memory (here, the console).</summary>
        private const string Reporter = @"
sealed class Reporter
{
    [MightFault]
    public static void Put(int value) => Console.WriteLine(value);

    [MightFault]
    public void Report(int value) => Console.WriteLine(value);
}
";

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
        public async Task NotOfferedWhenLaterCodeInTheRegionWritesTheCopiedBuffer()
        {
            // Below the release the copy would send the buffer as the later statement left it.
            var source = Device + @"
static class Status
{
    static void Read(Device device, UserBuffer user, byte[] result)
    {
        using (device.Memory.Write())
        {
            {|LOCK002:user.CopyToUser(result)|};
            result[0] = (byte)device.State;
        }
    }
}
";
            await LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task FaultingHelperCalledWithAValueComputedUnderTheLockMovesBelowTheScope()
        {
            // The case of issue 22, in a program's top-level statements: a [MightFault] helper, not a UserBuffer copy.
            var test = new LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>
            {
                TestCode = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Usings + @"var mem = new MemoryLock();
int state = 5;
using (mem.Write())
{
    state++;
    {|LOCK002:Put(state)|};          // reports the new state
}
[MightFault] static void Put(int v) => Console.WriteLine(v);
",
                FixedCode = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Usings + @"var mem = new MemoryLock();
int state = 5;
using (mem.Write())
{
    state++;
}

Put(state);          // reports the new state
[MightFault] static void Put(int v) => Console.WriteLine(v);
",
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.CodeActionVerifier = (action, verifier) => verifier.Equal("Copy to user memory after releasing the lock", action.Title);
            await test.RunAsync();
        }

        [Fact]
        public async Task TopLevelCaptureIsDeclaredRightAboveTheScope()
        {
            // The local function's own parameter is named like the capture would be: the capture takes another name.
            var test = new LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>
            {
                TestCode = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Usings + @"var mem = new MemoryLock();
int count = 2;
using (mem.Write())
{
    int doubled = count * 2;
    {|LOCK002:Put(doubled)|};
}
Console.WriteLine(count);

[MightFault] static void Put(int v) => Console.WriteLine(v);
",
                FixedCode = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Usings + @"var mem = new MemoryLock();
int count = 2;
int v2;
using (mem.Write())
{
    int doubled = count * 2;
    v2 = doubled;
}

Put(v2);
Console.WriteLine(count);

[MightFault] static void Put(int v) => Console.WriteLine(v);
",
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task HelperCallBeforeTheEndOfTheRegionMovesBelowItWithItsInputsCaptured()
        {
            // device.State is shared: its value is taken where the call was, before the statements the call now follows.
            var test = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(Device + Reporter + @"
static class Status
{
    static void Bump(Device device)
    {
        using (device.Memory.Write())
        {
            device.State++;
            {|LOCK002:Reporter.Put(device.State)|};
            device.Shadow[0] = 1;
        }
    }
}
", Device + Reporter + @"
static class Status
{
    static void Bump(Device device)
    {
        int value;
        using (device.Memory.Write())
        {
            device.State++;
            value = device.State;
            device.Shadow[0] = 1;
        }

        Reporter.Put(value);
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task ReceiverHeldInAFieldIsCapturedWithTheArguments()
        {
            var test = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(Device + Reporter + @"
sealed class Driver
{
    private readonly Device device = new Device();
    private Reporter helper = new Reporter();

    void Bump()
    {
        using (device.Memory.Write())
        {
            int next = device.State + 1;
            device.State = next;
            {|LOCK002:helper.Report(next)|};
        }
    }
}
", Device + Reporter + @"
sealed class Driver
{
    private readonly Device device = new Device();
    private Reporter helper = new Reporter();

    void Bump()
    {
        Reporter target;
        int value;
        using (device.Memory.Write())
        {
            int next = device.State + 1;
            device.State = next;
            target = helper;
            value = next;
        }

        target.Report(value);
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task HelperCallMovesPastIndependentStatementsBelowAnExit()
        {
            var test = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(Device + Reporter + @"
static class Status
{
    static void Bump(Device device, int delta)
    {
        device.Memory.EnterWrite();
        int total = device.State + delta;
        {|LOCK002:Reporter.Put(total)|};
        device.State = total;
        device.Memory.ExitWrite();
    }
}
", Device + Reporter + @"
static class Status
{
    static void Bump(Device device, int delta)
    {
        device.Memory.EnterWrite();
        int total = device.State + delta;
        device.State = total;
        device.Memory.ExitWrite();
        Reporter.Put(total);
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenTheCallsResultIsUsed()
        {
            var source = Device + @"
static class Status
{
    static void Bump(Device device)
    {
        using (device.Memory.Write())
        {
            int sent = {|LOCK002:Send(device.State)|};
            device.State -= sent;
        }
    }

    [MightFault]
    static int Send(int value) => value;
}
";
            await LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenAnArgumentIsWrittenAfterTheCallInTheRegion()
        {
            var source = Reporter + @"
static class Status
{
    static void Bump(MemoryLock mem, int state)
    {
        using (mem.Write())
        {
            state++;
            {|LOCK002:Reporter.Put(state)|};
            state = 0;
        }
    }
}
";
            await LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedAcrossALaterCallThatMayObserveTheOrder()
        {
            // Both print: below the release the helper's line would come after "done" instead of before it.
            var source = Device + Reporter + @"
static class Status
{
    static void Bump(Device device)
    {
        using (device.Memory.Write())
        {
            device.State++;
            {|LOCK002:Reporter.Put(device.State)|};
            Console.WriteLine(""done"");
        }
    }
}
";
            await LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenLaterCodeInTheRegionReadsWhatTheHelperWrites()
        {
            // The helper's body counts its calls; the statement after it reads the count.
            var source = Device + @"
static class Status
{
    static int calls;

    static void Bump(Device device)
    {
        using (device.Memory.Write())
        {
            {|LOCK002:Put(device.State)|};
            device.Shadow[0] = (byte)calls;
        }
    }

    [MightFault]
    static void Put(int value) => calls += value;
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
        public async Task FixAllMovesEveryHelperCallInTheDocument()
        {
            var test = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Create(Device + Reporter + @"
static class Status
{
    static void First(Device device)
    {
        using (device.Memory.Write())
        {
            device.State++;
            {|LOCK002:Reporter.Put(device.State)|};
            device.Shadow[0] = 1;
        }
    }

    static void Second(Device device, Reporter reporter)
    {
        device.Vma.Enter();
        int mapped = device.State * 2;
        {|LOCK002:reporter.Report(mapped)|};
        device.Vma.Exit();
    }
}
", Device + Reporter + @"
static class Status
{
    static void First(Device device)
    {
        int value;
        using (device.Memory.Write())
        {
            device.State++;
            value = device.State;
            device.Shadow[0] = 1;
        }

        Reporter.Put(value);
    }

    static void Second(Device device, Reporter reporter)
    {
        device.Vma.Enter();
        int mapped = device.State * 2;
        device.Vma.Exit();
        reporter.Report(mapped);
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
