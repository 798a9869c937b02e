using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules.CodeUnderLock
{
    /// <summary>
    /// A delegate runs under the locks held where it is invoked, not where it is created (DESIGN §14): a lambda in a
    /// local, a callback handed through helpers to a method that runs it under its own lock, the BCL's synchronous
    /// runners, <c>[InvokedSynchronously]</c> — while deferred work starts with nothing held.
    /// </summary>
    public sealed class DelegateUnderLockTests
    {
        [Fact]
        public Task DelegateLocalInvokedUnderALockTakesItsLocksThere() => VerifyAsync(@"
class Pair
{
    private readonly object _a = new object();
    private readonly object _b = new object();

    void First()
    {
        Action takeB = () => { lock (_b) { } };
        lock (_a)
        {
            {|#0:takeB()|};
        }
    }

    void Second()
    {
        lock (_b)
        {
            lock ({|#1:_a|})
            {
            }
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(0).WithLocation(1)
                .WithMessage("Lock-order inversion Pair._a → Pair._b → Pair._a: Pair._a → Pair._b in Pair.First via callback Pair.First.lambda → lock (Pair._b) (Test0.cs:17), Pair._b → Pair._a in Pair.Second (Test0.cs:25); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task CallbackHandedThroughTwoHelpersToAWalkRunsUnderTheWalksLock() => VerifyAsync(@"
class Bus
{
    private readonly object _bus = new object();

    public void Walk(Action<int> visit)
    {
        lock (_bus)
        {
            for (int slot = 0; slot < 4; slot++)
            {
                visit(slot);
            }
        }
    }
}

class Device
{
    private readonly object _dev = new object();
    private readonly Config _config = new Config();
    private readonly Bus _bus = new Bus();

    void ReportSlot(int slot)
    {
        lock (_dev)
        {
        }
    }

    void Survey(Action<int> visit) => Scan(visit);

    void Scan(Action<int> visit) => _bus.Walk(visit);

    public void Reset() => {|#0:Survey(ReportSlot)|};

    public void Configure()
    {
        lock (_dev)
        {
            {|#1:_config.Touch()|};
        }
    }
}

class Config
{
    private readonly object _cfg = new object();
    private readonly Memory _memory = new Memory();

    public void Touch()
    {
        lock (_cfg)
        {
        }
    }

    public void Write()
    {
        lock (_cfg)
        {
            {|#2:_memory.Disable()|};
        }
    }
}

class Memory
{
    private readonly object _mem = new object();

    public void Disable()
    {
        lock (_mem)
        {
        }
    }

    public void ResetBus(Bus bus)
    {
        lock (_mem)
        {
            {|#3:bus.Walk(slot => { })|};
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3)
                .WithMessage("Lock-order inversion Bus._bus → Device._dev → Config._cfg → Memory._mem → Bus._bus: Bus._bus → Device._dev in Device.Reset via Device.Survey → Device.Scan → Bus.Walk → callback Device.ReportSlot → lock (Device._dev) (Test0.cs:40), Device._dev → Config._cfg in Device.Configure via Config.Touch → lock (Config._cfg) (Test0.cs:46), Config._cfg → Memory._mem in Config.Write via Memory.Disable → lock (Memory._mem) (Test0.cs:67), Memory._mem → Bus._bus in Memory.ResetBus via Bus.Walk → lock (Bus._bus) (Test0.cs:87); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task ListForEachRunsItsLambdaUnderTheLockButTaskRunDoesNot() => VerifyAsync(@"
class Registry
{
    private readonly object _names = new object();
    private readonly object _ids = new object();
    private readonly List<int> _pending = new List<int>();

    void Flush()
    {
        lock (_names)
        {
            {|#0:_pending.ForEach(id => { lock (_ids) { } })|};
        }
    }

    void Deferred()
    {
        lock (_ids)
        {
            Task.Run(() => { lock (_names) { } });
            new Thread(() => { lock (_names) { } }).Start();
            Task.CompletedTask.ContinueWith(_ => { lock (_names) { } });
        }
    }

    void Renumber()
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
                .WithMessage("Lock-order inversion Registry._ids → Registry._names → Registry._ids: Registry._ids → Registry._names in Registry.Renumber (Test0.cs:35), Registry._names → Registry._ids in Registry.Flush via List.ForEach → callback Registry.Flush.lambda → lock (Registry._ids) (Test0.cs:17); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task TheSameLambdaHandedToTaskRunTakesNothingUnderTheLock() => VerifyAsync(@"
class Registry
{
    private readonly object _names = new object();
    private readonly object _ids = new object();

    void Flush()
    {
        lock (_names)
        {
            Action renumber = () => { lock (_ids) { } };
            Task.Run(renumber);
            ThreadPool.QueueUserWorkItem(_ => renumber());
        }
    }

    void Renumber()
    {
        lock (_ids)
        {
            lock (_names)
            {
            }
        }
    }
}");

        [Fact]
        public Task DelegateParameterOfAPublicMethodInvokedUnderALockIsLock013() => VerifyAsync(@"
public class Notifier
{
    private readonly object _sync = new object();

    public void Notify(Action callback)
    {
        lock ({|#1:_sync|})
        {
            {|#0:callback()|};
        }
    }

    internal void NotifyInside(Action callback)
    {
        lock (_sync)
        {
            callback();
        }
    }
}",
            Diagnostic("LOCK013").WithLocation(0).WithLocation(1).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
                .WithMessage("The delegate parameter 'callback' runs while 'Notifier._sync' is held (Exclusive): a caller outside this compilation can pass code that takes another lock or waits, and deadlocks with this one"));

        [Fact]
        public Task DelegateReadFromAFieldUnderALockIsLock013() => VerifyAsync(@"
class Timer
{
    private readonly object _sync = new object();
    private Action _tick = () => { };

    void Fire()
    {
        lock ({|#1:_sync|})
        {
            {|#0:_tick()|};
        }
    }
}",
            Diagnostic("LOCK013").WithLocation(0).WithLocation(1).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
                .WithMessage("The delegate '_tick' runs while 'Timer._sync' is held (Exclusive): it runs whatever code was stored in it, which this analysis does not follow"));

        [Fact]
        public async Task InvokedSynchronouslyOnAReferencedMethodsParameterRunsTheCallbackThere()
        {
            var test = Create(@"
class Registry
{
    private readonly object _names = new object();
    private readonly object _ids = new object();

    void Flush(Library.Walker walker)
    {
        lock (_names)
        {
            {|#0:walker.Each(() => { lock (_ids) { } })|};
        }
    }

    void Renumber()
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
                    .WithMessage("Lock-order inversion Registry._ids → Registry._names → Registry._ids: Registry._ids → Registry._names in Registry.Renumber (Test0.cs:24), Registry._names → Registry._ids in Registry.Flush via Walker.Each → callback Registry.Flush.lambda → lock (Registry._ids) (Test0.cs:16); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));
            var library = new ProjectState("Library", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/Library/", "cs");
            library.Sources.Add(("/Library/Walker.cs", @"
namespace Library
{
    public sealed class Walker
    {
        public void Each([LockOrder.InvokedSynchronously] System.Action visit) => visit();

        public void Later(System.Action visit) => System.Threading.Tasks.Task.Run(visit);
    }
}"));
            library.AdditionalReferences.Add(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(LockOrder.MmapLock).Assembly.Location));
            test.TestState.AdditionalProjects.Add("Library", library);
            test.TestState.AdditionalProjectReferences.Add("Library");
            await test.RunAsync();
        }
    }
}
