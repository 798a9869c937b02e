using System.Threading.Tasks;
using LockOrder.CodeFixes.Fixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LockOrder.CodeFixes.Tests
{
    public sealed class CheckTryResultTests
    {
        private const string Device = TestDevice.Source;

        [Fact]
        public async Task CodeUpToTheReleaseRunsOnlyWhenTheLockWasTaken()
        {
            var test = LockOrderFixTest<CheckTryResultCodeFixProvider>.Create(Device + @"
static class Paths
{
    static void Poke(Device device)
    {
        {|LOCK010:device.Vma.TryEnter()|};
        device.State++;
        device.Vma.Exit();
        device.State--;
    }
}
", Device + @"
static class Paths
{
    static void Poke(Device device)
    {
        if (device.Vma.TryEnter())
        {
            device.State++;
            device.Vma.Exit();
        }
        device.State--;
    }
}
");
            test.CodeActionVerifier = (action, verifier) => verifier.Equal("Check the result", action.Title);
            await test.RunAsync();
        }

        [Fact]
        public async Task ADiscardedResultIsCheckedToo()
        {
            var test = LockOrderFixTest<CheckTryResultCodeFixProvider>.Create(Device + @"
static class Paths
{
    static void Poke(Device device)
    {
        _ = {|LOCK010:device.Memory.TryEnterRead()|};
        device.State++;
        device.Memory.ExitRead();
    }
}
", Device + @"
static class Paths
{
    static void Poke(Device device)
    {
        if (device.Memory.TryEnterRead())
        {
            device.State++;
            device.Memory.ExitRead();
        }
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task ATryWhoseFinallyReleasesEndsTheGuardedCode()
        {
            // The code after the try ran without the lock before, and still does.
            var test = LockOrderFixTest<CheckTryResultCodeFixProvider>.Create(Device + @"
static class Paths
{
    static void Poke(Device device)
    {
        {|LOCK010:device.Vma.TryEnter()|};
        try
        {
            device.State++;
        }
        finally
        {
            device.Vma.Exit();
        }

        device.State--;
    }
}
", Device + @"
static class Paths
{
    static void Poke(Device device)
    {
        if (device.Vma.TryEnter())
        {
            try
            {
                device.State++;
            }
            finally
            {
                device.Vma.Exit();
            }
        }

        device.State--;
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenAVariableSetUnderTheLockIsUsedAfterIt()
        {
            // Wrapping would leave 'state' unassigned (and out of scope) on the failure path: the result would not compile.
            var source = Device + @"
static class Paths
{
    static int Poke(Device device)
    {
        {|LOCK010:device.Vma.TryEnter()|};
        int state = device.State;
        device.Vma.Exit();
        return state;
    }
}
";
            await LockOrderFixTest<CheckTryResultCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task FixAllChecksEveryIgnoredResultInTheDocument()
        {
            var test = LockOrderFixTest<CheckTryResultCodeFixProvider>.Create(Device + @"
static class Paths
{
    static void First(Device device)
    {
        {|LOCK010:device.Vma.TryEnter()|};
        device.State++;
        device.Vma.Exit();
    }

    static void Second(Device device)
    {
        {|LOCK010:device.Memory.TryEnterWrite()|};
        device.State = 0;
        device.Memory.ExitWrite();
    }
}
", Device + @"
static class Paths
{
    static void First(Device device)
    {
        if (device.Vma.TryEnter())
        {
            device.State++;
            device.Vma.Exit();
        }
    }

    static void Second(Device device)
    {
        if (device.Memory.TryEnterWrite())
        {
            device.State = 0;
            device.Memory.ExitWrite();
        }
    }
}
");
            test.NumberOfFixAllIterations = 1;
            await test.RunAsync();
        }

        [Fact]
        public async Task FixAllInProjectChecksEveryIgnoredResultAcrossDocuments()
        {
            // One document's Fix All leaves the other's diagnostic: the project and solution scopes are the ones tested.
            var test = LockOrderFixTest<CheckTryResultCodeFixProvider>.AcrossDocuments(
                CodeFixTestBehaviors.SkipFixAllInDocumentCheck,
                ("A.cs", Device + @"
static class A
{
    static void Run(Device device)
    {
        {|LOCK010:device.Vma.TryEnter()|};
        device.State++;
        device.Vma.Exit();
    }
}
", Device + @"
static class A
{
    static void Run(Device device)
    {
        if (device.Vma.TryEnter())
        {
            device.State++;
            device.Vma.Exit();
        }
    }
}
"),
                ("B.cs", @"
static class B
{
    static void Run(Device device)
    {
        {|LOCK010:device.Memory.TryEnterRead()|};
        device.State = 0;
        device.Memory.ExitRead();
    }
}
", @"
static class B
{
    static void Run(Device device)
    {
        if (device.Memory.TryEnterRead())
        {
            device.State = 0;
            device.Memory.ExitRead();
        }
    }
}
"));
            await test.RunAsync();
        }
    }
}
