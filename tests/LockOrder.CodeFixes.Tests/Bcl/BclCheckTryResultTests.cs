using System.Threading.Tasks;
using LockOrder.CodeFixes.Fixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LockOrder.CodeFixes.Tests.Bcl
{
    /// <summary>
    /// "Check the result" on BCL try-acquisitions (LOCK010): <c>Monitor.TryEnter</c>, <c>Lock.TryEnter</c>, a timed
    /// <c>SemaphoreSlim.Wait</c> or <c>await WaitAsync</c>, <c>TryEnterReadLock</c>, <c>Mutex.WaitOne</c> — the code that
    /// follows, up to the release, runs only when the lock was taken.
    /// </summary>
    public sealed class BclCheckTryResultTests
    {
        private const string Usings = LockOrderFixTest<CheckTryResultCodeFixProvider>.BclUsings;

        private static LockOrderFixTest<CheckTryResultCodeFixProvider> Create(string source, string? fixedSource) =>
            LockOrderFixTest<CheckTryResultCodeFixProvider>.Create(source, fixedSource, Usings);

        [Fact]
        public async Task MonitorTryEnterGuardsTheCodeUpToTheExit()
        {
            var test = Create(@"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void Add()
    {
        {|LOCK010:Monitor.TryEnter(_sync, 100)|};
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

    public void Add()
    {
        if (Monitor.TryEnter(_sync, 100))
        {
            _count++;
            Monitor.Exit(_sync);
        }
        _count--;
    }
}
");
            test.CodeActionVerifier = (action, verifier) => verifier.Equal("Check the result", action.Title);
            await test.RunAsync();
        }

        [Fact]
        public async Task LockTryEnterIsChecked()
        {
            var test = Create(@"
class Queue
{
    private readonly Lock _gate = new Lock();
    private int _count;

    public void Add()
    {
        _ = {|LOCK010:_gate.TryEnter()|};
        _count++;
        _gate.Exit();
    }
}
", @"
class Queue
{
    private readonly Lock _gate = new Lock();
    private int _count;

    public void Add()
    {
        if (_gate.TryEnter())
        {
            _count++;
            _gate.Exit();
        }
    }
}
").OnCurrentRuntime();
            await test.RunAsync();
        }

        [Fact]
        public async Task ATimedWaitReleasedInAFinallyGuardsOnlyThatTry()
        {
            var test = Create(@"
class Store
{
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private int _saves;

    public void Save()
    {
        {|LOCK010:_gate.Wait(TimeSpan.FromSeconds(1))|};
        try
        {
            _saves++;
        }
        finally
        {
            _gate.Release();
        }

        _saves--;
    }
}
", @"
class Store
{
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private int _saves;

    public void Save()
    {
        if (_gate.Wait(TimeSpan.FromSeconds(1)))
        {
            try
            {
                _saves++;
            }
            finally
            {
                _gate.Release();
            }
        }

        _saves--;
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task AnAwaitedWaitAsyncIsCheckedThroughItsAwait()
        {
            var test = Create(@"
class Store
{
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private int _saves;

    public async Task SaveAsync(Func<Task> write, CancellationToken token)
    {
        await {|LOCK010:_gate.WaitAsync(100, token)|};
        await write();
        _saves++;
        _gate.Release();
    }
}
", @"
class Store
{
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private int _saves;

    public async Task SaveAsync(Func<Task> write, CancellationToken token)
    {
        if (await _gate.WaitAsync(100, token))
        {
            await write();
            _saves++;
            _gate.Release();
        }
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task ReaderWriterAndMutexTimedAcquisitionsAreChecked()
        {
            var test = Create(@"
class Store
{
    private readonly ReaderWriterLockSlim _rw = new ReaderWriterLockSlim();
    private readonly Mutex _mutex = new Mutex();
    private int _reads;

    public void Read()
    {
        {|LOCK010:_rw.TryEnterReadLock(50)|};
        _reads++;
        _rw.ExitReadLock();
    }

    public void Write()
    {
        {|LOCK010:_mutex.WaitOne(50)|};
        _reads = 0;
        _mutex.ReleaseMutex();
    }
}
", @"
class Store
{
    private readonly ReaderWriterLockSlim _rw = new ReaderWriterLockSlim();
    private readonly Mutex _mutex = new Mutex();
    private int _reads;

    public void Read()
    {
        if (_rw.TryEnterReadLock(50))
        {
            _reads++;
            _rw.ExitReadLock();
        }
    }

    public void Write()
    {
        if (_mutex.WaitOne(50))
        {
            _reads = 0;
            _mutex.ReleaseMutex();
        }
    }
}
");
            test.NumberOfFixAllIterations = 1;
            await test.RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenAVariableSetUnderTheLockIsUsedAfterIt()
        {
            // Wrapping would leave 'count' unassigned (and out of scope) on the failure path: the result would not compile.
            var source = @"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public int Take()
    {
        {|LOCK010:Monitor.TryEnter(_sync, 100)|};
        int count = _count;
        Monitor.Exit(_sync);
        return count;
    }
}
";
            await Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenAUsingDeclarationWouldBeDisposedEarlier()
        {
            // The stream is disposed at the end of the method, after _count--; inside the if it would be disposed before.
            var source = @"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void Add()
    {
        {|LOCK010:Monitor.TryEnter(_sync, 100)|};
        using var buffer = new System.IO.MemoryStream();
        _count++;
        Monitor.Exit(_sync);
        _count--;
    }
}
";
            await Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenNothingFollows()
        {
            var source = @"
class Queue
{
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

    public void Enter()
    {
        {|LOCK010:_gate.Wait(100)|};
    }
}
";
            await Create(source, null).RunAsync();
        }

        [Fact]
        public async Task FixAllInProjectChecksEveryIgnoredResultAcrossDocuments()
        {
            // One document's Fix All leaves the other's diagnostic: the project and solution scopes are the ones tested.
            var test = LockOrderFixTest<CheckTryResultCodeFixProvider>.AcrossDocuments(
                CodeFixTestBehaviors.SkipFixAllInDocumentCheck,
                Usings,
                ("A.cs", @"
class A
{
    private readonly object _sync = new object();
    private int _count;

    public void Run()
    {
        {|LOCK010:Monitor.TryEnter(_sync)|};
        _count++;
        Monitor.Exit(_sync);
    }
}
", @"
class A
{
    private readonly object _sync = new object();
    private int _count;

    public void Run()
    {
        if (Monitor.TryEnter(_sync))
        {
            _count++;
            Monitor.Exit(_sync);
        }
    }
}
"),
                ("B.cs", @"
class B
{
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private int _count;

    public async Task RunAsync()
    {
        await {|LOCK010:_gate.WaitAsync(TimeSpan.FromMilliseconds(10))|};
        _count++;
        _gate.Release();
    }
}
", @"
class B
{
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private int _count;

    public async Task RunAsync()
    {
        if (await _gate.WaitAsync(TimeSpan.FromMilliseconds(10)))
        {
            _count++;
            _gate.Release();
        }
    }
}
"));
            await test.RunAsync();
        }
    }
}
