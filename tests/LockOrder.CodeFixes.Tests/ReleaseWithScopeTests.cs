using System.Threading.Tasks;
using LockOrder.CodeFixes.Fixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LockOrder.CodeFixes.Tests
{
    public sealed class ReleaseWithScopeTests
    {
        private const string Device = TestDevice.Source;

        [Fact]
        public async Task EnterWithAnEarlyReturnBecomesAUsingScope()
        {
            var test = LockOrderFixTest<ReleaseWithScopeCodeFixProvider>.Create(Device + @"
static class Paths
{
    static void Bump(Device device, bool skip)
    {
        // the early return leaks the lock
        {|LOCK005:device.Vma.Enter()|};
        if (skip)
        {
            return;
        }

        device.State++;
        device.Vma.Exit();
        device.State--;
    }
}
", Device + @"
static class Paths
{
    static void Bump(Device device, bool skip)
    {
        // the early return leaks the lock
        using (device.Vma.Lock())
        {
            if (skip)
            {
                return;
            }

            device.State++;
        }
        device.State--;
    }
}
");
            test.CodeActionVerifier = (action, verifier) => verifier.Equal("Release with a scope", action.Title);
            await test.RunAsync();
        }

        [Fact]
        public async Task ReadEnterBecomesAReadScope()
        {
            var test = LockOrderFixTest<ReleaseWithScopeCodeFixProvider>.Create(Device + @"
static class Paths
{
    static int Peek(Device device, bool skip)
    {
        {|LOCK005:device.Memory.EnterRead()|};
        if (skip)
        {
            return 0;
        }

        device.State++;
        device.Memory.ExitRead();
        return 1;
    }
}
", Device + @"
static class Paths
{
    static int Peek(Device device, bool skip)
    {
        using (device.Memory.Read())
        {
            if (skip)
            {
                return 0;
            }

            device.State++;
        }
        return 1;
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task NotOfferedWithoutAnExitToPairWith()
        {
            // Turning a lock that is never released here into a scope would release it: that is a behaviour change.
            var source = Device + @"
static class Paths
{
    static void Leak(Device device)
    {
        {|LOCK005:device.Vma.Enter()|};
        device.State++;
    }
}
";
            await LockOrderFixTest<ReleaseWithScopeCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task ALocalUsedAfterTheExitIsDeclaredBeforeTheScope()
        {
            var test = LockOrderFixTest<ReleaseWithScopeCodeFixProvider>.Create(Device + @"
static class Paths
{
    static int Read(Device device, bool skip)
    {
        // read the state under the vma lock
        {|LOCK005:device.Vma.Enter()|};
        if (skip)
        {
            return 0;
        }

        var state = device.State;
        device.Vma.Exit();
        return state;
    }
}
", Device + @"
static class Paths
{
    static int Read(Device device, bool skip)
    {
        // read the state under the vma lock
        int state;
        using (device.Vma.Lock())
        {
            if (skip)
            {
                return 0;
            }

            state = device.State;
        }
        return state;
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task AnEarlyReturnBeforeATryWhoseFinallyReleasesIsCoveredByTheScope()
        {
            var test = LockOrderFixTest<ReleaseWithScopeCodeFixProvider>.Create(Device + @"
static class Paths
{
    static void Bump(Device device, bool skip)
    {
        {|LOCK005:device.Memory.EnterWrite()|};
        if (skip)
        {
            return;
        }

        // the write under the lock
        try
        {
            device.State++;
        }
        finally
        {
            device.Memory.ExitWrite();
        }
    }
}
", Device + @"
static class Paths
{
    static void Bump(Device device, bool skip)
    {
        using (device.Memory.Write())
        {
            if (skip)
            {
                return;
            }

            // the write under the lock
            device.State++;
        }
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenTheLockIsAlsoReleasedInsideABranch()
        {
            // A scope would keep the lock held over the branch's work after its own release.
            var source = Device + @"
static class Paths
{
    static void Bump(Device device, bool skip, bool early)
    {
        {|LOCK005:device.Vma.Enter()|};
        if (skip)
        {
            return;
        }

        if (early)
        {
            device.Vma.Exit();
            device.State = 1;
            return;
        }

        device.Vma.Exit();
    }
}
";
            await LockOrderFixTest<ReleaseWithScopeCodeFixProvider>.Create(source, null).RunAsync();
        }

        [Fact]
        public async Task FixAllConvertsEveryPairInTheDocument()
        {
            var test = LockOrderFixTest<ReleaseWithScopeCodeFixProvider>.Create(Device + @"
static class Paths
{
    static void First(Device device, bool skip)
    {
        {|LOCK005:device.Vma.Enter()|};
        if (skip)
        {
            return;
        }

        device.Vma.Exit();
    }

    static void Second(Device device, bool skip)
    {
        {|LOCK005:device.Memory.EnterWrite()|};
        if (skip)
        {
            return;
        }

        device.State = 0;
        device.Memory.ExitWrite();
    }
}
", Device + @"
static class Paths
{
    static void First(Device device, bool skip)
    {
        using (device.Vma.Lock())
        {
            if (skip)
            {
                return;
            }
        }
    }

    static void Second(Device device, bool skip)
    {
        using (device.Memory.Write())
        {
            if (skip)
            {
                return;
            }

            device.State = 0;
        }
    }
}
");
            test.NumberOfFixAllIterations = 1;
            await test.RunAsync();
        }

        [Fact]
        public async Task FixAllInProjectConvertsEveryPairAcrossDocuments()
        {
            // One document's Fix All leaves the other's diagnostic: the project and solution scopes are the ones tested.
            var test = LockOrderFixTest<ReleaseWithScopeCodeFixProvider>.AcrossDocuments(
                CodeFixTestBehaviors.SkipFixAllInDocumentCheck,
                ("A.cs", Device + @"
static class A
{
    static void Run(Device device, bool skip)
    {
        {|LOCK005:device.Vma.Enter()|};
        if (skip)
        {
            return;
        }

        device.State++;
        device.Vma.Exit();
    }
}
", Device + @"
static class A
{
    static void Run(Device device, bool skip)
    {
        using (device.Vma.Lock())
        {
            if (skip)
            {
                return;
            }

            device.State++;
        }
    }
}
"),
                ("B.cs", @"
static class B
{
    static void Run(Device device, bool skip)
    {
        {|LOCK005:device.Memory.EnterRead()|};
        if (skip)
        {
            return;
        }

        device.State = 0;
        device.Memory.ExitRead();
    }
}
", @"
static class B
{
    static void Run(Device device, bool skip)
    {
        using (device.Memory.Read())
        {
            if (skip)
            {
                return;
            }

            device.State = 0;
        }
    }
}
"));
            await test.RunAsync();
        }
    }
}
