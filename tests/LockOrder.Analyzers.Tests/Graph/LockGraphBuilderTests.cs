using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.Analyzers.Graph;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LockOrder.Analyzers.Tests.Graph
{
    /// <summary>
    /// The lock graph the analyzer hands to a <see cref="LockGraphSink"/>: declared orders and observed edges as arrows,
    /// and the edges of every reported cycle marked — the same facts the diagnostics report.
    /// </summary>
    public sealed class LockGraphBuilderTests
    {
        private const string Source = @"using LockOrder;
sealed class LockA : MutexLock { }
sealed class LockB : MutexLock { }
[AcquiredBefore(typeof(Later))] sealed class Earlier : MutexLock { }
sealed class Later : MutexLock { }
class Paths
{
    readonly LockA a = new LockA(); readonly LockB b = new LockB();
    readonly Earlier earlier = new Earlier(); readonly Later later = new Later();
    void First() { using (a.Lock()) { TakeB(); } }
    void Second() { using (b.Lock()) using (a.Lock()) { } }
    void Ordered() { using (earlier.Lock()) using (later.Lock()) { } }
    void TakeB() { using (b.Lock()) { } }
}
";

        [Fact]
        public async Task GraphHoldsTheDeclaredOrderTheObservedEdgesAndTheReportedCycle()
        {
            var (graph, diagnostics) = await AnalyzeAsync(Source);

            Assert.Contains(diagnostics, d => d.Id == "LOCK008");
            Assert.Equal(new[] { "Earlier", "Later", "LockA", "LockB" }, graph.Nodes.Select(n => n.Name).OrderBy(n => n).ToArray());
            Assert.All(graph.Nodes, n => Assert.Equal(LockGraphNodeKind.LockType, n.Kind));

            var declared = Assert.Single(graph.Edges, e => e.Kind == LockGraphEdgeKind.Declared);
            Assert.Equal(("Earlier", "Later", false), (declared.From, declared.To, declared.IsOnCycle));
            Assert.Equal(3, declared.Location.GetLineSpan().StartLinePosition.Line);

            var observed = graph.Edges.Where(e => e.Kind == LockGraphEdgeKind.Observed).Select(e => (e.From, e.To, e.IsOnCycle)).ToArray();
            Assert.Equal(new[] { ("Earlier", "Later", false), ("LockA", "LockB", true), ("LockB", "LockA", true) }, observed);

            var throughCall = graph.Edges.Single(e => e.From == "LockA" && e.To == "LockB");
            Assert.Equal(" via Paths.TakeB → LockB.Lock", throughCall.Via);
            Assert.Equal(9, throughCall.Location.GetLineSpan().StartLinePosition.Line);

            var cycle = Assert.Single(graph.Cycles);
            Assert.Equal("LOCK008", cycle.RuleId);
            Assert.Equal(new[] { "LockA", "LockB" }, cycle.NodeIds.ToArray());
        }

        [Fact]
        public async Task ContradictoryDeclarationsAreACycleOfDeclaredEdges()
        {
            var (graph, _) = await AnalyzeAsync(@"using LockOrder;
[AcquiredBefore(typeof(Second))] sealed class First : MutexLock { }
[AcquiredBefore(typeof(First))] sealed class Second : MutexLock { }
");
            var cycle = Assert.Single(graph.Cycles);
            Assert.Equal("LOCK007", cycle.RuleId);
            Assert.Equal(2, graph.Edges.Count(e => e.Kind == LockGraphEdgeKind.Declared && e.IsOnCycle));
        }

        [Fact]
        public async Task AnalyzerWithoutASinkBuildsNoGraphAndReportsTheSame()
        {
            var compilation = Compile(Source);
            var withSink = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LockOrderAnalyzer(new LockGraphSink())))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var plain = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LockOrderAnalyzer()))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Equal(plain.Select(d => d.ToString()).OrderBy(s => s), withSink.Select(d => d.ToString()).OrderBy(s => s));
        }

        private static async Task<(LockGraph Graph, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(string source)
        {
            var sink = new LockGraphSink();
            var diagnostics = await Compile(source)
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LockOrderAnalyzer(sink)))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return (Assert.Single(sink.Graphs), diagnostics);
        }

        private static CSharpCompilation Compile(string source) => CSharpCompilation.Create(
            "GraphTests",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Test.cs") },
            AnalysisReferences.Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }
}
