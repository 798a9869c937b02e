using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules.Bcl
{
    /// <summary>LOCK008 on the locks C# code already uses: no annotation, classes named by where the lock lives.</summary>
    public sealed class BclInversionTests
    {
        [Fact]
        public Task NestedLockStatementsInOppositeOrdersInTwoClassesAreAnInversion() => VerifyAsync(@"
class Accounts
{
    internal static readonly object Ledger = new object();
    internal static readonly object Audit = new object();

    void Post()
    {
        lock (Ledger)
        {
            lock ({|#0:Audit|})
            {
            }
        }
    }
}

class Auditor
{
    void Review()
    {
        lock (Accounts.Audit)
        {
            lock ({|#1:Accounts.Ledger|})
            {
            }
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(1).WithLocation(0)
                .WithMessage("Lock-order inversion Accounts.Audit → Accounts.Ledger → Accounts.Audit: Accounts.Audit → Accounts.Ledger in Auditor.Review (Test0.cs:29), Accounts.Ledger → Accounts.Audit in Accounts.Post (Test0.cs:16); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task SameOrderEverywhereIsClean() => VerifyAsync(@"
class Cache
{
    private readonly object _index = new object();
    private readonly object _entries = new object();

    void Add() { lock (_index) { lock (_entries) { } } }
    void Remove() { lock (_index) { lock (_entries) { } } }
}");
    
        [Fact]
        public Task InversionThroughAHelperCallNamesThePathInsideTheCallee() => VerifyAsync(@"
class Orders
{
    private readonly object _orders = new object();
    private readonly Stock _stock = new Stock();

    public void Place()
    {
        lock (_orders)
        {
            {|#0:_stock.Reserve()|};
        }
    }

    public void Count()
    {
        lock (_orders)
        {
        }
    }

    internal void Refresh()
    {
        lock ({|#1:_orders|})
        {
        }
    }
}

class Stock
{
    private readonly object _stock = new object();
    internal Orders Owner = null!;

    public void Reserve()
    {
        lock (_stock)
        {
        }
    }

    public void Recount()
    {
        lock (_stock)
        {
            Owner.Refresh();
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(0).WithSpan(51, 13, 51, 28)
                .WithMessage("Lock-order inversion Orders._orders → Stock._stock → Orders._orders: Orders._orders → Stock._stock in Orders.Place via Stock.Reserve → lock (Stock._stock) (Test0.cs:16), Stock._stock → Orders._orders in Stock.Recount via Orders.Refresh → lock (Orders._orders) (Test0.cs:51); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task MonitorSemaphoreAndReaderWriterLocksOrderAgainstEachOther() => VerifyAsync(@"
class Service
{
    private readonly object _sync = new object();
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private readonly ReaderWriterLockSlim _rw = new ReaderWriterLockSlim();

    public async Task First()
    {
        await _gate.WaitAsync();
        try
        {
            _rw.EnterReadLock();
            try
            {
            }
            finally
            {
                _rw.ExitReadLock();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Second()
    {
        _rw.EnterWriteLock();
        try
        {
            Monitor.Enter(_sync);
            Monitor.Exit(_sync);
        }
        finally
        {
            _rw.ExitWriteLock();
        }
    }

    public void Third()
    {
        lock (_sync)
        {
            {|#0:_gate.Wait()|};
            _gate.Release();
        }
    }
}",
            Diagnostic("LOCK008").WithSpan(18, 13, 18, 32).WithSpan(38, 13, 38, 33).WithLocation(0)
                .WithMessage("Lock-order inversion Service._gate → Service._rw → Service._sync → Service._gate: Service._gate → Service._rw in Service.First (Test0.cs:18), Service._rw → Service._sync in Service.Second (Test0.cs:38), Service._sync → Service._gate in Service.Third (Test0.cs:51); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task AllConstructionsOfAGenericTypeShareOneClassButEachHasItsOwnStaticLock() => VerifyAsync(@"
class Cache<T>
{
    internal static readonly object Sync = new object();

    public void Touch()
    {
        lock (Sync)
        {
        }
    }
}

class Users
{
    public void A()
    {
        lock ({|#1:Cache<int>.Sync|})
        {
            lock ({|#0:Cache<string>.Sync|})
            {
            }
        }
    }

    public void B(Cache<int> cache)
    {
        lock (Cache<int>.Sync)
        {
            cache.Touch();
        }
    }
}",
            Diagnostic("LOCK012").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'Cache<string>.Sync' while 'Cache<int>.Sync', another instance of the same lock class 'Cache<T>.Sync', is held: two threads taking two instances in opposite orders deadlock"));

        [Fact]
        public Task PartialClassesAreOneType() => VerifyAsync(@"
partial class Registry
{
    private readonly object _names = new object();
    private readonly object _ids = new object();

    public void ByName()
    {
        lock (_names)
        {
            lock ({|#0:_ids|})
            {
            }
        }
    }
}

partial class Registry
{
    public void ById()
    {
        lock (_ids)
        {
            lock ({|#1:_names|})
            {
            }
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(1).WithLocation(0)
                .WithMessage("Lock-order inversion Registry._ids → Registry._names → Registry._ids: Registry._ids → Registry._names in Registry.ById (Test0.cs:29), Registry._names → Registry._ids in Registry.ByName (Test0.cs:16); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task LocksOfUnknownOriginAreSkipped() => VerifyAsync(@"
class Pool
{
    public void A(object first, object second)
    {
        lock (first)
        {
            lock (second)
            {
            }
        }
    }

    public void B(object first, object second)
    {
        lock (second)
        {
            lock (first)
            {
            }
        }
    }

    private object Next() => new object();

    public void C()
    {
        lock (Next())
        {
            lock (Next())
            {
            }
        }
    }
}");

        [Fact]
        public Task LockOnTypeObjectsAndStringsNamesThemAsClasses() => VerifyAsync(@"
class Legacy
{
    public void A()
    {
        lock (typeof(Legacy))
        {
            lock ({|#0:""registry""|})
            {
            }
        }
    }

    public void B()
    {
        lock (""registry"")
        {
            lock ({|#1:typeof(Legacy)|})
            {
            }
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(1).WithLocation(0)
                .WithMessage("Lock-order inversion \"registry\" → typeof(Legacy) → \"registry\": \"registry\" → typeof(Legacy) in Legacy.B (Test0.cs:23), typeof(Legacy) → \"registry\" in Legacy.A (Test0.cs:13); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task SystemThreadingLockIsItsOwnLockInALockStatementAndAsAScope() => VerifyOnCurrentRuntimeAsync(@"
class Journal
{
    private readonly Lock _write = new Lock();
    private readonly Lock _flush = new Lock();

    public void Write()
    {
        lock (_write)
        {
            using ({|#0:_flush.EnterScope()|})
            {
            }
        }
    }

    public void Flush()
    {
        _flush.Enter();
        try
        {
            lock ({|#1:_write|})
            {
            }
        }
        finally
        {
            _flush.Exit();
        }
    }

    public void Again()
    {
        lock (_write)
        {
            Write();
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(1).WithLocation(0)
                .WithMessage("Lock-order inversion Journal._flush → Journal._write → Journal._flush: Journal._flush → Journal._write in Journal.Flush (Test0.cs:27), Journal._write → Journal._flush in Journal.Write (Test0.cs:16); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task LockStatementOnALockIsReleasedOnEveryWayOutOfItsBody() => VerifyOnCurrentRuntimeAsync(@"
class Journal
{
    private readonly Lock _write = new Lock();
    private readonly Lock _flush = new Lock();
    private int _pending;

    public int Drain(int budget)
    {
        while (budget > 0)
        {
            lock (_write)
            {
                if (_pending == 0)
                {
                    return budget;
                }

                if (_pending > 100)
                {
                    break;
                }

                _pending--;
            }

            budget--;
        }

        lock (_flush)
        {
            lock ({|#0:_write|})
            {
            }
        }

        return budget;
    }

    public void Write()
    {
        lock (_write)
        {
            lock ({|#1:_flush|})
            {
            }
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(0).WithLocation(1)
                .WithMessage("Lock-order inversion Journal._flush → Journal._write → Journal._flush: Journal._flush → Journal._write in Journal.Drain (Test0.cs:37), Journal._write → Journal._flush in Journal.Write (Test0.cs:49); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));
    }
}
