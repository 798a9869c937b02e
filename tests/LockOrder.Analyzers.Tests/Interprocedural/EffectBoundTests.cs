using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using LockOrder.Analyzers.Interprocedural;
using Xunit;

namespace LockOrder.Analyzers.Tests.Interprocedural
{
    /// <summary>
    /// A call under a lock is settled without its callee's summary when the syntactic bound on the callee's effects
    /// shows nothing could be reported. A bound that left out a lock class would silently drop a LOCK001, so: the bound
    /// must name the class of every lock a callee's calls wait for — explicit, the receiver's, or the BCL lock object's —
    /// and must be absent wherever the syntax does not say which class that is, or where the summary could stop at one of its bounds.
    /// (Every program of the repository is checked the same way in <see cref="SyntacticEffectScreenTests"/>.)
    /// </summary>
    public sealed class EffectBoundTests
    {
        private const string Usings = "using System;\nusing LockOrder;\n";

        [Fact]
        public void TheBoundNamesTheLockClassOfEveryReceiverAndEveryFault()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
sealed class BusLock : MutexLock
{
    public void Reset() { Enter(); Exit(); }
}

class Device
{
    readonly VmaLock vma = new VmaLock();
    readonly MemoryLock memory = new MemoryLock();
    readonly BusLock bus = new BusLock();
    readonly UserBuffer user = null!;

    void Map() { using (vma.Lock()) { } }
    void Peek() { using (this.memory.Read()) { } }
    void Reset() => bus.Reset();
    void Copy() => user.CopyFromUser(new byte[1]);
    public void All() { Map(); Peek(); Reset(); Copy(); }
}");
            var all = test.Method("Device", "All");
            var bound = new SyntacticEffectScreen(test.Model).Bound(all, CancellationToken.None);

            Assert.NotNull(bound);
            // Enter() inside BusLock is called on `this`: the lock it takes is a BusLock, not a MutexLock.
            Assert.Equal(new[] { "BusLock", "MemoryLock", "VmaLock" }, bound!.LockClasses.Select(c => c.Display).OrderBy(n => n).ToArray());
            Assert.True(bound.MayFault);
            Assert.Null(SyntacticEffectScreenTests.Uncovered(bound, test.Summary("Device", "All")));
        }

        [Fact]
        public void ACalleeThatTakesNoLockAndCannotFaultHasAnEmptyBound()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Device
{
    int count;
    void Count() => count++;
    public void Top() { Count(); Console.WriteLine(count); }
}");
            var bound = new SyntacticEffectScreen(test.Model).Bound(test.Method("Device", "Top"), CancellationToken.None);

            Assert.NotNull(bound);
            Assert.Empty(bound!.LockClasses);
            Assert.False(bound.MayFault);
        }

        /// <summary>(name, the subject's declaration) where <c>Subject.Target</c> takes a lock on a receiver whose class the syntax does not give.</summary>
        public static IEnumerable<object[]> ReceiversWhoseClassTheSyntaxDoesNotGive() => new[]
        {
            new object[] { "a member of a member", "class Holder { public VmaLock Vma = new VmaLock(); } class Subject { Holder h = new Holder(); public void Target() { using (h.Vma.Lock()) { } } }" },
            new object[] { "a method's result", "class Subject { VmaLock vma = new VmaLock(); VmaLock Get() => vma; public void Target() { using (Get().Lock()) { } } }" },
            new object[] { "a local", "class Subject { public void Target() { var vma = new VmaLock(); vma.Enter(); vma.Exit(); } }" },
            new object[] { "a conditional access", "class Subject { VmaLock? vma = new VmaLock(); public void Target() { vma?.Enter(); vma?.Exit(); } }" },
            new object[] { "a type parameter's value", "class Subject { public void Target() => Take(new VmaLock()); void Take<T>(T lk) where T : MutexLock { using (lk.Lock()) { } } }" },
            new object[] { "a generic lock class", "sealed class Keyed<T> : MutexLock { } class Subject { Keyed<int> k = new Keyed<int>(); public void Target() { using (k.Lock()) { } } }" },
            new object[] { "a cast", "class Subject { VmaLock vma = new VmaLock(); public void Target() { using (((MutexLock)vma).Lock()) { } } }" },
        };

        [Theory]
        [MemberData(nameof(ReceiversWhoseClassTheSyntaxDoesNotGive))]
        public void AReceiverWhoseClassTheSyntaxDoesNotGiveLeavesNoBound(string way, string subject)
        {
            var test = SummaryTestCompilation.Create(Usings + subject);
            var target = test.Method("Subject", "Target");

            Assert.True(test.Summary("Subject", "Target").Effects.Length > 0, $"{way}: the case must really take a lock");
            Assert.Null(new SyntacticEffectScreen(test.Model).Bound(target, CancellationToken.None));
        }

        [Fact]
        public void TheBoundNamesTheClassOfEveryBclLockWhoseObjectTheSyntaxNames()
        {
            var test = SummaryTestCompilation.Create(Usings + "using System.Threading;\n" + @"
class Cache
{
    const string Named = ""cache"";
    static readonly object s_registry = new object();
    readonly object _sync = new object();
    readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    readonly ReaderWriterLockSlim _rw = new ReaderWriterLockSlim();
    readonly Mutex _mutex = new Mutex();
    readonly Lock _lock = new Lock();
    SpinLock _spin = new SpinLock(false);

    void Sync() { lock (_sync) { } }
    void This() { lock (this) { } }
    void Literal() { lock (""literal"") { } }
    void Constant() { lock (Named) { } }
    void Registry() { bool taken = false; try { Monitor.Enter(s_registry, ref taken); } finally { if (taken) Monitor.Exit(s_registry); } }
    void Gate() { _gate.Wait(); _gate.Release(); }
    void Read() { _rw.EnterReadLock(); _rw.ExitReadLock(); }
    void Owned() { _mutex.WaitOne(); _mutex.ReleaseMutex(); }
    void Scope() { using (_lock.EnterScope()) { } }
    void Spin() { bool taken = false; this._spin.Enter(ref taken); if (taken) _spin.Exit(); }
    void Alias() { object sync = _sync; var again = sync; lock (again) { } }
    public void All() { Sync(); This(); Literal(); Constant(); Registry(); Gate(); Read(); Owned(); Scope(); Spin(); Alias(); }
}");
            var bound = new SyntacticEffectScreen(test.Model).Bound(test.Method("Cache", "All"), CancellationToken.None);

            Assert.NotNull(bound);
            Assert.Equal(
                new[] { "\"cache\"", "\"literal\"", "Cache._gate", "Cache._lock", "Cache._mutex", "Cache._rw", "Cache._spin", "Cache._sync", "Cache.s_registry", "Cache.this" },
                bound!.LockClasses.Select(c => c.Display).OrderBy(n => n, System.StringComparer.Ordinal).ToArray());

            // A mutex's WaitOne is its lock, not a wait on an event.
            Assert.False(bound.MayWait);
            Assert.Null(SyntacticEffectScreenTests.Uncovered(bound, test.Summary("Cache", "All")));
        }

        /// <summary>(name, the subject's declaration) where <c>Subject.Target</c> takes a BCL lock on an object the syntax does not name.</summary>
        public static IEnumerable<object[]> BclLockObjectsTheSyntaxDoesNotName() => new[]
        {
            new object[] { "a local of another declared type", "class Subject { readonly Mutex m = new Mutex(); public void Target() { WaitHandle h = m; h.WaitOne(); } }" },
            new object[] { "another object's field", "class Other { public readonly object Sync = new object(); } class Subject { readonly Other other = new Other(); public void Target() { lock (other.Sync) { } } }" },
            new object[] { "an element of an array", "class Subject { readonly object[] locks = { new object() }; public void Target() { lock (locks[0]) { } } }" },
            new object[] { "a property", "class Subject { object Sync { get; } = new object(); public void Target() { lock (Sync) { } } }" },
            new object[] { "a named argument", "class Subject { readonly object sync = new object(); public void Target() { bool t = false; Monitor.Enter(lockTaken: ref t, obj: sync); Monitor.Exit(sync); } }" },
        };

        [Theory]
        [MemberData(nameof(BclLockObjectsTheSyntaxDoesNotName))]
        public void ABclLockObjectTheSyntaxDoesNotNameLeavesNoBound(string way, string subject)
        {
            var test = SummaryTestCompilation.Create(Usings + "using System.Threading;\n" + subject);
            var target = test.Method("Subject", "Target");

            Assert.True(test.Summary("Subject", "Target").Effects.Length > 0, $"{way}: the case must really take a lock or wait");
            Assert.Null(new SyntacticEffectScreen(test.Model).Bound(target, CancellationToken.None));
        }

        /// <summary>
        /// (name, the subject's declaration) where <c>Subject.Target</c> takes a BCL lock whose object neither the syntax nor
        /// the analysis names (so the lock is not tracked at all): the screen must not name one either.
        /// </summary>
        public static IEnumerable<object[]> BclLockObjectsNothingNames() => new[]
        {
            new object[] { "a parameter", "class Subject { public void Target() => Take(new object()); void Take(object o) { lock (o) { } } }" },
            new object[] { "a local given two values", "class Subject { object a = new object(), b = new object(); public void Target() { var o = a; o = b; lock (o) { } } }" },
            new object[] { "a local written in a lambda", "class Subject { object a = new object(), b = new object(); public void Target() { var o = a; Action set = () => o = b; set(); lock (o) { } } }" },
            new object[] { "a local passed by ref", "class Subject { object a = new object(), b = new object(); public void Target() { var o = a; Swap(ref o); lock (o) { } } void Swap(ref object o) => o = b; }" },
            new object[] { "a semaphore that is no lock", "class Subject { readonly SemaphoreSlim pool = new SemaphoreSlim(4); public void Target() { pool.Wait(); pool.Release(); } }" },
        };

        [Theory]
        [MemberData(nameof(BclLockObjectsNothingNames))]
        public void ABclLockObjectNothingNamesLeavesNoBound(string way, string subject)
        {
            var test = SummaryTestCompilation.Create(Usings + "using System.Threading;\n" + subject);

            Assert.True(new SyntacticEffectScreen(test.Model).Bound(test.Method("Subject", "Target"), CancellationToken.None) is null, way);
        }

        [Fact]
        public void AClassIsThisRootedOnlyWhereEveryPathToItsAcquisitionStaysOnTheSameObject()
        {
            var test = SummaryTestCompilation.Create(Usings + "using System.Threading;\n" + @"
class Node
{
    static readonly object s_shared = new object();
    readonly object _sync = new object();
    readonly object _other = new object();
    readonly Node _next = null!;

    void Helper() { lock (_sync) { } }
    void Shared() { lock (s_shared) { } }
    void Other() { lock (_other) { } }
    public void Walk() { Helper(); this.Shared(); _next.Other(); }
}");
            var bound = new SyntacticEffectScreen(test.Model).Bound(test.Method("Node", "Walk"), CancellationToken.None);

            Assert.NotNull(bound);
            Assert.Equal(new[] { "Node._other", "Node._sync", "Node.s_shared" }, bound!.LockClasses.Select(c => c.Display).OrderBy(n => n, System.StringComparer.Ordinal).ToArray());

            // _other is taken on the next node, which the class alone does not name.
            Assert.Equal(new[] { "Node._sync", "Node.s_shared" }, bound.ThisRootedLockClasses.Select(c => c.Display).OrderBy(n => n, System.StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public void ARecursiveGroupAsLargeAsTheSummaryFixpointRoundsLeavesNoBound()
        {
            int rounds = SummaryProvider.MaxFixpointIterations;
            var test = SummaryTestCompilation.Create(Usings + Ring("Large", rounds) + Ring("Small", rounds - 1));
            var screen = new SyntacticEffectScreen(test.Model);

            Assert.Null(screen.Bound(test.Method("Large", "M0"), CancellationToken.None));
            var small = screen.Bound(test.Method("Small", "M0"), CancellationToken.None);
            Assert.NotNull(small);
            Assert.Equal("VmaLock", Assert.Single(small!.LockClasses).Display);
        }

        [Fact]
        public void MoreMembersThanAProofMayVisitLeaveNoBound()
        {
            int length = SyntacticEffectScreen.MaxMethodsPerProof + 10;
            var source = new StringBuilder("class Chain\n{\n    static readonly VmaLock Vma = new VmaLock();\n");
            for (int i = 0; i < length - 1; i++)
            {
                source.Append("    public static void M").Append(i).Append("() => M").Append(i + 1).Append("();\n");
            }

            source.Append("    public static void M").Append(length - 1).Append("() => Vma.Enter();\n}\n");
            var test = SummaryTestCompilation.Create(Usings + source);
            var screen = new SyntacticEffectScreen(test.Model);

            Assert.Null(screen.Bound(test.Method("Chain", "M0"), CancellationToken.None));
            // From here the proof visits exactly as many members as it may: the rest of the chain and MutexLock.Enter.
            var nearTheEnd = screen.Bound(test.Method("Chain", "M" + (length - SyntacticEffectScreen.MaxMethodsPerProof + 1)), CancellationToken.None);
            Assert.Equal("VmaLock", Assert.Single(nearTheEnd!.LockClasses).Display);
        }

        /// <summary><paramref name="size"/> methods that call each other in a ring; the first also takes a <c>VmaLock</c>.</summary>
        private static string Ring(string name, int size)
        {
            var source = new StringBuilder("class ").Append(name).Append("\n{\n    readonly VmaLock vma = new VmaLock();\n");
            source.Append("    public void M0() { using (vma.Lock()) { } M1(); }\n");
            for (int i = 1; i < size; i++)
            {
                source.Append("    public void M").Append(i).Append("() => M").Append((i + 1) % size).Append("();\n");
            }

            return source.Append("}\n").ToString();
        }
    }
}
