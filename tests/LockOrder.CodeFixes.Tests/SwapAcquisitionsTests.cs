using System.Threading.Tasks;
using LockOrder.CodeFixes.Fixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LockOrder.CodeFixes.Tests
{
    public sealed class SwapAcquisitionsTests
    {
        private const string Device = TestDevice.Source;

        [Fact]
        public async Task NestedUsingStatementsAreSwapped()
        {
            var test = LockOrderFixTest<SwapAcquisitionsCodeFixProvider>.Create(Device + @"
static class Paths
{
    static void Disable(Device device)
    {
        // memory before vma: the wrong way round
        using (device.Memory.Write())
        using ({|LOCK001:device.Vma.Lock()|})
        {
            device.State = 1;
        }
    }
}
", Device + @"
static class Paths
{
    static void Disable(Device device)
    {
        // memory before vma: the wrong way round
        using (device.Vma.Lock())
        using (device.Memory.Write())
        {
            device.State = 1;
        }
    }
}
");
            test.CodeActionEquivalenceKey = "LockOrder.SwapAcquisitions";
            await test.RunAsync();
        }

        [Fact]
        public async Task TitleNamesBothLockClasses()
        {
            var test = LockOrderFixTest<SwapAcquisitionsCodeFixProvider>.Create(Device + @"
static class Paths
{
    static void Disable(Device device)
    {
        using (device.Memory.Read())
        {
            using ({|LOCK001:device.Vma.Lock()|})
            {
                device.State = 1;
            }
        }
    }
}
", Device + @"
static class Paths
{
    static void Disable(Device device)
    {
        using (device.Vma.Lock())
        {
            using (device.Memory.Read())
            {
                device.State = 1;
            }
        }
    }
}
");
            test.CodeActionEquivalenceKey = "LockOrder.SwapAcquisitions";
            test.CodeActionVerifier = (action, verifier) => verifier.Equal("Acquire 'VmaLock' before 'MemoryLock'", action.Title);
            await test.RunAsync();
        }

        [Fact]
        public async Task ConsecutiveEnterCallsAreSwappedAndExitsStay()
        {
            var test = LockOrderFixTest<SwapAcquisitionsCodeFixProvider>.Create(Device + @"
static class Paths
{
    static void Disable(Device device)
    {
        device.Memory.EnterWrite();
        {|LOCK001:device.Vma.Enter()|}; // take vma
        try
        {
            device.State = 1;
        }
        finally
        {
            device.Vma.Exit();
            device.Memory.ExitWrite();
        }
    }
}
", Device + @"
static class Paths
{
    static void Disable(Device device)
    {
        device.Vma.Enter(); // take vma
        device.Memory.EnterWrite();
        try
        {
            device.State = 1;
        }
        finally
        {
            device.Vma.Exit();
            device.Memory.ExitWrite();
        }
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task UsingDeclarationsAreSwapped()
        {
            var test = LockOrderFixTest<SwapAcquisitionsCodeFixProvider>.Create(Device + @"
static class Paths
{
    static void Disable(Device device)
    {
        using var memory = device.Memory.Write();
        using var vma = {|LOCK001:device.Vma.Lock()|};
        device.State = 1;
    }
}
", Device + @"
static class Paths
{
    static void Disable(Device device)
    {
        using var vma = device.Vma.Lock();
        using var memory = device.Memory.Write();
        device.State = 1;
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenCodeRunsBetweenTheAcquisitions()
        {
            // Swapping would move State = 2 from under MemoryLock alone to under both locks, after VmaLock is taken.
            var source = Device + @"
static class Paths
{
    static void Disable(Device device)
    {
        using (device.Memory.Write())
        {
            device.State = 2;
            using ({|LOCK001:device.Vma.Lock()|})
            {
                device.State = 1;
            }
        }
    }
}
";
            await LockOrderFixTest<SwapAcquisitionsCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenTheBodyOfTheOuterScopeHasMoreStatements()
        {
            var source = Device + @"
static class Paths
{
    static void Disable(Device device)
    {
        using (device.Memory.Write())
        {
            using ({|LOCK001:device.Vma.Lock()|})
            {
                device.State = 1;
            }

            device.State = 3;
        }
    }
}
";
            await LockOrderFixTest<SwapAcquisitionsCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task FixAllSwapsEveryOccurrenceInTheDocument()
        {
            var test = LockOrderFixTest<SwapAcquisitionsCodeFixProvider>.Create(Device + @"
static class Paths
{
    static void First(Device device)
    {
        using (device.Memory.Write())
        using ({|LOCK001:device.Vma.Lock()|})
        {
            device.State = 1;
        }
    }

    static void Second(Device device)
    {
        device.Memory.EnterRead();
        {|LOCK001:device.Vma.Enter()|};
        device.Vma.Exit();
        device.Memory.ExitRead();
    }

    static void Third(Device device)
    {
        using var memory = device.Memory.Write();
        using var vma = {|LOCK001:device.Vma.Lock()|};
    }
}
", Device + @"
static class Paths
{
    static void First(Device device)
    {
        using (device.Vma.Lock())
        using (device.Memory.Write())
        {
            device.State = 1;
        }
    }

    static void Second(Device device)
    {
        device.Vma.Enter();
        device.Memory.EnterRead();
        device.Vma.Exit();
        device.Memory.ExitRead();
    }

    static void Third(Device device)
    {
        using var vma = device.Vma.Lock();
        using var memory = device.Memory.Write();
    }
}
");
            test.NumberOfFixAllInDocumentIterations = 1;
            await test.RunAsync();
        }

        [Fact]
        public async Task FixAllInSolutionSwapsAcrossDocuments()
        {
            var test = LockOrderFixTest<SwapAcquisitionsCodeFixProvider>.AcrossDocuments(
                CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck,
                ("A.cs", Device + @"
static class A
{
    static void Run(Device device)
    {
        using (device.Memory.Write())
        using ({|LOCK001:device.Vma.Lock()|})
        {
        }
    }
}
", Device + @"
static class A
{
    static void Run(Device device)
    {
        using (device.Vma.Lock())
        using (device.Memory.Write())
        {
        }
    }
}
"),
                ("B.cs", @"
static class B
{
    static void Run(Device device)
    {
        using (device.Memory.Read())
        using ({|LOCK001:device.Vma.Lock()|})
        {
        }
    }
}
", @"
static class B
{
    static void Run(Device device)
    {
        using (device.Vma.Lock())
        using (device.Memory.Read())
        {
        }
    }
}
"));
            await test.RunAsync();
        }
    }
}
