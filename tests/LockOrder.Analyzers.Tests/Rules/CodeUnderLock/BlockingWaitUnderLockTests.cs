using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules.CodeUnderLock
{
    /// <summary>LOCK014: a blocking wait while a lock is held — directly, through calls, through delegates run there.</summary>
    public sealed class BlockingWaitUnderLockTests
    {
        [Fact]
        public Task TaskResultUnderALockIsLock014() => VerifyAsync(@"
class Store
{
    private readonly object _sync = new object();

    int Load(Task<int> pending)
    {
        lock ({|#1:_sync|})
        {
            return {|#0:pending.Result|};
        }
    }
}",
            Diagnostic("LOCK014").WithLocation(0).WithLocation(1)
                .WithMessage("'Task<T>.Result' blocks while 'Store._sync' is held (Exclusive): the thread waits with the lock held, and what it waits for may need that lock"));

        [Fact]
        public Task WaitsThroughACallAndOnEventsAreLock014() => VerifyAsync(@"
class Store
{
    private readonly object _sync = new object();
    private readonly ManualResetEventSlim _ready = new ManualResetEventSlim();
    private readonly AutoResetEvent _signal = new AutoResetEvent(false);

    void Flush(Task pending)
    {
        lock ({|#3:_sync|})
        {
            {|#0:Drain(pending)|};
            {|#1:_ready.Wait()|};
            {|#2:_signal.WaitOne()|};
        }
    }

    static void Drain(Task pending) => pending.GetAwaiter().GetResult();
}",
            Diagnostic("LOCK014").WithLocation(0).WithLocation(3)
                .WithMessage("'GetAwaiter().GetResult' via Store.Drain → GetAwaiter().GetResult blocks while 'Store._sync' is held (Exclusive): the thread waits with the lock held, and what it waits for may need that lock"),
            Diagnostic("LOCK014").WithLocation(1).WithLocation(3)
                .WithMessage("'ManualResetEventSlim.Wait' blocks while 'Store._sync' is held (Exclusive): the thread waits with the lock held, and what it waits for may need that lock"),
            Diagnostic("LOCK014").WithLocation(2).WithLocation(3)
                .WithMessage("'AutoResetEvent.WaitOne' blocks while 'Store._sync' is held (Exclusive): the thread waits with the lock held, and what it waits for may need that lock"));

        // Libraries that write each I/O path once pass `async: false` and unwrap the task, which has completed by then
        // (Npgsql's Flush(async: false).GetAwaiter().GetResult()): no wait. The same call told to run asynchronously is one.
        [Fact]
        public Task UnwrappingATaskOfACallToldToRunSynchronouslyIsNoWait() => VerifyAsync(@"
class Connector
{
    private readonly object _sync = new object();

    public void Close()
    {
        lock (_sync)
        {
            Flush(async: false).GetAwaiter().GetResult();
            Flush(false).ConfigureAwait(false).GetAwaiter().GetResult();
            _ = Read(isAsync: false).Result;
        }
    }

    public void CloseBlocking()
    {
        lock ({|#1:_sync|})
        {
            {|#0:Flush(async: true).GetAwaiter().GetResult()|};
        }
    }

    private Task Flush(bool async) => async ? Task.Delay(1) : Task.CompletedTask;

    private Task<int> Read(bool isAsync) => Task.FromResult(0);
}",
            Diagnostic("LOCK014").WithLocation(0).WithLocation(1)
                .WithMessage("'GetAwaiter().GetResult' blocks while 'Connector._sync' is held (Exclusive): the thread waits with the lock held, and what it waits for may need that lock"));

        // `using` on a concrete type disposes through IDisposable.Dispose, but runs only that type's Dispose: another
        // type's Dispose that waits or locks is not reached from here.
        [Fact]
        public Task ADisposalRunsTheDisposedTypesDisposeOnly() => VerifyAsync(@"
sealed class Scope : IDisposable
{
    public void Dispose() { }
}

sealed class Pump : IDisposable
{
    private Task _worker = Task.CompletedTask;
    public void Dispose() => _worker.Wait();
}

class Store
{
    private readonly object _sync = new object();

    void Save()
    {
        lock (_sync)
        {
            using (var scope = new Scope())
            {
            }
        }
    }

    void Stop(Pump pump)
    {
        lock ({|#1:_sync|})
        {
            using ({|#0:pump|})
            {
            }
        }
    }
}",
            Diagnostic("LOCK014").WithLocation(0).WithLocation(1)
                .WithMessage("'Task.Wait' via Pump.Dispose → Task.Wait blocks while 'Store._sync' is held (Exclusive): the thread waits with the lock held, and what it waits for may need that lock"));

        [Fact]
        public Task WaitsWithATimeoutAndWaitsOutsideTheLockAreFine() => VerifyAsync(@"
class Store
{
    private readonly object _sync = new object();

    void Flush(Task pending, Thread worker)
    {
        lock (_sync)
        {
            pending.Wait(TimeSpan.FromSeconds(1));
            worker.Join(100);
        }

        pending.Wait();
        worker.Join();
    }
}");

        [Fact]
        public Task MonitorWaitOnTheInnermostLockIsFineOnAnotherLockIsLock014() => VerifyAsync(@"
class Queue
{
    private readonly object _outer = new object();
    private readonly object _items = new object();
    private int _count;

    void Take()
    {
        lock (_items)
        {
            while (_count == 0)
            {
                Monitor.Wait(_items);
            }

            _count--;
        }
    }

    void TakeHoldingAnother()
    {
        lock (_items)
        {
            lock ({|#1:_outer|})
            {
                {|#0:Monitor.Wait(_items)|};
            }
        }
    }
}",
            Diagnostic("LOCK014").WithLocation(0).WithLocation(1)
                .WithMessage("'Monitor.Wait(_items)' blocks while 'Queue._outer' is held (Exclusive): the thread waits with the lock held, and what it waits for may need that lock"));

        [Fact]
        public Task ASemaphoreThatIsNoLockIsAWait() => VerifyAsync(@"
class Throttle
{
    private readonly object _sync = new object();
    private readonly SemaphoreSlim _slots = new SemaphoreSlim(4);

    void Enter()
    {
        lock ({|#1:_sync|})
        {
            {|#0:_slots.Wait()|};
        }
    }
}",
            Diagnostic("LOCK014").WithLocation(0).WithLocation(1)
                .WithMessage("'SemaphoreSlim.Wait' blocks while 'Throttle._sync' is held (Exclusive): the thread waits with the lock held, and what it waits for may need that lock"));
    }
}
