using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using LockOrder.Analyzers.Tests.Robustness.Fuzzing;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using LockOrder.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace LockOrder.Analyzers.Tests.Interprocedural
{
    /// <summary>
    /// The syntactic screen lets a summary skip binding a callee whose syntax proves it can neither wait for a lock
    /// nor fault. A wrong proof would silently drop a deadlock report, so: every way a body can call a member — named
    /// or implicit — must keep the screen from vouching for a callee that acts that way, and on every program of the
    /// repository no member the screen vouches for may have a non-empty bound summary.
    /// </summary>
    public sealed class SyntacticEffectScreenTests
    {
        private const string Prelude = @"using System;
using System.Collections;
using System.Collections.Generic;
using LockOrder;

public class Loud
{
    public readonly VmaLock Vma = new VmaLock();
    public void Op() { using (Vma.Lock()) { } }
    public virtual void Virtual() { }
    public int Value { get { using (Vma.Lock()) { return 1; } } set { using (Vma.Lock()) { } } }
    public int this[int i] { get { using (Vma.Lock()) { return i; } } }
    public event Action? Changed { add { using (Vma.Lock()) { } } remove { } }
}

public class Quiet
{
    public void Op() { }
    public int Value => 0;
}

public class Holder { public Loud Inner = new Loud(); }

public class Generic<T> { public void Op() => new Loud().Op(); }

public class LoudBase { public virtual void Op() => new Loud().Op(); }

public interface IDevice { [MayAcquire(typeof(VmaLock), LockMode.Exclusive)] void Op(); }

public class Bag : IEnumerable<int>
{
    private readonly VmaLock vma = new VmaLock();
    public void Add(int item) { using (vma.Lock()) { } }
    public IEnumerator<int> GetEnumerator() => throw new NotSupportedException();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public class Born
{
    private static readonly VmaLock Vma = new VmaLock();
    public Born() { using (Vma.Lock()) { } }
}

public static class Helpers { public static void Take(Loud loud) => loud.Op(); }

public static class QuietExtensions { public static void Shout(this Quiet quiet, Loud loud) => loud.Op(); }
";

        /// <summary>Declarations that make calls no name in a body shows; each case that needs one declares it itself.</summary>
        private const string Operators = @"
public class Summable
{
    private readonly VmaLock vma = new VmaLock();
    public static Summable operator +(Summable a, Summable b) { using (a.vma.Lock()) { return a; } }
    public static implicit operator int(Summable value) { using (value.vma.Lock()) { return 0; } }
}
";

        private const string Handler = @"
[System.Runtime.CompilerServices.InterpolatedStringHandler]
public ref struct LoudHandler
{
    public LoudHandler(int literalLength, int formattedCount) { new Loud().Op(); }
    public void AppendLiteral(string text) { }
    public void AppendFormatted<T>(T value) { }
}
";

        private readonly ITestOutputHelper output;

        public SyntacticEffectScreenTests(ITestOutputHelper output) => this.output = output;

        /// <summary>(name, extra usings, the subject's declaration, its type, the member whose summary is asked for).</summary>
        public static IEnumerable<object[]> WaysToReachALock() => new[]
        {
            Case("a method of this class", "class Subject { Loud loud = new Loud(); void Helper() => loud.Op(); public void Target() => Helper(); }"),
            Case("a field's method", "class Subject { Loud loud = new Loud(); public void Target() => loud.Op(); }"),
            Case("this.field's method", "class Subject { Loud loud = new Loud(); public void Target() => this.loud.Op(); }"),
            Case("a property named like its type", "class Subject { Loud Loud { get; } = new Loud(); public void Target() => Loud.Op(); }"),
            Case("a local that shadows a quiet field", "class Subject { Quiet loud = new Quiet(); public void Target() { var loud = new Loud(); loud.Op(); } }"),
            Case("a parameter that shadows a quiet field", "class Subject { Quiet loud = new Quiet(); public void Target() => Run(new Loud()); void Run(Loud loud) => loud.Op(); }"),
            Case("a parameter of a type parameter's type that shadows a quiet field", "class Subject { Quiet loud = new Quiet(); public void Target() => Run(new Loud()); void Run<T>(T loud) where T : Loud => loud.Op(); }"),
            Case("a foreach variable that shadows a quiet field", "class Subject { Quiet item = new Quiet(); public void Target() { foreach (var item in new[] { new Loud() }) item.Op(); } }"),
            Case("a pattern variable that shadows a quiet field", "class Subject { Quiet item = new Quiet(); object o = new Loud(); public void Target() { if (o is Loud item) item.Op(); } }"),
            Case("a catch variable that shadows a quiet field", "class LoudException : Exception { public void Op() => new Loud().Op(); } class Subject { Quiet e = new Quiet(); public void Target() { try { } catch (LoudException e) { e.Op(); } } }"),
            Case("a type parameter that shadows a quiet property", "public interface ILoudStatic { [MayAcquire(typeof(VmaLock), LockMode.Exclusive)] static abstract void Op(); } class Subject { Quiet T { get; } = new Quiet(); public void Target<T>() where T : ILoudStatic => T.Op(); }"),
            Case("a primary constructor's parameter", "class Subject(Loud next) { public void Target() => next.Op(); }"),
            Case("a setter's value", "class Subject { Quiet value = new Quiet(); public Loud Prop { set { value.Op(); } } }", member: "set_Prop"),
            Case("a static helper", "class Subject { public void Target() => Helpers.Take(new Loud()); }"),
            Case("a base class's static method through the derived class's name", "class LoudStatics { public static void Op() => new Loud().Op(); } class DerivedStatics : LoudStatics { } class Subject { public void Target() => DerivedStatics.Op(); }"),
            Case("a nested class's static method", "class Subject { static class Inner { public static void Op() => new Loud().Op(); } public void Target() => Inner.Op(); }"),
            Case("an annotated static method of a referenced assembly", "class Subject { public void Target() => LockValidator.MightFault(); }"),
            Case("an extension method on a field", "class Subject { Quiet quiet = new Quiet(); Loud loud = new Loud(); public void Target() => quiet.Shout(loud); }"),
            Case("an inherited property by simple name", "class Subject : Loud { public int Target() => Value; }"),
            Case("a field's property", "class Subject { Loud loud = new Loud(); public int Target() => loud.Value; }"),
            Case("an object initializer's setter", "class Subject { public Loud Target() => new Loud { Value = 1 }; }"),
            Case("a property pattern's getter", "class Subject { object o = new Loud(); public bool Target() => o is Loud { Value: 1 }; }"),
            Case("an extended property pattern's getter", "class Subject { object o = new Holder(); public bool Target() => o is Holder { Inner.Value: 1 }; }"),
            Case("a field's indexer", "class Subject { Loud loud = new Loud(); public int Target() => loud[0]; }"),
            Case("this class's inherited indexer", "class Subject : Loud { public int Target() => this[0]; }"),
            Case("a conditional indexer", "class Subject { Loud? loud = new Loud(); public int? Target() => loud?[0]; }"),
            Case("a conditional invocation", "class Subject { Loud? loud = new Loud(); public void Target() => loud?.Op(); }"),
            Case("a user-defined operator", Operators + "class Subject { Summable a = new Summable(); public Summable Target() => a + a; }"),
            Case("an implicit user-defined conversion", Operators + "class Subject { Summable a = new Summable(); public int Target() { int x = a; return x; } }"),
            Case("a constructor", "class Subject { public object Target() => new Born(); }"),
            Case("an alias-qualified constructor", "class Subject { public object Target() => new global::Born(); }"),
            Case("the implicit base constructor call", "class Subject : Born { public Subject() { } }", member: ".ctor"),
            Case("an event accessor", "class Subject { Loud loud = new Loud(); public void Target() => loud.Changed += () => { }; }"),
            Case("a collection initializer's Add", "class Subject { public object Target() => new Bag { 1 }; }"),
            Case("a using static import", "class Subject { public void Target() => Take(new Loud()); }", usings: "using static Helpers;\n"),
            Case("a constructor through an alias", "class Subject { public object Target() => new Made(); }", usings: "using Made = Born;\n"),
            Case("a local function", "class Subject { public void Target() { Run(); void Run() => new Loud().Op(); } }"),
            Case("a base class's method through base", "class Subject : LoudBase { public override void Op() { } public void Target() => base.Op(); }"),
            Case("a virtual method through a base-typed field", "class Subject { LoudBase b = new LoudBase(); public void Target() => b.Op(); }"),
            Case("an annotated interface member", "class Subject { IDevice d = null!; public void Target() => d.Op(); }"),
            Case("a generic field type's method", "class Subject { Generic<int> g = new Generic<int>(); public void Target() => g.Op(); }"),
            Case("an outer class's static method from a nested class", "class Subject { static Loud loud = new Loud(); static void Shout() => loud.Op(); public class Inner { public void Target() => Shout(); } }", type: "Subject+Inner"),
            Case("an interpolated string handler's constructor", Handler + "class Subject { static void Log(LoudHandler handler) { } public void Target() => Log($\"x{1}\"); }"),
            Case("a task's Result on a call's value", "class Subject { static System.Threading.Tasks.Task<int> Make() => System.Threading.Tasks.Task.FromResult(1); public int Target() => Make().Result; }"),
            Case("a thread's Join on a call's value", "class Subject { static System.Threading.Thread Make() => new System.Threading.Thread(() => { }); public void Target() => Make().Join(); }"),
            Case("an event's WaitOne on a call's value", "class Subject { static System.Threading.ManualResetEvent Make() => new System.Threading.ManualResetEvent(false); public void Target() => Make().WaitOne(); }"),
            Case("a monitor entered through its type's name", "class Subject { readonly object gate = new object(); public void Target() { System.Threading.Monitor.Enter(gate); System.Threading.Monitor.Exit(gate); } }"),
            Case("a semaphore waited for through a call's value", "class Subject { readonly System.Threading.SemaphoreSlim gate = new System.Threading.SemaphoreSlim(1, 1); System.Threading.SemaphoreSlim Gate() => gate; public void Target() { lock (this) { Gate().Wait(); } } }"),
            Case("a lambda local the body invokes", "class Subject { Loud loud = new Loud(); public void Target() { Action run = () => loud.Op(); run(); } }"),
            Case("a delegate local that shadows, inside an invoked lambda, a lambda local of the same name", "class Subject { Loud loud = new Loud(); public void Target() { Action run = () => { }; Action outer = () => { Action run = loud.Op; run(); }; run(); outer(); } }"),
            Case("a user-memory copy", "class Subject { UserBuffer buffer = null!; public void Target() => buffer.CopyFromUser(new byte[1]); }"),
        };

        [Theory]
        [MemberData(nameof(WaysToReachALock))]
        public void ACalleeThatReachesALockIsNeverVouchedFor(string way, string usings, string subject, string type, string member)
        {
            var test = SummaryTestCompilation.Create(usings + Prelude + subject);
            var target = test.Method(type, member);
            var reference = new SummaryProvider(test.Model, test.Options, screenBySyntax: false).GetSummary(target, CancellationToken.None);

            Assert.True(reference.Effects.Length > 0, $"{way}: the case must really reach a lock or a fault");
            var screen = new SyntacticEffectScreen(test.Model);
            Assert.False(screen.IsProvablyEffectFree(target, CancellationToken.None), way);
            Assert.Equal(Describe(reference), Describe(test.Summaries.GetSummary(target, CancellationToken.None)));
            Assert.True(Uncovered(screen.Bound(target, CancellationToken.None), reference) is null, $"{way}: {Uncovered(screen.Bound(target, CancellationToken.None), reference)}");
        }

        [Fact]
        public void OrdinaryCalleesAreVouchedForAndTheirSummariesStayEmpty()
        {
            // The shapes most code under a lock calls into: methods of this class and of a field's class, static
            // helpers, framework calls, interpolation, loops, a lambda (not run by the body that creates it). A
            // locking Op exists, so a name the screen resolved too loosely would show.
            var test = SummaryTestCompilation.Create(@"using System;
using System.Collections.Generic;
using LockOrder;

public class Loud
{
    public readonly VmaLock Vma = new VmaLock();
    public void Op() { using (Vma.Lock()) { } }
    public int this[int i] { get { using (Vma.Lock()) { return i; } } }
}

public class Quiet
{
    public void Op() { }
    public int Value => 0;
}

class Worker
{
    private readonly List<int> history = new List<int>();
    private readonly Quiet quiet = new Quiet();
    private Worker? next;

    public int Top(int seed, byte[] scratch) => Middle(seed, scratch) + (next?.Bottom(seed) ?? 0);

    public int Middle(int seed, byte[] scratch)
    {
        int total = seed;
        for (int i = 0; i < scratch.Length; i++)
        {
            total += scratch[i];
        }

        string text = $""value {total}"";
        var items = new List<int> { total, text.Length };
        foreach (int item in items)
        {
            total ^= item;
        }

        Func<int, int> later = value => { new Loud().Op(); return value; };
        Func<int, int> step = value => value * 3 + Bottom(value);
        total += step(total);
        history.Add(Math.Max(total, 1));
        quiet.Op();
        return Bottom(total) + Mix.Fold(total);
    }

    public int Bottom(int seed) => seed * 31 + quiet.Value;
}

static class Mix
{
    public static int Fold(int value) => value >> 1;
}");
            var screen = new SyntacticEffectScreen(test.Model);
            foreach (var name in new[] { "Top", "Middle", "Bottom" })
            {
                var method = test.Method("Worker", name);
                Assert.True(screen.IsProvablyEffectFree(method, CancellationToken.None), name);
                Assert.Equal(Describe(MethodSummary.Empty), Describe(new SummaryProvider(test.Model, test.Options, screenBySyntax: false).GetSummary(method, CancellationToken.None)));
            }
        }

        [Fact]
        public void NoMemberOfAnyRepositoryProgramIsVouchedForOrBoundedBelowItsBoundSummary()
        {
            var tally = new Tally();
            var stopwatch = Stopwatch.StartNew();
            foreach (var entry in SourceCorpus.All)
            {
                if (stopwatch.Elapsed > TimeSpan.FromSeconds(90))
                {
                    break;
                }

                CheckEveryMember(entry.Text, entry.Name, tally);
            }

            output.WriteLine($"{tally.Programs} programs in {stopwatch.Elapsed.TotalSeconds:F1} s: {tally.Vouched} members vouched for, {tally.WithEffects} with effects, {tally.BoundedWithEffects} of those bounded.");
            Assert.True(tally.Programs >= 100, $"only {tally.Programs} programs were checked");
            Assert.True(tally.Vouched >= 200 && tally.WithEffects >= 100, "the comparison must cover both kinds of member");
            Assert.True(tally.BoundedWithEffects >= 50, $"only {tally.BoundedWithEffects} members with effects had a bound");
            Assert.True(tally.Wrong.Count == 0, string.Join(Environment.NewLine, tally.Wrong.Take(10)));
        }

        [Fact]
        public void NoMemberOfAMutatedProgramIsVouchedForOrBoundedBelowItsBoundSummary()
        {
            // Mutations move calls, locks and user-memory copies into shapes no hand-written program has.
            var settings = FuzzSettings.FromEnvironment();
            var corpus = SourceCorpus.All;
            var tally = new Tally();
            var stopwatch = Stopwatch.StartNew();
            for (int index = settings.First; index < settings.First + 400 && stopwatch.Elapsed < TimeSpan.FromSeconds(45); index++)
            {
                var variant = SourceMutator.Variant(settings, index, corpus);
                CheckEveryMember(variant.Text, $"seed {settings.Seed}, variant {index} from {variant.Origin.Name} ({string.Join("; ", variant.Mutations)})", tally);
            }

            output.WriteLine($"{tally.Programs} mutated programs in {stopwatch.Elapsed.TotalSeconds:F1} s: {tally.Vouched} members vouched for, {tally.WithEffects} with effects, {tally.BoundedWithEffects} of those bounded.");
            Assert.True(tally.Programs >= 20 && tally.Vouched > 0 && tally.WithEffects > 0, "the comparison must cover both kinds of member");
            Assert.True(tally.Wrong.Count == 0, string.Join(Environment.NewLine, tally.Wrong.Take(10)));
        }

        /// <summary>
        /// For every member of <paramref name="source"/>: the screen vouches for it only if its bound summary is empty and
        /// complete, and bounds it only with every effect of that summary inside the bound and the summary complete.
        /// </summary>
        private static void CheckEveryMember(string source, string name, Tally tally)
        {
            var program = LockOrderVerifier.AsProgram(source);
            var compilation = BoundedAnalysis.Compile(program);
            var model = LockModel.Create(compilation);
            tally.Programs++;
            var options = new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty);
            var screen = new SyntacticEffectScreen(model);
            var reference = new SummaryProvider(model, options, screenBySyntax: false);
            foreach (var method in SourceMethods(compilation))
            {
                var summary = reference.GetSummary(method, CancellationToken.None);
                tally.WithEffects += summary.Effects.IsEmpty ? 0 : 1;
                if (screen.IsProvablyEffectFree(method, CancellationToken.None))
                {
                    tally.Vouched++;
                    if (!summary.Effects.IsEmpty || summary.Incomplete)
                    {
                        tally.Wrong.Add($"{name}: {method.ToDisplayString()} was vouched for, but its bound summary is {Describe(summary)}");
                    }
                }

                var bound = screen.Bound(method, CancellationToken.None);
                tally.BoundedWithEffects += bound is not null && !summary.Effects.IsEmpty ? 1 : 0;
                if (Uncovered(bound, summary) is { } uncovered)
                {
                    tally.Wrong.Add($"{name}: {method.ToDisplayString()}: {uncovered}");
                }
            }
        }

        /// <summary>What of <paramref name="summary"/> lies outside <paramref name="bound"/>; null when it is all inside, or when there is no bound.</summary>
        internal static string? Uncovered(EffectBound? bound, MethodSummary summary)
        {
            if (bound is null)
            {
                return null;
            }

            if (summary.Incomplete)
            {
                return $"bounded, but its bound summary is {Describe(summary)}";
            }

            foreach (var effect in summary.Effects)
            {
                bool inside = effect.Kind switch
                {
                    CalleeEffectKind.Fault => bound.MayFault,
                    CalleeEffectKind.Wait => bound.MayWait,
                    _ => effect.LockClass is not null && bound.LockClasses.Contains(effect.LockClass),
                };
                if (!inside)
                {
                    return $"the bound ({string.Join(", ", bound.LockClasses.Select(c => c.Display))}{(bound.MayFault ? ", fault" : string.Empty)}{(bound.MayWait ? ", wait" : string.Empty)}) leaves out {effect}";
                }
            }

            return null;
        }

        private static object[] Case(string way, string subject, string usings = "", string type = "Subject", string member = "Target") =>
            new object[] { way, usings, subject, type, member };

        private static string Describe(MethodSummary summary) =>
            (summary.Incomplete ? "incomplete: " : string.Empty) + string.Join("; ", summary.Effects.Select(effect => effect.ToString()));

        private sealed class Tally
        {
            internal int Programs { get; set; }

            internal int Vouched { get; set; }

            internal int WithEffects { get; set; }

            internal int BoundedWithEffects { get; set; }

            internal List<string> Wrong { get; } = new List<string>();
        }

        /// <summary>Every method, accessor, constructor and operator declared in source.</summary>
        private static IEnumerable<IMethodSymbol> SourceMethods(Compilation compilation)
        {
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                foreach (var member in pending.Pop().GetMembers())
                {
                    switch (member)
                    {
                        case INamespaceOrTypeSymbol container:
                            pending.Push(container);
                            break;
                        case IMethodSymbol method when !method.IsImplicitlyDeclared:
                            yield return method;
                            break;
                    }
                }
            }
        }
    }
}
