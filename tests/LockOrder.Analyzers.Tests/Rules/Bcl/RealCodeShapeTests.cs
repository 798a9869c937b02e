using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules.Bcl
{
    /// <summary>
    /// Shapes from public code bases (docs/real-world.md) that an earlier analyzer reported falsely, each reduced to
    /// its essence, with a twin that changes the one fact that makes it safe and is reported.
    /// </summary>
    public sealed class RealCodeShapeTests
    {
        // Re-entering a monitor the thread already holds never waits, so it orders nothing: taking StaticGate again
        // under Gate is no Gate → StaticGate edge when StaticGate is held outermost (System.Reactive's TimerQueue).
        [Fact]
        public Task ReentryOfTheOutermostMonitorUnderAnInnerOneIsNoEdge() => VerifyAsync(@"
class Scheduler
{
    private static readonly object StaticGate = new object();
    private static readonly object Gate = new object();

    public void SystemClockChanged()
    {
        lock (StaticGate)
        {
            lock (Gate)
            {
                EvaluateLongTermQueue();
            }
        }
    }

    private static void EvaluateLongTermQueue()
    {
        lock (StaticGate)
        {
            ScheduleShortTermWork();
        }
    }

    private static void ScheduleShortTermWork()
    {
        lock (Gate) { }
    }
}");

        [Fact]
        public Task TheSameCallWithoutTheOuterMonitorIsAnInversion() => VerifyAsync(@"
class Scheduler
{
    private static readonly object StaticGate = new object();
    private static readonly object Gate = new object();

    public void SystemClockChanged()
    {
        lock (Gate)
        {
            {|#0:EvaluateLongTermQueue()|};
        }
    }

    private static void EvaluateLongTermQueue()
    {
        lock (StaticGate)
        {
            {|#1:ScheduleShortTermWork()|};
        }
    }

    private static void ScheduleShortTermWork()
    {
        lock (Gate) { }
    }
}",
            Diagnostic("LOCK008").WithLocation(0).WithLocation(1)
                .WithMessage("Lock-order inversion Scheduler.Gate → Scheduler.StaticGate → Scheduler.Gate: Scheduler.Gate → Scheduler.StaticGate in Scheduler.SystemClockChanged via Scheduler.EvaluateLongTermQueue → lock (Scheduler.StaticGate) (Test0.cs:16), Scheduler.StaticGate → Scheduler.Gate in Scheduler.EvaluateLongTermQueue via Scheduler.ScheduleShortTermWork → lock (Scheduler.Gate) (Test0.cs:24); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        // The outer monitor reached again through another path to the same object — job.Context is this context —
        // is a re-entry too (vs-threading's JoinableTaskContext.IsMainThreadBlocked).
        [Fact]
        public Task ReentryThroughAnotherPathToTheHeldMonitorIsNoEdge() => VerifyAsync(@"
class Context
{
    private readonly object syncContextLock = new object();
    private readonly Stack<Job> initializing = new Stack<Job>();

    internal object SyncContextLock => this.syncContextLock;

    public void Start(Job job)
    {
        lock (this.initializing)
        {
            this.initializing.Push(job);
        }
    }

    public bool IsBlocked()
    {
        lock (this.SyncContextLock)
        {
            lock (this.initializing)
            {
                foreach (var job in this.initializing)
                {
                    if (Graph.HasWaiter(job))
                        return true;
                }
            }
        }

        return false;
    }
}

class Job
{
    public Job(Context context) => this.Context = context;
    public Context Context { get; }
    internal bool Waiting;
}

static class Graph
{
    internal static bool HasWaiter(Job job)
    {
        lock (job.Context.SyncContextLock)
        {
            return job.Waiting;
        }
    }
}");

        // A property whose getter returns a lock field is that field: one monitor, not two lock classes
        // (vs-threading's AsyncReaderWriterLock.SyncObject). Taking it under itself is a re-entry...
        [Fact]
        public Task APropertyReturningALockFieldIsThatField() => VerifyAsync(@"
class RwLock
{
    private readonly object syncObject = new object();

    protected object SyncObject
    {
        get { return this.syncObject; }
    }

    public void Release()
    {
        lock (this.syncObject)
        {
            this.OnBeforeRelease();
        }
    }

    protected virtual void OnBeforeRelease()
    {
        lock (this.SyncObject)
        {
            this.DequeueCallback();
        }
    }

    private void DequeueCallback()
    {
        lock (this.syncObject) { }
    }
}");

        // ...and an inversion written once through the property and once through the field is still found.
        [Fact]
        public Task AnInversionThroughThePropertyAndTheFieldIsFound() => VerifyAsync(@"
class RwLock
{
    private readonly object syncObject = new object();
    private readonly object queue = new object();

    protected object SyncObject => this.syncObject;

    public void Release()
    {
        lock (this.SyncObject)
        {
            lock ({|#0:this.queue|}) { }
        }
    }

    public void Drain()
    {
        lock (this.queue)
        {
            lock ({|#1:this.syncObject|}) { }
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(1).WithLocation(0)
                .WithMessage("Lock-order inversion RwLock.queue → RwLock.syncObject → RwLock.queue: RwLock.queue → RwLock.syncObject in RwLock.Drain (Test0.cs:26), RwLock.syncObject → RwLock.queue in RwLock.Release (Test0.cs:18); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        // No other thread can hold a lock of an object created a moment ago and not yet published, so taking it orders
        // nothing (npgsql's PerformPostgresCancellation creating a connector to send the cancel request).
        [Fact]
        public Task ALockOfAFreshlyCreatedObjectIsUncontended() => VerifyAsync(@"
class Connector
{
    private readonly object _cancelLock = new object();
    private readonly object _cleanupLock = new object();

    public void Cancel()
    {
        lock (_cancelLock)
        {
            var helper = new Connector();
            helper.Cleanup();
        }
    }

    private void Cleanup()
    {
        lock (_cleanupLock) { }
    }

    public void Break()
    {
        lock (_cleanupLock)
        {
            lock (_cancelLock) { }
        }
    }
}");

        // npgsql: the fresh connector's cleanup lock is taken twice in the callee — by `FullCleanup()` and, through the
        // write buffer's back-pointer, by `Break()` — and the two paths must not merge into "some cleanup lock".
        [Fact]
        public Task ALockOfAFreshObjectTakenByTwoPathsInTheCalleeIsUncontended() => VerifyAsync(@"
class WriteBuffer
{
    internal Connector Connector;

    internal void Flush() => Connector.Break();
}

class Connector
{
    private readonly object _cancelLock = new object();
    private readonly object _cleanupLock = new object();
    private WriteBuffer _buffer;

    public void Cancel()
    {
        lock (_cancelLock)
        {
            var cancelConnector = new Connector();
            cancelConnector.DoCancelRequest();
        }
    }

    private void DoCancelRequest()
    {
        try { _buffer.Flush(); }
        finally { FullCleanup(); }
    }

    private void FullCleanup()
    {
        lock (_cleanupLock) { }
    }

    internal void Break()
    {
        lock (_cleanupLock)
        {
            lock (_cancelLock) { }
        }
    }
}");

        [Fact]
        public Task ALockOfAPublishedObjectTakenByTwoPathsInTheCalleeIsAnInversion() => VerifyAsync(@"
class WriteBuffer
{
    internal Connector Connector;

    internal void Flush() => Connector.Break();
}

class Connector
{
    private readonly object _cancelLock = new object();
    private readonly object _cleanupLock = new object();
    private WriteBuffer _buffer;
    private Connector _peer;

    public void Cancel()
    {
        lock (_cancelLock)
        {
            {|#0:_peer.DoCancelRequest()|};
        }
    }

    private void DoCancelRequest()
    {
        try { _buffer.Flush(); }
        finally { FullCleanup(); }
    }

    private void FullCleanup()
    {
        lock (_cleanupLock) { }
    }

    internal void Break()
    {
        lock (_cleanupLock)
        {
            lock ({|#1:_cancelLock|}) { }
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(0).WithLocation(1)
                .WithMessage("Lock-order inversion Connector._cancelLock → Connector._cleanupLock → Connector._cancelLock: Connector._cancelLock → Connector._cleanupLock in Connector.Cancel via Connector.DoCancelRequest → Connector.FullCleanup → lock (Connector._cleanupLock) (Test0.cs:25), Connector._cleanupLock → Connector._cancelLock in Connector.Break (Test0.cs:44); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task TheSameLockOfAPublishedObjectIsAnInversion() => VerifyAsync(@"
class Connector
{
    private readonly object _cancelLock = new object();
    private readonly object _cleanupLock = new object();
    private Connector _peer;

    public void Cancel()
    {
        lock (_cancelLock)
        {
            {|#0:_peer.Cleanup()|};
        }
    }

    private void Cleanup()
    {
        lock (_cleanupLock) { }
    }

    public void Break()
    {
        lock (_cleanupLock)
        {
            lock ({|#1:_cancelLock|}) { }
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(0).WithLocation(1)
                .WithMessage("Lock-order inversion Connector._cancelLock → Connector._cleanupLock → Connector._cancelLock: Connector._cancelLock → Connector._cleanupLock in Connector.Cancel via Connector.Cleanup → lock (Connector._cleanupLock) (Test0.cs:17), Connector._cleanupLock → Connector._cancelLock in Connector.Break (Test0.cs:30); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        // A lock held in a local given a new object is named by the local in messages (the fresh-object rule above
        // does not change what the user reads).
        [Fact]
        public Task ALockInAFreshLocalIsNamedByTheLocal() => VerifyAsync(@"
class Device
{
    void Write(UserBuffer buffer)
    {
        var mem = new MemoryLock();
        using ({|#1:mem.Write()|})
        {
            {|#0:buffer.CopyFromUser(default)|};
        }
    }
}",
            Diagnostic("LOCK002").WithLocation(0).WithLocation(1)
                .WithMessage("'UserBuffer.CopyFromUser' touches user memory while 'MemoryLock (mem)' is held (Exclusive): a page fault takes 'MmapLock' (shared), which is ordered before 'MemoryLock (mem)'"));

        // A constructor locking 'this' runs before anyone else can see the object (SqlClient's SniMarsHandle).
        [Fact]
        public Task AConstructorLockingTheObjectItBuildsIsUncontended() => VerifyAsync(@"
class MarsConnection
{
    private readonly object _sync = new object();
    private readonly Dictionary<int, MarsHandle> _sessions = new Dictionary<int, MarsHandle>();
    private int _next;

    public MarsHandle CreateSession()
    {
        lock (_sync)
        {
            var handle = new MarsHandle(this);
            _sessions.Add(_next++, handle);
            return handle;
        }
    }

    public void Send()
    {
        lock (_sync) { }
    }
}

class MarsHandle
{
    private readonly MarsConnection _connection;
    private int _sequence;

    public MarsHandle(MarsConnection connection)
    {
        _connection = connection;
        lock (this)
        {
            _sequence = 1;
        }
    }

    public void SendAsync()
    {
        lock (this)
        {
            _sequence++;
            _connection.Send();
        }
    }
}");

        // A lock reached back through a child's pointer to its owner is the owner's own monitor, re-entered (WCF's
        // ChannelDispatcher and its ListenerHandler): not "another instance".
        [Fact]
        public Task AMonitorReachedBackThroughAChildsOwnerFieldIsNotAnotherInstance() => VerifyAsync(@"
class Dispatcher
{
    private readonly object _thisLock = new object();
    private readonly Handler _handler;

    public Dispatcher() => _handler = new Handler(this);

    public void Close()
    {
        lock (_thisLock)
        {
            _handler.Stop();
        }
    }

    internal void Remove()
    {
        lock (_thisLock) { }
    }
}

class Handler
{
    private readonly Dispatcher _dispatcher;

    public Handler(Dispatcher dispatcher) => _dispatcher = dispatcher;

    public void Stop() => _dispatcher.Remove();
}");

        // Two tasks reach their context's lock through their Context property; every task of an application shares one
        // context (vs-threading's JoinableTask.JoinableTaskContext), so the two paths are likely one monitor.
        [Fact]
        public Task ALockReachedThroughAnotherTypesFieldIsNotAnotherInstance() => VerifyAsync(@"
class TaskContext
{
    internal readonly object SyncLock = new object();
}

class Job
{
    public Job(TaskContext context) => Context = context;

    public TaskContext Context { get; }

    public bool IsDone()
    {
        lock (Context.SyncLock)
        {
            return true;
        }
    }

    public void Join(Job child)
    {
        lock (Context.SyncLock)
        {
            child.IsDone();
        }
    }
}");

        [Fact]
        public Task AMonitorOfAnotherDispatcherPassedInIsLock012() => VerifyAsync(@"
class Dispatcher
{
    private readonly object _thisLock = new object();

    public void Merge(Dispatcher other)
    {
        lock ({|#1:_thisLock|})
        {
            {|#0:other.Remove()|};
        }
    }

    internal void Remove()
    {
        lock (_thisLock) { }
    }
}",
            Diagnostic("LOCK012").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'other._thisLock' via Dispatcher.Remove → lock (Dispatcher._thisLock) while 'this._thisLock', another instance of the same lock class 'Dispatcher._thisLock', is held: two threads taking two instances in opposite orders deadlock"));

        // A callee run under its caller's semaphore that gives it back before waiting for it again does not nest the
        // two waits (RabbitMQ.Client's RecoverExchangesAsync, which lets a user handler use the connection).
        [Fact]
        public Task ACalleeThatReleasesTheCallersSemaphoreBeforeWaitingAgainIsNoReentry() => VerifyAsync(@"
class Connection
{
    private readonly SemaphoreSlim _entities = new SemaphoreSlim(1, 1);
    private Func<Exception, Task> _handler = _ => Task.CompletedTask;

    public async Task RecoverAsync()
    {
        await _entities.WaitAsync().ConfigureAwait(false);
        try
        {
            await RecoverExchangesAsync().ConfigureAwait(false);
        }
        finally
        {
            _entities.Release();
        }
    }

    private async Task RecoverExchangesAsync()
    {
        try
        {
            await Task.Yield();
        }
        catch (Exception ex)
        {
            try
            {
                _entities.Release();
                await _handler(ex).ConfigureAwait(false);
            }
            finally
            {
                await _entities.WaitAsync().ConfigureAwait(false);
            }
        }
    }
}");

        [Fact]
        public Task ACalleeThatWaitsForTheCallersSemaphoreWithoutReleasingItIsLock004() => VerifyAsync(@"
class Connection
{
    private readonly SemaphoreSlim _entities = new SemaphoreSlim(1, 1);

    public async Task RecoverAsync()
    {
        await {|#1:_entities.WaitAsync()|}.ConfigureAwait(false);
        try
        {
            await {|#0:RecoverExchangesAsync()|}.ConfigureAwait(false);
        }
        finally
        {
            _entities.Release();
        }
    }

    private async Task RecoverExchangesAsync()
    {
        await _entities.WaitAsync().ConfigureAwait(false);
        _entities.Release();
    }
}",
            Diagnostic("LOCK004").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'this._entities' (Exclusive) via Connection.RecoverExchangesAsync → Connection._entities.WaitAsync while 'this._entities' of the same class 'Connection._entities' is held (Exclusive): a SemaphoreSlim is not re-entrant: the second wait waits for the first, which this flow holds"));

        // A "lock already held" flag: the callee waits only when its caller says it does not hold the semaphore, and
        // the caller that holds it says so with a constant, directly or through a method that passes its own flag on
        // (RabbitMQ.Client's DeleteAutoDeleteExchangeAsync(…, recordedEntitiesSemaphoreHeld: true)).
        [Fact]
        public Task ACalleeThatWaitsOnlyWhenItsHeldFlagIsFalseIsNoReentryWhenPassedTrue() => VerifyAsync(HeldFlag("true").Replace("{|#1:", string.Empty).Replace("{|#0:", string.Empty).Replace("|}", string.Empty));

        [Fact]
        public Task ACalleeThatWaitsOnlyWhenItsHeldFlagIsFalseIsLock004WhenPassedFalse() => VerifyAsync(HeldFlag("false"),
            Diagnostic("LOCK004").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'this._entities' (Exclusive) via Connection.RemoveAsync → Connection.DeleteAsync → Connection._entities.WaitAsync while 'this._entities' of the same class 'Connection._entities' is held (Exclusive): a SemaphoreSlim is not re-entrant: the second wait waits for the first, which this flow holds"));

        // The same flag passed on from a parameter the body has tested: past `if (false == held) throw`, the body knows it
        // holds the semaphore (RabbitMQ.Client's RecoverQueuesAsync, which its callers run under the semaphore and which
        // lets a user handler run without it).
        [Fact]
        public Task AHeldFlagPassedOnAfterTheBodyTestedItIsNoReentry() => VerifyAsync(PassedOnFlag(@"
        if (false == entitiesHeld)
        {
            throw new InvalidOperationException(""the semaphore must be held"");
        }
").Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty));

        [Fact]
        public Task AHeldFlagPassedOnUntestedIsLock004() => VerifyAsync(PassedOnFlag(string.Empty),
            Diagnostic("LOCK004").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'this._entities' (Exclusive) via Connection.DeleteAsync → Connection._entities.WaitAsync while 'this._entities' of the same class 'Connection._entities' is held (Exclusive): a SemaphoreSlim is not re-entrant: the second wait waits for the first, which this flow holds"));

        private static string PassedOnFlag(string test) => @"
class Connection
{
    private readonly SemaphoreSlim _entities = new SemaphoreSlim(1, 1);
    private readonly List<string> _names = new List<string>();
    private Func<Task> _handler = () => Task.CompletedTask;

    private async Task RecoverQueuesAsync(bool entitiesHeld)
    {" + test + @"
        await {|#0:DeleteAsync(""x"", entitiesHeld)|}.ConfigureAwait(false);
        {|#1:_entities.Release()|};
        try
        {
            await _handler().ConfigureAwait(false);
        }
        finally
        {
            await _entities.WaitAsync().ConfigureAwait(false);
        }
    }
" + DeleteUnlessHeld("!entitiesHeld") + @"
}";

        private static string HeldFlag(string passed) => @"
class Connection
{
    private readonly SemaphoreSlim _entities = new SemaphoreSlim(1, 1);
    private readonly List<string> _names = new List<string>();

    public async Task RecoverAsync()
    {
        await {|#1:_entities.WaitAsync()|}.ConfigureAwait(false);
        try
        {
            await {|#0:RemoveAsync(""x"", entitiesHeld: " + passed + @")|}.ConfigureAwait(false);
        }
        finally
        {
            _entities.Release();
        }
    }

    private Task RemoveAsync(string name, bool entitiesHeld) => DeleteAsync(name, entitiesHeld);
" + DeleteUnlessHeld("false == entitiesHeld") + @"
}";

        /// <summary>A method that waits for the semaphore only when its caller says, by <c>entitiesHeld</c>, that it does not hold it.</summary>
        private static string DeleteUnlessHeld(string notHeld) => @"
    internal async Task DeleteAsync(string name, bool entitiesHeld)
    {
        if (" + notHeld + @")
        {
            await _entities.WaitAsync().ConfigureAwait(false);
            try
            {
                _names.Remove(name);
            }
            finally
            {
                _entities.Release();
            }
        }
        else
        {
            _names.Remove(name);
        }
    }";

        // A helper handed its owner's lock through its constructor and storing it in a field of its own locks the owner's
        // monitor under another name: no order between the two (WCF's ServiceChannelManager and its ChannelCollection).
        [Fact]
        public Task ALockHandedToAHelpersConstructorIsTheLockItWasHanded() => VerifyAsync(HandedLock("_thisLock").Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty));

        [Fact]
        public Task AHelperHandedAnotherLockHasALockOfItsOwn() => VerifyAsync(HandedLock("new object()"),
            Diagnostic("LOCK008").WithLocation(0).WithLocation(1)
                .WithMessage("Lock-order inversion Collection._syncRoot → Manager._thisLock → Collection._syncRoot: Collection._syncRoot → Manager._thisLock in Collection.Add via Manager.OnChanged → lock (Manager._thisLock) (Test0.cs:48), Manager._thisLock → Collection._syncRoot in Manager.Add via Collection.Add → lock (Collection._syncRoot) (Test0.cs:18); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        private static string HandedLock(string handed) => @"
class Manager
{
    private readonly object _thisLock = new object();
    private Collection? _channels;
    private int _busy;

    public void Add(string channel)
    {
        lock (_thisLock)
        {
            _channels ??= new Collection(this, " + handed + @");
            {|#1:_channels.Add(channel)|};
        }
    }

    internal void OnChanged()
    {
        lock (_thisLock)
        {
            _busy++;
        }
    }
}

class Collection
{
    private readonly Manager _manager;
    private readonly object _syncRoot;
    private readonly List<string> _items = new List<string>();

    public Collection(Manager manager, object syncRoot)
    {
        _manager = manager;
        _syncRoot = syncRoot ?? throw new ArgumentNullException(nameof(syncRoot));
    }

    public void Add(string item)
    {
        lock (_syncRoot)
        {
            _items.Add(item);
            {|#0:_manager.OnChanged()|};
        }
    }
}";

        // A ReaderWriterLockSlim reached through an interface (MongoDB.Bson's IBsonSerializationDomain.ConfigLock): the
        // compilation shows no creation of the interface's lock, which may support recursion, so entering it again is
        // not reported; reached through the class whose property returns a non-recursive lock, it is.
        [Fact]
        public Task AReaderWriterLockOfUnknownRecursionReachedThroughAnInterfaceIsNotReported() => VerifyAsync(RwlsThrough("IDomain", "LockRecursionPolicy.SupportsRecursion"));

        [Fact]
        public Task AReaderWriterLockOfUnknownRecursionIsNotReportedWhateverTheImplementation() => VerifyAsync(RwlsThrough("IDomain", "LockRecursionPolicy.NoRecursion"));

        [Fact]
        public Task ANonRecursiveReaderWriterLockReachedThroughItsClassIsLock004() => VerifyAsync(RwlsThrough("Domain", "LockRecursionPolicy.NoRecursion"),
            Diagnostic("LOCK004").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'this._domain._configLock' (Exclusive) via Registry.Register → Domain._configLock.EnterWriteLock while 'this._domain._configLock' of the same class 'Domain._configLock' is held (Exclusive): this ReaderWriterLockSlim is not created with LockRecursionPolicy.SupportsRecursion, so a second entry throws LockRecursionException"));

        private static string RwlsThrough(string domainType, string policy) => @"
interface IDomain
{
    ReaderWriterLockSlim ConfigLock { get; }
}

sealed class Domain : IDomain
{
    private readonly ReaderWriterLockSlim _configLock = new ReaderWriterLockSlim(" + policy + @");

    public ReaderWriterLockSlim ConfigLock => _configLock;
}

sealed class Registry
{
    private readonly " + domainType + @" _domain;
    private readonly Dictionary<string, int> _maps = new Dictionary<string, int>();

    public Registry(" + domainType + @" domain) => _domain = domain;

    public int Lookup(string name)
    {
        {|#1:_domain.ConfigLock.EnterWriteLock()|};
        try
        {
            if (!_maps.ContainsKey(name))
            {
                {|#0:Register(name)|};
            }

            return _maps[name];
        }
        finally
        {
            _domain.ConfigLock.ExitWriteLock();
        }
    }

    public void Register(string name)
    {
        _domain.ConfigLock.EnterWriteLock();
        try
        {
            _maps[name] = name.Length;
        }
        finally
        {
            _domain.ConfigLock.ExitWriteLock();
        }
    }
}";

        // The monitor of a SemaphoreSlim object and the semaphore's count are two different locks (SqlClient's
        // SyncAsyncLock): waiting on the semaphore while holding its monitor is no re-entry; waiting twice is.
        [Fact]
        public Task TheMonitorOfASemaphoreIsNotTheSemaphore() => VerifyAsync(@"
class SyncAsyncLock
{
    private readonly SemaphoreSlim _semaphore = new SemaphoreSlim(1, 1);

    public void Wait(bool canReleaseFromAnyThread)
    {
        Monitor.Enter(_semaphore);
        try
        {
            if (canReleaseFromAnyThread)
            {
                _semaphore.Wait();
                _semaphore.Release();
            }
        }
        finally
        {
            Monitor.Exit(_semaphore);
        }
    }

    public void WaitTwice()
    {
        Monitor.Enter(_semaphore);
        try
        {
            {|#1:_semaphore.Wait()|};
            {|#0:_semaphore.Wait()|};
            _semaphore.Release();
            _semaphore.Release();
        }
        finally
        {
            Monitor.Exit(_semaphore);
        }
    }
}",
            Diagnostic("LOCK004").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'this._semaphore' (Exclusive) while 'this._semaphore' of the same class 'SyncAsyncLock._semaphore' is held (Exclusive): a SemaphoreSlim is not re-entrant: the second wait waits for the first, which this flow holds"));

        // LOCK005: 'ref bool taken' set by Enter on one branch and by TryEnter on the other, released iff taken
        // (NLog's AsyncTaskTarget.Write).
        [Fact]
        public Task ARefTakenFlagSetByEnterOrTryEnterIsReleasedIffTaken() => VerifyAsync(@"
class Target
{
    private readonly object _syncRoot = new object();
    private object _previous;

    public void Write()
    {
        bool lockTaken = false;
        try
        {
            if (_previous is null)
                Monitor.Enter(_syncRoot, ref lockTaken);
            else
                Monitor.TryEnter(_syncRoot, 50, ref lockTaken);

            _previous = new object();
        }
        finally
        {
            if (lockTaken)
                Monitor.Exit(_syncRoot);
        }
    }
}");

        // The taken flag tested in the body as well as in the finally (vs-threading's GetHangReport).
        [Fact]
        public Task ATakenFlagTestedInTheBodyAndTheFinallyIsReleasedIffTaken() => VerifyAsync(@"
class HangReport
{
    private readonly object syncObject = new object();

    public string Create()
    {
        bool lockAcquired = false;
        try
        {
            Monitor.TryEnter(this.syncObject, 1000, ref lockAcquired);
            string report = ""report"";
            if (!lockAcquired)
            {
                report += "" (warning: failed to acquire our own lock)"";
            }

            return report;
        }
        finally
        {
            if (lockAcquired)
            {
                Monitor.Exit(this.syncObject);
            }
        }
    }
}");

        [Fact]
        public Task ATakenFlagNeverReleasedIsLock005() => VerifyAsync(@"
class HangReport
{
    private readonly object syncObject = new object();

    public string Create()
    {
        bool lockAcquired = false;
        {|#0:Monitor.TryEnter(this.syncObject, 1000, ref lockAcquired)|};
        return lockAcquired ? ""report"" : ""no report"";
    }
}",
            Diagnostic("LOCK005").WithLocation(0)
                .WithMessage("'HangReport.syncObject' (Exclusive) taken here is still held when 'HangReport.Create' returns: release it on every path, or declare [Acquires(nameof(syncObject), LockMode.Exclusive)] on 'HangReport.Create'"));

        [Fact]
        public Task ATakenFlagTestedButNeverReleasedIsLock005() => VerifyAsync(@"
class HangReport
{
    private readonly object syncObject = new object();

    public string Create()
    {
        bool lockAcquired = false;
        {|#0:Monitor.TryEnter(this.syncObject, 1000, ref lockAcquired)|};
        if (lockAcquired)
        {
            Console.WriteLine(""locked"");
        }

        return ""report"";
    }
}",
            Diagnostic("LOCK005").WithLocation(0)
                .WithMessage("'HangReport.syncObject' (Exclusive) taken here is still held when 'HangReport.Create' returns: release it on every path, or declare [Acquires(nameof(syncObject), LockMode.Exclusive)] on 'HangReport.Create'"));

        // The timed async try-acquisition awaited through ConfigureAwait(false) (RabbitMQ.Client's MainSession).
        [Fact]
        public Task AnAwaitedTimedWaitThroughConfigureAwaitIsATryAcquisition() => VerifyAsync(@"
class Session
{
    private readonly SemaphoreSlim _closing = new SemaphoreSlim(1, 1);
    private bool _isClosing;

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (await _closing.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false))
        {
            try
            {
                _isClosing = true;
            }
            finally
            {
                _closing.Release();
            }
        }
    }
}");

        [Fact]
        public Task AnAwaitedTimedWaitThroughConfigureAwaitNeverReleasedIsLock005() => VerifyAsync(@"
class Session
{
    private readonly SemaphoreSlim _closing = new SemaphoreSlim(1, 1);
    private bool _isClosing;

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (await {|#0:_closing.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken)|}.ConfigureAwait(false))
        {
            _isClosing = true;
        }
    }
}",
            Diagnostic("LOCK005").WithLocation(0)
                .WithMessage("'Session._closing' (Exclusive) taken here is still held when 'Session.CloseAsync' returns: release it on every path, or declare [Acquires(nameof(_closing), LockMode.Exclusive)] on 'Session.CloseAsync'"));

        // One of two try-acquisitions chosen by a conditional expression (npgsql's NpgsqlDataSource.Bootstrap).
        [Fact]
        public Task ATryAcquisitionChosenByAConditionalExpressionIsReleasedIffTaken() => VerifyAsync(@"
class DataSource
{
    private readonly SemaphoreSlim _setup = new SemaphoreSlim(1, 1);

    public async Task Bootstrap(bool async, TimeSpan timeout)
    {
        var hasSemaphore = async
            ? await _setup.WaitAsync(timeout).ConfigureAwait(false)
            : _setup.Wait(timeout);

        if (!hasSemaphore)
            throw new TimeoutException();

        try
        {
            Console.WriteLine(""loading types"");
        }
        finally
        {
            _setup.Release();
        }
    }
}");
    }
}
