using System.Threading.Tasks;
using LockOrder.CodeFixes.Fixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LockOrder.CodeFixes.Tests.Bcl
{
    /// <summary>
    /// "Release with a scope" on BCL locks (LOCK005): <c>Monitor.Enter</c> … <c>Monitor.Exit</c> becomes <c>lock</c>,
    /// <c>Lock.Enter</c> … <c>Lock.Exit</c> becomes <c>using (l.EnterScope())</c>, with the exit in a later statement,
    /// in the <c>finally</c> of a later <c>try</c>, or guarded by the enter's success flag.
    /// </summary>
    public sealed class BclReleaseWithScopeTests
    {
        private const string Usings = LockOrderFixTest<ReleaseWithScopeCodeFixProvider>.BclUsings;

        private static LockOrderFixTest<ReleaseWithScopeCodeFixProvider> Create(string source, string? fixedSource) =>
            LockOrderFixTest<ReleaseWithScopeCodeFixProvider>.Create(source, fixedSource, Usings);

        [Fact]
        public async Task MonitorEnterWithAnEarlyReturnBecomesALockStatement()
        {
            var test = Create(@"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void Add(bool skip)
    {
        // the early return leaks the monitor
        {|LOCK005:Monitor.Enter(_sync)|};
        if (skip)
        {
            return;
        }

        _count++;
        Monitor.Exit(_sync);
        _count--;
    }
}
", @"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void Add(bool skip)
    {
        // the early return leaks the monitor
        lock (_sync)
        {
            if (skip)
            {
                return;
            }

            _count++;
        }
        _count--;
    }
}
");
            test.CodeActionVerifier = (action, verifier) => verifier.Equal("Release with a scope", action.Title);
            await test.RunAsync();
        }

        [Fact]
        public async Task LockEnterBecomesAnEnterScope()
        {
            var test = Create(@"
class Queue
{
    private readonly Lock _gate = new Lock();
    private int _count;

    public void Add(bool skip)
    {
        {|LOCK005:_gate.Enter()|};
        if (skip)
        {
            return;
        }

        _count++;
        _gate.Exit();
    }
}
", @"
class Queue
{
    private readonly Lock _gate = new Lock();
    private int _count;

    public void Add(bool skip)
    {
        using (_gate.EnterScope())
        {
            if (skip)
            {
                return;
            }

            _count++;
        }
    }
}
").OnCurrentRuntime();
            await test.RunAsync();
        }

        [Fact]
        public async Task AnExitInTheFinallyOfALaterTryEndsTheScope()
        {
            // The early return before the try skips its finally; the lock statement's own finally covers it.
            var test = Create(@"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void Add(bool skip)
    {
        {|LOCK005:Monitor.Enter(_sync)|};
        if (skip)
        {
            return;
        }

        try
        {
            _count++;
        }
        finally
        {
            Monitor.Exit(_sync);
        }

        _count--;
    }
}
", @"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void Add(bool skip)
    {
        lock (_sync)
        {
            if (skip)
            {
                return;
            }

            _count++;
        }

        _count--;
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task WhatElseTheFinallyDoesStillRunsUnderTheLock()
        {
            var test = Create(@"
class Queue
{
    private readonly object _sync = new object();
    private int _count;
    private int _done;

    public void Add(bool skip)
    {
        {|LOCK005:Monitor.Enter(_sync)|};
        if (skip)
        {
            return;
        }

        try
        {
            _count++;
        }
        finally
        {
            _done++;
            Monitor.Exit(_sync);
        }
    }
}
", @"
class Queue
{
    private readonly object _sync = new object();
    private int _count;
    private int _done;

    public void Add(bool skip)
    {
        lock (_sync)
        {
            if (skip)
            {
                return;
            }

            try
            {
                _count++;
            }
            finally
            {
                _done++;
            }
        }
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task TheSuccessFlagGoesWithTheEnterItReportedOn()
        {
            var test = Create(@"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void Add(bool skip)
    {
        // take the queue's monitor
        bool taken = false;
        {|LOCK005:Monitor.Enter(_sync, ref taken)|}; // blocks until it is free
        if (skip)
        {
            return;
        }

        _count++;
        if (taken)
        {
            Monitor.Exit(_sync);
        }
    }
}
", @"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void Add(bool skip)
    {
        // take the queue's monitor
        lock (_sync) // blocks until it is free
        {
            if (skip)
            {
                return;
            }

            _count++;
        }
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task TheTakenFlagIdiomWithAnEarlyReturnBeforeItsTryBecomesALockStatement()
        {
            var test = Create(@"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void Add(bool skip)
    {
        bool taken = false;
        {|LOCK005:Monitor.Enter(_sync, ref taken)|};
        if (skip)
        {
            return;
        }

        try
        {
            _count++;
        }
        finally
        {
            if (taken) Monitor.Exit(_sync);
        }
    }
}
", @"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void Add(bool skip)
    {
        lock (_sync)
        {
            if (skip)
            {
                return;
            }

            _count++;
        }
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task BreakAndContinueInALoopAreCoveredToo()
        {
            var test = Create(@"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void AddAll(int[] values)
    {
        foreach (var value in values)
        {
            {|LOCK005:Monitor.Enter(_sync)|};
            if (value < 0)
            {
                break;
            }

            if (value == 0)
            {
                continue;
            }

            _count += value;
            Monitor.Exit(_sync);
        }
    }
}
", @"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void AddAll(int[] values)
    {
        foreach (var value in values)
        {
            lock (_sync)
            {
                if (value < 0)
                {
                    break;
                }

                if (value == 0)
                {
                    continue;
                }

                _count += value;
            }
        }
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task ALocalUsedAfterTheExitIsDeclaredBeforeTheLock()
        {
            var test = Create(@"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public int Take(bool skip)
    {
        {|LOCK005:Monitor.Enter(this)|};
        if (skip)
        {
            return 0;
        }

        var count = _count;
        Monitor.Exit(this);
        return count;
    }
}
", @"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public int Take(bool skip)
    {
        int count;
        lock (this)
        {
            if (skip)
            {
                return 0;
            }

            count = _count;
        }
        return count;
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task NotOfferedForASemaphoreWhichHasNoScope()
        {
            var source = @"
class Queue
{
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private int _count;

    public void Add(bool skip)
    {
        {|LOCK005:_gate.Wait()|};
        if (skip)
        {
            return;
        }

        _count++;
        _gate.Release();
    }
}
";
            await Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedForTheMonitorOfALockObject()
        {
            // lock (_gate) on a System.Threading.Lock takes the Lock itself, not the monitor Monitor.Enter takes.
            var source = @"
class Queue
{
    private readonly Lock _gate = new Lock();
    private int _count;

    public void Add(bool skip)
    {
        {|LOCK005:Monitor.Enter(_gate)|};
        if (skip)
        {
            return;
        }

        _count++;
        Monitor.Exit(_gate);
    }
}
";
            await Create(source, null).OnCurrentRuntime().RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenTheSuccessFlagIsReadElsewhere()
        {
            var source = @"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public bool Add(bool skip)
    {
        bool taken = false;
        {|LOCK005:Monitor.Enter(_sync, ref taken)|};
        if (skip)
        {
            return taken;
        }

        _count++;
        if (taken) Monitor.Exit(_sync);
        return false;
    }
}
";
            await Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenTheExitDependsOnAnotherCondition()
        {
            // A scope would release where the code kept the lock.
            var source = @"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void Add(bool skip, bool done)
    {
        {|LOCK005:Monitor.Enter(_sync)|};
        if (skip)
        {
            return;
        }

        _count++;
        if (done) Monitor.Exit(_sync);
    }
}
";
            await Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenTheLockObjectIsReplacedBetweenEnterAndExit()
        {
            // The exit releases another object than the enter took; a lock statement evaluates its object once.
            var source = @"
class Queue
{
    private object _sync = new object();
    private int _count;

    public void Add(bool skip)
    {
        {|LOCK005:Monitor.Enter(_sync)|};
        if (skip)
        {
            return;
        }

        _count++;
        _sync = new object();
        Monitor.Exit(_sync);
    }
}
";
            await Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedForASecondExit()
        {
            var source = @"
class Queue
{
    private readonly object _sync = new object();

    public void Twice()
    {
        Monitor.Enter(_sync);
        Monitor.Exit(_sync);
        {|LOCK005:Monitor.Exit(_sync)|};
    }
}
";
            await Create(source, null).RunAsync();
        }

        [Fact]
        public async Task FixAllInDocumentConvertsEveryPair()
        {
            var test = Create(@"
class Queue
{
    private readonly object _sync = new object();
    private readonly Lock _gate = new Lock();
    private int _count;

    public void Add(bool skip)
    {
        {|LOCK005:Monitor.Enter(_sync)|};
        if (skip)
        {
            return;
        }

        _count++;
        Monitor.Exit(_sync);
    }

    public void Remove(bool skip)
    {
        {|LOCK005:_gate.Enter()|};
        if (skip)
        {
            return;
        }

        _count--;
        _gate.Exit();
    }
}
", @"
class Queue
{
    private readonly object _sync = new object();
    private readonly Lock _gate = new Lock();
    private int _count;

    public void Add(bool skip)
    {
        lock (_sync)
        {
            if (skip)
            {
                return;
            }

            _count++;
        }
    }

    public void Remove(bool skip)
    {
        using (_gate.EnterScope())
        {
            if (skip)
            {
                return;
            }

            _count--;
        }
    }
}
").OnCurrentRuntime();
            test.NumberOfFixAllIterations = 1;
            await test.RunAsync();
        }

        [Fact]
        public async Task FixAllInProjectConvertsEveryPairAcrossDocuments()
        {
            // One document's Fix All leaves the other's diagnostic: the project and solution scopes are the ones tested.
            var test = LockOrderFixTest<ReleaseWithScopeCodeFixProvider>.AcrossDocuments(
                CodeFixTestBehaviors.SkipFixAllInDocumentCheck,
                Usings,
                ("A.cs", @"
class A
{
    private readonly object _sync = new object();
    private int _count;

    public void Run(bool skip)
    {
        {|LOCK005:Monitor.Enter(_sync)|};
        if (skip)
        {
            return;
        }

        _count++;
        Monitor.Exit(_sync);
    }
}
", @"
class A
{
    private readonly object _sync = new object();
    private int _count;

    public void Run(bool skip)
    {
        lock (_sync)
        {
            if (skip)
            {
                return;
            }

            _count++;
        }
    }
}
"),
                ("B.cs", @"
class B
{
    private static readonly object Sync = new object();
    private static int _count;

    public static void Run(bool skip)
    {
        bool taken = false;
        {|LOCK005:Monitor.Enter(Sync, ref taken)|};
        if (skip)
        {
            return;
        }

        try
        {
            _count++;
        }
        finally
        {
            if (taken)
            {
                Monitor.Exit(Sync);
            }
        }
    }
}
", @"
class B
{
    private static readonly object Sync = new object();
    private static int _count;

    public static void Run(bool skip)
    {
        lock (Sync)
        {
            if (skip)
            {
                return;
            }

            _count++;
        }
    }
}
"));
            await test.RunAsync();
        }
    }
}
