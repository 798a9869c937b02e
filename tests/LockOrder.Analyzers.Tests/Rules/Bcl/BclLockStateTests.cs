using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules.Bcl
{
    /// <summary>
    /// LOCK005, LOCK009 and LOCK010 on BCL locks: the release patterns real code uses (try/finally, the
    /// <c>ref bool taken</c> idiom, <c>await WaitAsync()</c> … <c>finally Release()</c>, scopes) analyze clean; a leak,
    /// a thread-affine lock across <c>await</c> and an ignored try-acquisition do not.
    /// </summary>
    public sealed class BclLockStateTests
    {
        [Fact]
        public Task MonitorEnterWithTakenFlagReleasedInFinallyIsClean() => VerifyAsync(@"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void Add()
    {
        bool taken = false;
        try
        {
            Monitor.Enter(_sync, ref taken);
            _count++;
        }
        finally
        {
            if (taken)
            {
                Monitor.Exit(_sync);
            }
        }
    }

    public void AddAndLeaveEarly()
    {
        bool taken = false;
        try
        {
            Monitor.Enter(_sync, ref taken);
            if (_count > 10)
            {
                return;
            }

            _count++;
        }
        finally
        {
            if (taken) Monitor.Exit(_sync);
        }
    }
}");

        [Fact]
        public Task TryEnterWithTakenFlagHoldsTheLockWhereTheFlagIsTrue() => VerifyAsync(@"
class Queue
{
    private readonly object _sync = new object();

    public bool TryAdd()
    {
        bool taken = false;
        try
        {
            Monitor.TryEnter(_sync, 100, ref taken);
            return taken;
        }
        finally
        {
            if (taken)
            {
                Monitor.Exit(_sync);
            }
        }
    }
}");

        [Fact]
        public Task MonitorEnterLeakedOnAnEarlyReturnIsLock005() => VerifyAsync(@"
class Queue
{
    private readonly object _sync = new object();
    private int _count;

    public void Add()
    {
        {|#0:Monitor.Enter(_sync)|};
        if (_count > 10)
        {
            return;
        }

        _count++;
        Monitor.Exit(_sync);
    }
}",
            Diagnostic("LOCK005").WithLocation(0)
                .WithMessage("'Queue._sync' (Exclusive) taken here is still held when 'Queue.Add' returns: release it on every path, or declare [Acquires(nameof(_sync), LockMode.Exclusive)] on 'Queue.Add'"));

        [Fact]
        public Task MonitorExitWithoutEnterInABodyThatTakesTheLockIsLock005() => VerifyAsync(@"
class Queue
{
    private readonly object _sync = new object();

    public void Twice()
    {
        Monitor.Enter(_sync);
        Monitor.Exit(_sync);
        {|#0:Monitor.Exit(_sync)|};
    }
}",
            Diagnostic("LOCK005").WithLocation(0)
                .WithMessage("'Queue._sync' is released here but is not held on this path: releasing a lock that is not held throws SynchronizationLockException"));

        [Fact]
        public Task AReleaserThatOnlyReleasesIsSilentWhileTheAcquirerIsToldToDeclareItsContract() => VerifyAsync(@"
class AsyncLock
{
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

    public async Task<Releaser> LockAsync()
    {
        await _gate.WaitAsync();
        return new Releaser(this);
    }

    internal void Release() => _gate.Release();

    public readonly struct Releaser : IDisposable
    {
        private readonly AsyncLock _owner;
        public Releaser(AsyncLock owner) => _owner = owner;
        public void Dispose() => _owner.Release();
    }
}",
            Diagnostic("LOCK005").WithSpan(13, 15, 13, 32)
                .WithMessage("'AsyncLock._gate' (Exclusive) taken here is still held when 'AsyncLock.LockAsync' returns: release it on every path, or declare [Acquires(nameof(_gate), LockMode.Exclusive)] on 'AsyncLock.LockAsync'"));

        [Fact]
        public Task AcquiresContractNamingTheMemberLetsAHelperReturnHoldingIt() => VerifyAsync(@"
class AsyncLock
{
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

    [Acquires(nameof(_gate))]
    public async Task LockAsync() => await _gate.WaitAsync();

    [Releases(nameof(_gate))]
    public void Unlock() => _gate.Release();

    public async Task UseAsync()
    {
        await LockAsync();
        try
        {
        }
        finally
        {
            Unlock();
        }
    }
}");

        [Fact]
        public Task AwaitedWaitAsyncReleasedInFinallyIsCleanAndHeldAcrossAwaitByDesign() => VerifyAsync(@"
class Store
{
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

    public async Task SaveAsync(Func<Task> write)
    {
        await _gate.WaitAsync();
        try
        {
            await write();
        }
        finally
        {
            _gate.Release();
        }
    }
}");

        [Fact]
        public Task MonitorHeldAcrossAwaitIsLock009() => VerifyAsync(@"
class Store
{
    private readonly object _sync = new object();

    public async Task SaveAsync()
    {
        {|#1:Monitor.Enter(_sync)|};
        try
        {
            {|#0:await Task.Delay(1)|};
        }
        finally
        {
            Monitor.Exit(_sync);
        }
    }
}",
            Diagnostic("LOCK009").WithLocation(0).WithLocation(1)
                .WithMessage("'Store._sync' (Exclusive) is held across 'await': the continuation can run on another thread and the lock stays held while the task waits"));

        [Fact]
        public Task ReaderWriterLockSlimHeldAcrossAwaitIsLock009() => VerifyAsync(@"
class Store
{
    private readonly ReaderWriterLockSlim _rw = new ReaderWriterLockSlim();

    public async Task ReadAsync()
    {
        {|#1:_rw.EnterReadLock()|};
        try
        {
            {|#0:await Task.Yield()|};
        }
        finally
        {
            _rw.ExitReadLock();
        }
    }
}",
            Diagnostic("LOCK009").WithLocation(0).WithLocation(1)
                .WithMessage("'Store._rw' (Shared) is held across 'await': the continuation can run on another thread and the lock stays held while the task waits"));

        [Fact]
        public Task IgnoredTryEnterAndTimedWaitAreLock010() => VerifyAsync(@"
class Store
{
    private readonly object _sync = new object();
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

    public void A()
    {
        {|#0:Monitor.TryEnter(_sync)|};
        Monitor.Exit(_sync);
    }

    public void B()
    {
        {|#1:_gate.Wait(100)|};
        _gate.Release();
    }

    public async Task C()
    {
        await {|#2:_gate.WaitAsync(TimeSpan.FromSeconds(1))|};
        _gate.Release();
    }
}",
            Diagnostic("LOCK010").WithLocation(0).WithMessage("The result of 'Monitor.TryEnter(_sync)' is ignored: the lock is held only when it returns true"),
            Diagnostic("LOCK010").WithLocation(1).WithMessage("The result of '_gate.Wait(100)' is ignored: the lock is held only when it returns true"),
            Diagnostic("LOCK010").WithLocation(2).WithMessage("The result of '_gate.WaitAsync(TimeSpan.FromSeconds(1))' is ignored: the lock is held only when it returns true"));

        [Fact]
        public Task AnInfiniteTimeoutWaitsAndNeedsNoCheck() => VerifyAsync(@"
class Store
{
    private readonly object _sync = new object();
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

    public void A()
    {
        Monitor.TryEnter(_sync, Timeout.Infinite);
        Monitor.Exit(_sync);
    }

    public void B()
    {
        _gate.Wait(-1);
        _gate.Release();
    }

    public void C()
    {
        _gate.Wait(Timeout.InfiniteTimeSpan);
        _gate.Release();
    }
}");

        [Fact]
        public Task CheckedTimedWaitHoldsTheLockOnItsTrueSide() => VerifyAsync(@"
class Store
{
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

    public async Task<bool> TrySaveAsync()
    {
        if (!await _gate.WaitAsync(100))
        {
            return false;
        }

        try
        {
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public bool TrySave()
    {
        bool entered = _gate.Wait(TimeSpan.FromMilliseconds(10));
        if (entered)
        {
            _gate.Release();
        }

        return entered;
    }
}");

        [Fact]
        public Task LocksReadIntoLocalsAreTheMembersTheyWereReadFrom() => VerifyAsync(@"
class Cache
{
    private readonly object _sync = new object();

    public void Add()
    {
        var sync = _sync;
        Monitor.Enter(sync);
        try
        {
        }
        finally
        {
            Monitor.Exit(_sync);
        }
    }
}");

        [Fact]
        public Task LockStatementAroundEarlyReturnsAndBreaksIsClean() => VerifyAsync(@"
class Cache
{
    private readonly object _sync = new object();
    private readonly List<int> _items = new List<int>();

    public int Find(int value)
    {
        foreach (var item in _items)
        {
            lock (_sync)
            {
                if (item == value)
                {
                    return item;
                }

                if (item > value)
                {
                    break;
                }
            }
        }

        return -1;
    }
}");
    }
}
