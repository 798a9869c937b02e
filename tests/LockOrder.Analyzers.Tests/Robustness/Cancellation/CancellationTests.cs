using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using LockOrder.Analyzers.Tests.Robustness.Pathological;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace LockOrder.Analyzers.Tests.Robustness.Cancellation
{
    /// <summary>
    /// When the user types again, the IDE cancels the running analysis and starts a new one; an analyzer that keeps
    /// going on the old text burns a core for nothing, on every keystroke. The analysis of a huge method must stop
    /// as soon as it is cancelled.
    /// </summary>
    public sealed class CancellationTests
    {
        /// <summary>
        /// Actions that analyze a whole method body in one go (rather than register more actions, or look at one
        /// node): one of these, invoked for the huge method after cancellation, must give up instead of finishing.
        /// </summary>
        private static readonly ImmutableHashSet<string> BodyActions =
            ImmutableHashSet.Create("OperationBlock", "OperationBlockEnd", "CodeBlock", "CodeBlockEnd", "SymbolEnd", "Symbol");

        /// <summary>Deadlock detector only.</summary>
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

        private readonly ITestOutputHelper output;

        public CancellationTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task AnalysisOfAHugeMethodStopsWhenCancelled()
        {
            var compilation = BoundedAnalysis.Compile(PathologicalSources.HugeMethod(statements: 20_000), nullable: false);
            using var tracker = new ActionTracker();
            using var cancellation = new CancellationTokenSource();

            // Cancel exactly when LockOrder starts analyzing the huge method's body, as if the user typed right then.
            tracker.Starting = (kind, symbol) =>
            {
                if (BodyActions.Contains(kind) && IsHugeMethod(symbol))
                {
                    cancellation.Cancel();
                }
            };

            var crashes = new ConcurrentQueue<string>();
            var analyzers = LockOrderComponents.CreateAnalyzers().Select(analyzer => (DiagnosticAnalyzer)new TrackedAnalyzer(analyzer, tracker)).ToImmutableArray();
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    (exception, analyzer, diagnostic) => crashes.Enqueue($"{diagnostic.Id}: {exception}"),
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false,
                    analyzerExceptionFilter: null));

            var analysis = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellation.Token);
            Assert.Same(analysis, await Task.WhenAny(analysis, Task.Delay(Bound)));
            var outcome = await Record.ExceptionAsync(() => analysis);
            Assert.True(cancellation.IsCancellationRequested, "LockOrder never started analyzing the huge method's body");
            Assert.IsAssignableFrom<OperationCanceledException>(outcome);

            // The driver gives up on an action that ignores cancellation and returns at once: whether the analyzer
            // really stopped shows only in its own actions.
            Assert.True(tracker.WaitUntilIdle(Bound), "LockOrder actions still running a minute after cancellation");
            var executions = tracker.Executions;
            foreach (var execution in executions.Where(execution => !execution.Kind.StartsWith("SyntaxNode", StringComparison.Ordinal) && !execution.Kind.StartsWith("Operation", StringComparison.Ordinal) || BodyActions.Contains(execution.Kind)))
            {
                output.WriteLine(execution.ToString());
            }

            var afterCancellation = executions
                .Where(execution => execution.CancelledAtStart && BodyActions.Contains(execution.Kind) && execution.Symbol is not null && execution.Symbol.Contains("Huge.Run", StringComparison.Ordinal))
                .ToList();
            Assert.NotEmpty(afterCancellation);
            Assert.All(afterCancellation, execution => Assert.True(execution.Outcome == "cancelled", $"analyzed the huge method to the end although cancelled: {execution}"));
            Assert.True(crashes.IsEmpty, string.Join(Environment.NewLine, crashes));
        }

        private static bool IsHugeMethod(ISymbol? symbol) =>
            symbol is IMethodSymbol { Name: "Run", ContainingType.Name: "Huge" };
    }
}
