using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules.Bcl
{
    /// <summary>
    /// The same BCL lock class taken twice: a re-entry (fine where the primitive is re-entrant), another instance
    /// (LOCK012 for a re-entrant lock, LOCK004 otherwise), a read lock upgraded (LOCK004) — directly and through calls,
    /// where a callee's <c>this._sync</c> is the call's receiver's.
    /// </summary>
    public sealed class BclReentrancyTests
    {
        [Fact]
        public Task ReenteringTheSameMonitorThroughAHelperIsFine() => VerifyAsync(@"
class Cache
{
    private readonly object _sync = new object();
    private int _count;

    public void Add()
    {
        lock (_sync)
        {
            _count++;
            Trim();
        }
    }

    private void Trim()
    {
        lock (_sync)
        {
            _count--;
        }
    }
}");

        [Fact]
        public Task AnotherInstanceOfTheClassTakenDirectlyIsLock012() => VerifyAsync(@"
class Account
{
    private readonly object _sync = new object();
    private decimal _balance;

    public void Transfer(Account to, decimal amount)
    {
        lock ({|#1:_sync|})
        {
            lock ({|#0:to._sync|})
            {
                _balance -= amount;
                to._balance += amount;
            }
        }
    }
}",
            Diagnostic("LOCK012").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'to._sync' while 'this._sync', another instance of the same lock class 'Account._sync', is held: two threads taking two instances in opposite orders deadlock"));

        [Fact]
        public Task AnotherInstanceTakenThroughACallIsLock012WithThePath() => VerifyAsync(@"
class Node
{
    private readonly object _sync = new object();
    private Node _peer = null!;

    public void Touch()
    {
        lock (_sync)
        {
        }
    }

    public void Sync()
    {
        lock ({|#1:_sync|})
        {
            {|#0:_peer.Touch()|};
        }
    }

    public void Again()
    {
        lock (_sync)
        {
            Touch();
        }
    }
}",
            Diagnostic("LOCK012").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'this._peer._sync' via Node.Touch → lock (Node._sync) while 'this._sync', another instance of the same lock class 'Node._sync', is held: two threads taking two instances in opposite orders deadlock"));

        [Fact]
        public Task DiningPhilosophersTakeTwoElementsOfOneArray() => VerifyAsync(@"
class Table
{
    private readonly object[] _forks = { new object(), new object(), new object() };

    public void Eat(int seat)
    {
        int left = seat;
        int right = (seat + 1) % _forks.Length;
        lock ({|#1:_forks[left]|})
        {
            lock ({|#0:_forks[right]|})
            {
            }
        }
    }
}",
            Diagnostic("LOCK012").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'this._forks[right]' while 'this._forks[left]', another instance of the same lock class 'Table._forks[]', is held: two threads taking two instances in opposite orders deadlock"));

        [Fact]
        public Task AnElementWhoseIndexCannotBeReadIsNotReported() => VerifyAsync(@"
class Table
{
    private readonly object[] _forks = { new object(), new object() };

    public void Eat(int seat)
    {
        lock (_forks[Left(seat)])
        {
            lock (_forks[Right(seat)])
            {
            }
        }
    }

    private static int Left(int seat) => seat;
    private static int Right(int seat) => seat + 1;
}");

        [Fact]
        public Task SemaphoreSlimReenteredThroughACallIsLock004() => VerifyAsync(@"
class Store
{
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

    public void Save()
    {
        {|#1:_gate.Wait()|};
        try
        {
            {|#0:Flush()|};
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Flush()
    {
        _gate.Wait();
        try
        {
        }
        finally
        {
            _gate.Release();
        }
    }
}",
            Diagnostic("LOCK004").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'this._gate' (Exclusive) via Store.Flush → Store._gate.Wait while 'this._gate' of the same class 'Store._gate' is held (Exclusive): a SemaphoreSlim is not re-entrant: the second wait waits for the first, which this flow holds"));

        [Fact]
        public Task AsyncSemaphoreReenteredIsLock004AndNotHeldAcrossAwait() => VerifyAsync(@"
class Store
{
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

    public async Task SaveAsync()
    {
        await {|#1:_gate.WaitAsync()|};
        try
        {
            await Task.Yield();
            await {|#0:FlushAsync()|};
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task FlushAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await Task.Yield();
        }
        finally
        {
            _gate.Release();
        }
    }
}",
            Diagnostic("LOCK004").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'this._gate' (Exclusive) via Store.FlushAsync → Store._gate.WaitAsync while 'this._gate' of the same class 'Store._gate' is held (Exclusive): a SemaphoreSlim is not re-entrant: the second wait waits for the first, which this flow holds"));

        [Fact]
        public Task ASemaphoreWithMoreThanOneSlotIsNotALock() => VerifyAsync(@"
class Pool
{
    private readonly SemaphoreSlim _slots = new SemaphoreSlim(4);

    public void Use()
    {
        _slots.Wait();
        _slots.Wait();
        _slots.Release(2);
    }
}");

        // How the count is written must not change what the semaphore is: read from the syntax where it says (literals,
        // named arguments, `new(...)`), from the bound creation where it does not (a constant).
        [Theory]
        [InlineData("new SemaphoreSlim(1, 1)", true)]
        [InlineData("new SemaphoreSlim(1)", true)]
        [InlineData("new System.Threading.SemaphoreSlim(1, 1)", true)]
        [InlineData("new SemaphoreSlim(initialCount: 1, maxCount: 1)", true)]
        [InlineData("new SemaphoreSlim(maxCount: 1, initialCount: 1)", true)]
        [InlineData("new(1, 1)", true)]
        [InlineData("new SemaphoreSlim(One, One)", true)]
        [InlineData("new SemaphoreSlim(4)", false)]
        [InlineData("new SemaphoreSlim(0, 1)", false)]
        [InlineData("new SemaphoreSlim(maxCount: 1, initialCount: 0)", false)]
        [InlineData("new(Two)", false)]
        public Task ASemaphoreIsALockIffEveryCreationStartsItWithOneSlot(string creation, bool isLock) => VerifyAsync(@"
class Pool
{
    private const int One = 1;
    private const int Two = 2;
    private readonly SemaphoreSlim _gate = " + creation + @";

    public void Use()
    {
        " + (isLock ? "{|#1:_gate.Wait()|}" : "_gate.Wait()") + @";
        " + (isLock ? "{|#0:_gate.Wait()|}" : "_gate.Wait()") + @";
        _gate.Release();
        _gate.Release();
    }
}",
            isLock
                ? new[]
                {
                    Diagnostic("LOCK004").WithLocation(0).WithLocation(1)
                        .WithMessage("Blocking acquisition of 'this._gate' (Exclusive) while 'this._gate' of the same class 'Pool._gate' is held (Exclusive): a SemaphoreSlim is not re-entrant: the second wait waits for the first, which this flow holds"),
                }
                : System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>());

        [Theory]
        [InlineData("new ReaderWriterLockSlim()", false)]
        [InlineData("new ReaderWriterLockSlim(LockRecursionPolicy.NoRecursion)", false)]
        [InlineData("new ReaderWriterLockSlim(LockRecursionPolicy.SupportsRecursion)", true)]
        [InlineData("new(LockRecursionPolicy.SupportsRecursion)", true)]
        [InlineData("new ReaderWriterLockSlim(Policy)", true)]
        public Task AReaderWriterLockReenteredIsLock004UnlessCreatedWithRecursion(string creation, bool recursive) => VerifyAsync(@"
class Registry
{
    private const LockRecursionPolicy Policy = LockRecursionPolicy.SupportsRecursion;
    private readonly ReaderWriterLockSlim _rw = " + creation + @";

    public void Read()
    {
        " + (recursive ? "_rw.EnterReadLock()" : "{|#1:_rw.EnterReadLock()|}") + @";
        " + (recursive ? "_rw.EnterReadLock()" : "{|#0:_rw.EnterReadLock()|}") + @";
        _rw.ExitReadLock();
        _rw.ExitReadLock();
    }
}",
            recursive
                ? System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>()
                : new[] { Diagnostic("LOCK004").WithLocation(0).WithLocation(1).WithMessage("Blocking acquisition of 'this._rw' (Shared) while 'this._rw' of the same class 'Registry._rw' is held (Shared): this ReaderWriterLockSlim is not created with LockRecursionPolicy.SupportsRecursion, so a second entry throws LockRecursionException") });

        [Fact]
        public Task ReadLockUpgradedToAWriteLockIsLock004() => VerifyAsync(@"
class Registry
{
    private readonly ReaderWriterLockSlim _rw = new ReaderWriterLockSlim();
    private int _value;

    public void Bump()
    {
        {|#1:_rw.EnterReadLock()|};
        try
        {
            if (_value == 0)
            {
                {|#0:_rw.EnterWriteLock()|};
                _value = 1;
                _rw.ExitWriteLock();
            }
        }
        finally
        {
            _rw.ExitReadLock();
        }
    }
}",
            Diagnostic("LOCK004").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'this._rw' (Exclusive) while 'this._rw' of the same class 'Registry._rw' is held (Shared): a read lock cannot be upgraded: ReaderWriterLockSlim throws LockRecursionException (take EnterUpgradeableReadLock first, then EnterWriteLock)"));

        [Fact]
        public Task UpgradeableReadLockBecomingAWriteLockIsFine() => VerifyAsync(@"
class Registry
{
    private readonly ReaderWriterLockSlim _rw = new ReaderWriterLockSlim();
    private int _value;

    public void Bump()
    {
        _rw.EnterUpgradeableReadLock();
        try
        {
            if (_value == 0)
            {
                _rw.EnterWriteLock();
                try
                {
                    _value = 1;
                }
                finally
                {
                    _rw.ExitWriteLock();
                }
            }
        }
        finally
        {
            _rw.ExitUpgradeableReadLock();
        }
    }
}");

        [Fact]
        public Task ReaderWriterLockSlimWithoutRecursionReenteredIsLock004ButWithRecursionIsFine() => VerifyAsync(@"
class Registry
{
    private readonly ReaderWriterLockSlim _plain = new ReaderWriterLockSlim();
    private readonly ReaderWriterLockSlim _recursive = new ReaderWriterLockSlim(LockRecursionPolicy.SupportsRecursion);

    public void Plain()
    {
        {|#1:_plain.EnterReadLock()|};
        {|#0:_plain.EnterReadLock()|};
        _plain.ExitReadLock();
        _plain.ExitReadLock();
    }

    public void Recursive()
    {
        _recursive.EnterReadLock();
        _recursive.EnterReadLock();
        _recursive.ExitReadLock();
        _recursive.ExitReadLock();
    }
}",
            Diagnostic("LOCK004").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'this._plain' (Shared) while 'this._plain' of the same class 'Registry._plain' is held (Shared): this ReaderWriterLockSlim is not created with LockRecursionPolicy.SupportsRecursion, so a second entry throws LockRecursionException"));

        [Fact]
        public Task ReaderLockOfAReaderWriterLockUpgradedWithAcquireWriterLockIsLock004() => VerifyAsync(@"
class Registry
{
    private readonly ReaderWriterLock _rw = new ReaderWriterLock();

    public void Bump()
    {
        {|#1:_rw.AcquireReaderLock(Timeout.Infinite)|};
        {|#0:_rw.AcquireWriterLock(Timeout.Infinite)|};
        _rw.ReleaseWriterLock();
        _rw.ReleaseReaderLock();
    }
}",
            Diagnostic("LOCK004").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'this._rw' (Exclusive) while 'this._rw' of the same class 'Registry._rw' is held (Shared): a reader lock upgraded with AcquireWriterLock waits for itself (use UpgradeToWriterLock)"));

        [Fact]
        public Task SpinLockTakenTwiceIsLock004() => VerifyAsync(@"
class Counter
{
    private SpinLock _spin = new SpinLock();

    public void Twice()
    {
        bool first = false;
        bool second = false;
        {|#1:_spin.Enter(ref first)|};
        {|#0:_spin.Enter(ref second)|};
        _spin.Exit();
        _spin.Exit();
    }
}",
            Diagnostic("LOCK004").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'this._spin' (Exclusive) while 'this._spin' of the same class 'Counter._spin' is held (Exclusive): a SpinLock is not re-entrant: the thread spins on itself (or throws LockRecursionException)"));

        [Fact]
        public Task MutexReenteredIsFineAndAnotherMutexOfTheClassIsLock012() => VerifyAsync(@"
class Guard
{
    private readonly Mutex _mutex = new Mutex();

    public void Again()
    {
        _mutex.WaitOne();
        _mutex.WaitOne();
        _mutex.ReleaseMutex();
        _mutex.ReleaseMutex();
    }

    public void Both(Guard other)
    {
        {|#1:_mutex.WaitOne()|};
        {|#0:other._mutex.WaitOne()|};
        other._mutex.ReleaseMutex();
        _mutex.ReleaseMutex();
    }
}",
            Diagnostic("LOCK012").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'other._mutex' while 'this._mutex', another instance of the same lock class 'Guard._mutex', is held: two threads taking two instances in opposite orders deadlock"));

        [Fact]
        public Task LockStatementOnTheSameThisTwiceIsFine() => VerifyAsync(@"
class Widget
{
    public void Outer()
    {
        lock (this)
        {
            Inner();
        }
    }

    public void Inner()
    {
        lock (this)
        {
        }
    }
}");

        [Fact]
        public Task StaticLockReenteredThroughAnotherInstanceIsTheSameLock() => VerifyAsync(@"
class Registry
{
    private static readonly object s_sync = new object();

    public void Outer(Registry other)
    {
        lock (s_sync)
        {
            other.Inner();
        }
    }

    public void Inner()
    {
        lock (s_sync)
        {
        }
    }
}");

        [Fact]
        public Task TryAcquisitionOfAnotherInstanceIsFine() => VerifyAsync(@"
class Account
{
    private readonly object _sync = new object();

    public bool TryTransfer(Account to)
    {
        lock (_sync)
        {
            if (!Monitor.TryEnter(to._sync))
            {
                return false;
            }

            try
            {
                return true;
            }
            finally
            {
                Monitor.Exit(to._sync);
            }
        }
    }
}");
    }
}
