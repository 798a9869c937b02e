using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules.CodeUnderLock
{
    /// <summary>
    /// An event raised under a lock runs every handler the compilation subscribes; a virtual or interface call runs any
    /// override in sight (DESIGN §14). What the compilation cannot see is LOCK013.
    /// </summary>
    public sealed class EventAndOverrideUnderLockTests
    {
        [Fact]
        public Task EventRaisedUnderALockRunsItsHandlersThere() => VerifyAsync(@"
class Cache
{
    private readonly object _sync = new object();
    internal event EventHandler? Changed;

    internal void Set()
    {
        lock (_sync)
        {
            Changed?{|#0:.Invoke(this, EventArgs.Empty)|};
        }
    }
}

class View
{
    private readonly object _render = new object();
    private readonly Cache _cache = new Cache();

    View()
    {
        _cache.Changed += OnChanged;
    }

    void OnChanged(object? sender, EventArgs e)
    {
        lock (_render)
        {
        }
    }

    void Paint()
    {
        lock (_render)
        {
            {|#1:_cache.Set()|};
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(0).WithLocation(1)
                .WithMessage("Lock-order inversion Cache._sync → View._render → Cache._sync: Cache._sync → View._render in Cache.Set via callback View.OnChanged → lock (View._render) (Test0.cs:16), View._render → Cache._sync in View.Paint via Cache.Set → lock (Cache._sync) (Test0.cs:42); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task LambdaHandlersAndAHandlerLocalRunToo() => VerifyAsync(@"
class Cache
{
    private readonly object _sync = new object();
    internal event Action? Changed;

    internal void Set()
    {
        lock (_sync)
        {
            var handler = Changed;
            handler?{|#0:.Invoke()|};
        }
    }
}

class View
{
    private readonly object _render = new object();
    private readonly Cache _cache = new Cache();

    View()
    {
        _cache.Changed += () => { lock (_render) { } };
    }

    void Paint()
    {
        lock (_render)
        {
            {|#1:_cache.Set()|};
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(0).WithLocation(1)
                .WithMessage("Lock-order inversion Cache._sync → View._render → Cache._sync: Cache._sync → View._render in Cache.Set via callback new View.lambda → lock (View._render) (Test0.cs:17), View._render → Cache._sync in View.Paint via Cache.Set → lock (Cache._sync) (Test0.cs:36); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task PublicEventRaisedUnderALockIsLock013() => VerifyAsync(@"
public class Cache
{
    private readonly object _sync = new object();
    public event EventHandler? Changed;

    public void Set()
    {
        lock ({|#1:_sync|})
        {
            Changed?{|#0:.Invoke(this, EventArgs.Empty)|};
        }
    }

    public void SetThenRaise()
    {
        lock (_sync)
        {
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }
}",
            Diagnostic("LOCK013").WithLocation(0).WithLocation(1).WithSeverity(DiagnosticSeverity.Info)
                .WithMessage("Raising event 'Changed' runs while 'Cache._sync' is held (Exclusive): handlers outside this compilation can subscribe, and one that takes another lock or waits deadlocks with this one"));

        // With a handler in sight the analysis follows it (and finds the inversion) instead of reminding about strangers.
        [Fact]
        public Task PublicEventWithAHandlerInSightIsCheckedThroughItsHandler() => VerifyAsync(@"
public class Cache
{
    private readonly object _sync = new object();
    public event EventHandler? Changed;

    public void Set()
    {
        lock (_sync)
        {
            Changed?{|#1:.Invoke(this, EventArgs.Empty)|};
        }
    }

    public void Get()
    {
        lock (_sync)
        {
        }
    }
}

public class View
{
    private readonly object _state = new object();
    private readonly Cache _cache;

    public View(Cache cache)
    {
        _cache = cache;
        _cache.Changed += OnChanged;
    }

    public void Refresh()
    {
        lock (_state)
        {
            {|#0:_cache.Get()|};
        }
    }

    private void OnChanged(object? sender, EventArgs e)
    {
        lock (_state)
        {
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(1).WithLocation(0)
                .WithMessage("Lock-order inversion Cache._sync → View._state → Cache._sync: Cache._sync → View._state in Cache.Set via callback View.OnChanged → lock (View._state) (Test0.cs:16), View._state → Cache._sync in View.Refresh via Cache.Get → lock (Cache._sync) (Test0.cs:43); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        // An event every component subscribes to, each on its own object: raising it on one object runs that object's
        // handlers only, so the union of more than a handful is not followed (PowerShell's PSDataCollection.DataAdded).
        [Fact]
        public Task AnEventWithMoreHandlersThanTheBoundIsNotFollowed() => VerifyAsync(@"
public class Collection
{
    private readonly object _sync = new object();
    public event EventHandler? DataAdded;

    public void Add()
    {
        lock (_sync)
        {
            DataAdded?.Invoke(this, EventArgs.Empty);
        }
    }

    public void Count()
    {
        lock (_sync)
        {
        }
    }
}

public class Command
{
    private readonly object _state = new object();

    public void Watch(Collection output, Collection error, Collection warning, Collection debug, Collection verbose)
    {
        output.DataAdded += OnOutput;
        error.DataAdded += OnError;
        warning.DataAdded += OnWarning;
        debug.DataAdded += OnDebug;
        verbose.DataAdded += OnVerbose;
    }

    public void Report(Collection results)
    {
        lock (_state)
        {
            results.Count();
        }
    }

    private void OnOutput(object? sender, EventArgs e) { lock (_state) { } }
    private void OnError(object? sender, EventArgs e) { lock (_state) { } }
    private void OnWarning(object? sender, EventArgs e) { lock (_state) { } }
    private void OnDebug(object? sender, EventArgs e) { lock (_state) { } }
    private void OnVerbose(object? sender, EventArgs e) { lock (_state) { } }
}");

        [Fact]
        public Task VirtualCallUnderALockRunsTheOverridesInSight() => VerifyAsync(@"
abstract class Handler
{
    public abstract void Handle();
}

sealed class AuditHandler : Handler
{
    internal static readonly object Audit = new object();

    public override void Handle()
    {
        lock (Audit)
        {
            Dispatcher.Enqueue();
        }
    }
}

static class Dispatcher
{
    private static readonly object s_queue = new object();

    public static void Enqueue()
    {
        lock (s_queue)
        {
        }
    }

    public static void Run(Handler handler)
    {
        lock (s_queue)
        {
            {|#0:handler.Handle()|};
        }
    }
}",
            Diagnostic("LOCK008").WithSpan(20, 13, 20, 33).WithLocation(0)
                .WithMessage("Lock-order inversion AuditHandler.Audit → Dispatcher.s_queue → AuditHandler.Audit: AuditHandler.Audit → Dispatcher.s_queue in AuditHandler.Handle via Dispatcher.Enqueue → lock (Dispatcher.s_queue) (Test0.cs:20), Dispatcher.s_queue → AuditHandler.Audit in Dispatcher.Run via Handler.Handle → AuditHandler.Handle → lock (AuditHandler.Audit) (Test0.cs:40); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task InterfaceCallUnderALockRunsTheImplementationsInSight() => VerifyAsync(@"
interface IStore
{
    void Save();
}

sealed class Disk : IStore
{
    internal static readonly object Io = new object();

    public void Save()
    {
        lock (Io)
        {
            Journal.Append();
        }
    }
}

static class Journal
{
    private static readonly object s_log = new object();

    public static void Append()
    {
        lock (s_log)
        {
        }
    }

    public static void Flush(IStore store)
    {
        lock (s_log)
        {
            {|#0:store.Save()|};
        }
    }
}",
            Diagnostic("LOCK008").WithSpan(20, 13, 20, 29).WithLocation(0)
                .WithMessage("Lock-order inversion Disk.Io → Journal.s_log → Disk.Io: Disk.Io → Journal.s_log in Disk.Save via Journal.Append → lock (Journal.s_log) (Test0.cs:20), Journal.s_log → Disk.Io in Journal.Flush via IStore.Save → Disk.Save → lock (Disk.Io) (Test0.cs:40); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task InterfaceMemberWithNoImplementationInSightIsLock013() => VerifyAsync(@"
public interface IPlugin
{
    void Run();
}

class Host
{
    private readonly object _sync = new object();

    void Start(IPlugin plugin)
    {
        lock ({|#1:_sync|})
        {
            {|#0:plugin.Run()|};
        }
    }
}",
            Diagnostic("LOCK013").WithLocation(0).WithLocation(1).WithSeverity(DiagnosticSeverity.Info)
                .WithMessage("'IPlugin.Run' runs while 'Host._sync' is held (Exclusive): no implementation of it is in this compilation, and one outside it that takes another lock or waits deadlocks with this one"));
    }
}
