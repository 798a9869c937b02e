using System.Threading.Tasks;
using LockOrder.CodeFixes.Fixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LockOrder.CodeFixes.Tests.Bcl
{
    /// <summary>
    /// "Acquire 'A' before 'B'" on BCL locks (LOCK001 against an order declared on lock members): nested <c>lock</c>
    /// statements, a <c>lock</c> inside a LockOrder scope, consecutive <c>Monitor.Enter</c> and awaited
    /// <c>WaitAsync</c> statements are swapped into the declared order.
    /// </summary>
    public sealed class BclSwapAcquisitionsTests
    {
        private const string Usings = LockOrderFixTest<SwapAcquisitionsCodeFixProvider>.BclUsings;

        private static LockOrderFixTest<SwapAcquisitionsCodeFixProvider> Create(string source, string? fixedSource) =>
            LockOrderFixTest<SwapAcquisitionsCodeFixProvider>.Create(source, fixedSource, Usings);

        [Fact]
        public async Task NestedLockStatementsAreSwappedIntoTheDeclaredOrder()
        {
            var test = Create(@"
class Cache
{
    [AcquiredBefore(nameof(_entries))]
    private readonly object _index = new object();
    private readonly object _entries = new object();
    private int _count;

    public void Rebuild()
    {
        // entries before index: the wrong way round
        lock (_entries)
        {
            lock ({|LOCK001:_index|})
            {
                _count++;
            }
        }
    }
}
", @"
class Cache
{
    [AcquiredBefore(nameof(_entries))]
    private readonly object _index = new object();
    private readonly object _entries = new object();
    private int _count;

    public void Rebuild()
    {
        // entries before index: the wrong way round
        lock (_index)
        {
            lock (_entries)
            {
                _count++;
            }
        }
    }
}
");
            test.CodeActionEquivalenceKey = "LockOrder.SwapAcquisitions";
            test.CodeActionVerifier = (action, verifier) => verifier.Equal("Acquire 'Cache._index' before 'Cache._entries'", action.Title);
            await test.RunAsync();
        }

        [Fact]
        public async Task LockStatementsWithoutBracesAreSwappedAndTheTitleNamesAnotherTypesMember()
        {
            var test = Create(@"
class Journal
{
    internal readonly object Sync = new object();
}

class Store
{
    [AcquiredBefore(typeof(Journal), nameof(Journal.Sync))]
    private readonly object _sync = new object();
    private int _writes;

    public void Write(Journal journal)
    {
        lock (journal.Sync)
        lock ({|LOCK001:this._sync|})
        {
            _writes++;
        }
    }
}
", @"
class Journal
{
    internal readonly object Sync = new object();
}

class Store
{
    [AcquiredBefore(typeof(Journal), nameof(Journal.Sync))]
    private readonly object _sync = new object();
    private int _writes;

    public void Write(Journal journal)
    {
        lock (this._sync)
        lock (journal.Sync)
        {
            _writes++;
        }
    }
}
");
            test.CodeActionVerifier = (action, verifier) => verifier.Equal("Acquire 'Store._sync' before 'Journal.Sync'", action.Title);
            await test.RunAsync();
        }

        [Fact]
        public async Task ALockInsideALockOrderScopeIsSwappedWithIt()
        {
            var test = Create(@"
class Mapper
{
    [AcquiredBefore(typeof(VmaLock))]
    private readonly object _sync = new object();
    private readonly VmaLock _vma = new VmaLock();
    private int _maps;

    public void Map()
    {
        using (_vma.Lock())
        {
            lock ({|LOCK001:_sync|})
            {
                _maps++;
            }
        }
    }
}
", @"
class Mapper
{
    [AcquiredBefore(typeof(VmaLock))]
    private readonly object _sync = new object();
    private readonly VmaLock _vma = new VmaLock();
    private int _maps;

    public void Map()
    {
        lock (_sync)
        {
            using (_vma.Lock())
            {
                _maps++;
            }
        }
    }
}
");
            test.CodeActionVerifier = (action, verifier) => verifier.Equal("Acquire 'Mapper._sync' before 'VmaLock'", action.Title);
            await test.RunAsync();
        }

        [Fact]
        public async Task ConsecutiveMonitorEntersAreSwappedAndExitsStay()
        {
            var test = Create(@"
class Cache
{
    [AcquiredBefore(nameof(_entries))]
    private readonly object _index = new object();
    private readonly object _entries = new object();
    private int _count;

    public void Rebuild()
    {
        Monitor.Enter(_entries);
        {|LOCK001:Monitor.Enter(_index)|}; // then the index
        try
        {
            _count++;
        }
        finally
        {
            Monitor.Exit(_index);
            Monitor.Exit(_entries);
        }
    }
}
", @"
class Cache
{
    [AcquiredBefore(nameof(_entries))]
    private readonly object _index = new object();
    private readonly object _entries = new object();
    private int _count;

    public void Rebuild()
    {
        Monitor.Enter(_index); // then the index
        Monitor.Enter(_entries);
        try
        {
            _count++;
        }
        finally
        {
            Monitor.Exit(_index);
            Monitor.Exit(_entries);
        }
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task ConsecutiveAwaitedWaitsAreSwapped()
        {
            var test = Create(@"
class Store
{
    [AcquiredBefore(nameof(_data))]
    private readonly SemaphoreSlim _log = new SemaphoreSlim(1, 1);
    private readonly SemaphoreSlim _data = new SemaphoreSlim(1, 1);

    public async Task SaveAsync(Func<Task> write)
    {
        await _data.WaitAsync();
        await {|LOCK001:_log.WaitAsync()|}.ConfigureAwait(false);
        try
        {
            await write();
        }
        finally
        {
            _log.Release();
            _data.Release();
        }
    }
}
", @"
class Store
{
    [AcquiredBefore(nameof(_data))]
    private readonly SemaphoreSlim _log = new SemaphoreSlim(1, 1);
    private readonly SemaphoreSlim _data = new SemaphoreSlim(1, 1);

    public async Task SaveAsync(Func<Task> write)
    {
        await _log.WaitAsync().ConfigureAwait(false);
        await _data.WaitAsync();
        try
        {
            await write();
        }
        finally
        {
            _log.Release();
            _data.Release();
        }
    }
}
");
            await test.RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenCodeRunsBetweenTheLocks()
        {
            // Swapping would move _count++ from under _entries alone to under both locks.
            var source = @"
class Cache
{
    [AcquiredBefore(nameof(_entries))]
    private readonly object _index = new object();
    private readonly object _entries = new object();
    private int _count;

    public void Rebuild()
    {
        lock (_entries)
        {
            _count++;
            lock ({|LOCK001:_index|})
            {
                _count--;
            }
        }
    }
}
";
            await Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenTheOuterLockGuardsMoreThanTheInnerOne()
        {
            var source = @"
class Cache
{
    [AcquiredBefore(nameof(_entries))]
    private readonly object _index = new object();
    private readonly object _entries = new object();
    private int _count;

    public void Rebuild()
    {
        lock (_entries)
        {
            lock ({|LOCK001:_index|})
            {
                _count--;
            }

            _count++;
        }
    }
}
";
            await Create(source, null).RunAsync();
        }

        [Fact]
        public async Task NotOfferedWhenTheEarlierLockIsTakenInACallee()
        {
            // The diagnostic is on the call: there is no acquisition here to swap.
            var source = @"
class Cache
{
    [AcquiredBefore(nameof(_entries))]
    private readonly object _index = new object();
    private readonly object _entries = new object();
    private int _count;

    public void Rebuild()
    {
        lock (_entries)
        {
            {|LOCK001:Reindex()|};
        }
    }

    private void Reindex()
    {
        lock (_index)
        {
            _count++;
        }
    }
}
";
            await Create(source, null).RunAsync();
        }

        [Fact]
        public async Task FixAllInDocumentSwapsEveryPair()
        {
            var test = Create(@"
class Cache
{
    [AcquiredBefore(nameof(_entries))]
    private readonly object _index = new object();
    private readonly object _entries = new object();
    private int _count;

    public void Rebuild()
    {
        lock (_entries)
        {
            lock ({|LOCK001:_index|})
            {
                _count++;
            }
        }
    }

    public void Trim()
    {
        Monitor.Enter(_entries);
        {|LOCK001:Monitor.Enter(_index)|};
        _count--;
        Monitor.Exit(_index);
        Monitor.Exit(_entries);
    }
}
", @"
class Cache
{
    [AcquiredBefore(nameof(_entries))]
    private readonly object _index = new object();
    private readonly object _entries = new object();
    private int _count;

    public void Rebuild()
    {
        lock (_index)
        {
            lock (_entries)
            {
                _count++;
            }
        }
    }

    public void Trim()
    {
        Monitor.Enter(_index);
        Monitor.Enter(_entries);
        _count--;
        Monitor.Exit(_index);
        Monitor.Exit(_entries);
    }
}
");
            test.NumberOfFixAllIterations = 1;
            await test.RunAsync();
        }

        [Fact]
        public async Task FixAllInProjectSwapsAcrossDocuments()
        {
            // One document's Fix All leaves the other's diagnostic: the project and solution scopes are the ones tested.
            var test = LockOrderFixTest<SwapAcquisitionsCodeFixProvider>.AcrossDocuments(
                CodeFixTestBehaviors.SkipFixAllInDocumentCheck,
                Usings,
                ("A.cs", @"
class A
{
    [AcquiredBefore(nameof(_second))]
    private readonly object _first = new object();
    private readonly object _second = new object();

    public void Run()
    {
        lock (_second)
        lock ({|LOCK001:_first|})
        {
        }
    }
}
", @"
class A
{
    [AcquiredBefore(nameof(_second))]
    private readonly object _first = new object();
    private readonly object _second = new object();

    public void Run()
    {
        lock (_first)
        lock (_second)
        {
        }
    }
}
"),
                ("B.cs", @"
class B
{
    [AcquiredAfter(nameof(_first))]
    private static readonly object Second = new object();
    private static readonly object _first = new object();

    public static void Run()
    {
        Monitor.Enter(Second);
        {|LOCK001:Monitor.Enter(_first)|};
        Monitor.Exit(_first);
        Monitor.Exit(Second);
    }
}
", @"
class B
{
    [AcquiredAfter(nameof(_first))]
    private static readonly object Second = new object();
    private static readonly object _first = new object();

    public static void Run()
    {
        Monitor.Enter(_first);
        Monitor.Enter(Second);
        Monitor.Exit(_first);
        Monitor.Exit(Second);
    }
}
"));
            await test.RunAsync();
        }
    }
}
