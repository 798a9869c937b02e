using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LockOrder.Analyzers.Flow;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using LockOrder.Analyzers.Rules;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using LockOrder.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LockOrder.Analyzers.Tests.Flow
{
    /// <summary>
    /// The structured fast path is what keeps the analyzer's cost down on code where every method takes a lock: the
    /// shapes such code is written in must be settled by it, not handed to the control-flow graph. Shapes whose paths
    /// it does not model, or whose paths disagree about a held lock, must be handed over.
    /// </summary>
    public sealed class StructuredFastPathCoverageTests
    {
        private const string Device = @"
class Device
{
    public readonly MmapLock Mm = new MmapLock();
    public readonly VmaLock Vma = new VmaLock();
    public readonly MemoryLock Memory = new MemoryLock();
    private readonly List<int> items = new List<int>();
    private int state;
";

        [Theory]
        [InlineData("void Run() { using (Vma.Lock()) { using (Memory.Read()) { state++; } } }")]
        [InlineData("void Run() { using var scope = Memory.Write(); state = 1; }")]
        [InlineData("int Run(bool fail) { Memory.EnterWrite(); try { if (fail) { return -1; } return 0; } finally { Memory.ExitWrite(); } }")]
        [InlineData("int Run(int n) { using (Vma.Lock()) { if (n == 3) { return n; } } return 0; }")]
        [InlineData("void Run(int n) { for (int i = 0; i < n; i++) { Vma.Enter(); state += i; Vma.Exit(); } }")]
        [InlineData("void Run() { foreach (int item in items) { using (Memory.Read()) { state ^= item; } } }")]
        [InlineData("void Run(int n) { while (n > 0) { using (Vma.Lock()) { if (n == 5) { break; } if (n == 7) { n -= 2; continue; } } n--; } }")]
        [InlineData("void Run(int n) { do { Mm.EnterRead(); n--; Mm.ExitRead(); } while (n > 0); }")]
        [InlineData("void Run() { using (Vma.Lock()) { switch (state & 3) { case 0: state++; break; case 1: return; default: state--; break; } } }")]
        [InlineData("void Run() { if (Vma.TryEnter()) { try { state++; } finally { Vma.Exit(); } } }")]
        [InlineData("void Run() { if (!Memory.TryEnterRead()) { return; } state++; Memory.ExitRead(); }")]
        [InlineData("void Run() { bool taken = Vma.TryEnter(); if (taken) { Vma.Exit(); } }")]
        [InlineData("void Run() { try { using (Vma.Lock()) { state++; } } catch (InvalidOperationException) { state = 0; } }")]
        [InlineData("void Run() { Func<int, int> step = value => { using (Memory.Read()) { return value + state; } }; state = step(state) + Local(); int Local() { using (Vma.Lock()) { return 1; } } }")]
        [InlineData("void Run() { string text = $\"{state}\"; state += text.Length > 2 ? 1 : 0; state = items.Count == 0 ? 0 : items[0]; }")]
        [InlineData("[Acquires(typeof(VmaLock), LockMode.Exclusive)] void LockVma() { Vma.Enter(); }")]
        [InlineData("void Run() { lock (items) { using (Vma.Lock()) { state++; } } }")]
        public void CommonShapesAreSettledWithoutTheGraph(string member)
        {
            var (settled, diagnostics) = RunFastPath(Device + member + "\n}");
            Assert.True(settled, "the fast path handed a common shape to the graph: " + member);
            Assert.Empty(diagnostics);
        }

        [Theory]
        [InlineData("void Run(bool c) { if (c) { goto done; } state++; done: state--; }")]
        [InlineData("void Run(bool c) { if (c) { Vma.Enter(); } state++; }")]
        [InlineData("void Run(bool c) { using (c ? Vma.Lock() : default) { state++; } }")]
        [InlineData("void Run() { bool both = Vma.TryEnter() && Memory.TryEnterRead(); }")]
        [InlineData("System.Collections.Generic.IEnumerable<int> Run() { using (Vma.Lock()) { yield return state; } }")]
        public void ShapesItDoesNotModelAreHandedToTheGraph(string member)
        {
            var (settled, _) = RunFastPath(Device + member + "\n}");
            Assert.False(settled, "the fast path claimed a shape it does not model: " + member);
        }

        /// <summary>Runs the fast path alone on the one method of <paramref name="source"/> that is not a field or constructor.</summary>
        private static (bool Settled, ImmutableArray<Diagnostic> Diagnostics) RunFastPath(string source)
        {
            var compilation = BoundedAnalysis.Compile(LockOrderVerifier.Usings + source);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var model = LockModel.Create(compilation);
            var tree = compilation.SyntaxTrees.Single();
            var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Last();
            var semanticModel = compilation.GetSemanticModel(tree);
            var owner = (IMethodSymbol)semanticModel.GetDeclaredSymbol(declaration)!;
            var body = semanticModel.GetOperation(declaration)!;

            var sink = new FindingSink();
            var summaries = new SummaryProvider(model, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
            var context = new FlowContext(model, summaries, tree, sink, CancellationToken.None);
            bool settled = StructuredLockFlow.TryRun(context, body, owner, owner.Locations[0]);

            var reported = ImmutableArray.CreateBuilder<Diagnostic>();
            sink.Flush(reported.Add, new OrderEdgeCollector(model));
            return (settled, reported.ToImmutable());
        }
    }
}
