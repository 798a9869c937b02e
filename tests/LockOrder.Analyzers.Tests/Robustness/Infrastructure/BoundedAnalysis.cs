using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Analyzers.Tests.Robustness.Infrastructure
{
    /// <summary>
    /// Runs every LockOrder analyzer the way the compiler does (<see cref="CompilationWithAnalyzers"/>, concurrent
    /// execution) and turns anything an IDE user would suffer — an exception (AD0001) or an analysis that does not
    /// finish — into data a test can assert on, with the stack trace.
    /// </summary>
    internal static class BoundedAnalysis
    {
        /// <summary>How long an analysis may keep running after its bound cancelled it before it counts as hung.</summary>
        private static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(10);

        internal static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);

        internal static SyntaxTree Parse(string source, string path = "Input.cs") =>
            CSharpSyntaxTree.ParseText(source, ParseOptions, path);

        /// <summary>
        /// A compilation of <paramref name="source"/>, nullable enabled as in a modern project unless
        /// <paramref name="nullable"/> is false (the compiler's own nullable analysis is superlinear on some huge
        /// generated methods, and it is not what these tests measure).
        /// </summary>
        internal static CSharpCompilation Compile(string source, bool nullable = true) => Compile(new[] { Parse(source) }, nullable);

        internal static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, bool nullable = true)
        {
            var list = trees.ToList();
            return CSharpCompilation.Create(
                "Analyzed",
                list,
                AnalysisReferences.Framework,
                CompilationOptionsFor(list, nullable));
        }

        /// <summary>Top-level programs compile as an executable, everything else as a library, as a user's project would.</summary>
        internal static CSharpCompilationOptions CompilationOptionsFor(IEnumerable<SyntaxTree> trees, bool nullable = true)
        {
            var hasTopLevelStatements = trees.Any(tree => tree.GetRoot() is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any());
            return new CSharpCompilationOptions(
                hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                allowUnsafe: true,
                concurrentBuild: false);
        }

        internal static AnalysisRun Run(string source, TimeSpan bound) => Run(Compile(source), bound);

        /// <summary>
        /// Analyzes <paramref name="compilation"/>; the run is stopped (and reported as timed out) at
        /// <paramref name="bound"/>. <paramref name="cancellationToken"/> is the caller's own cancellation.
        /// </summary>
        internal static AnalysisRun Run(Compilation compilation, TimeSpan bound, AnalyzerOptions? options = null, CancellationToken cancellationToken = default) =>
            Run(compilation, LockOrderComponents.CreateAnalyzers(), bound, CancellationGrace, options, cancellationToken);

        /// <summary>
        /// Runs <paramref name="analyzers"/> (the harness's own tests pass analyzers that misbehave on purpose); an
        /// analysis still running <paramref name="grace"/> after <paramref name="bound"/> cancelled it counts as hung.
        /// </summary>
        internal static AnalysisRun Run(
            Compilation compilation,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            TimeSpan bound,
            TimeSpan grace,
            AnalyzerOptions? options = null,
            CancellationToken cancellationToken = default)
        {
            var crashes = new ConcurrentQueue<string>();
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(
                    options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    (exception, analyzer, diagnostic) => crashes.Enqueue($"{analyzer.GetType().FullName} threw ({diagnostic.Id}): {exception}"),
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false,
                    analyzerExceptionFilter: null));

            using var boundSource = new CancellationTokenSource(bound);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(boundSource.Token, cancellationToken);
            var stopwatch = Stopwatch.StartNew();
            var analysis = Task.Run(() => withAnalyzers.GetAnalyzerDiagnosticsAsync(linked.Token));
            var finished = Task.WaitAny(new Task[] { analysis }, bound + grace) == 0;
            stopwatch.Stop();

            if (!finished)
            {
                crashes.Enqueue($"the analysis ignored cancellation: still running {grace.TotalSeconds:F0} s after its {bound.TotalSeconds:F0} s bound cancelled it");
                return new AnalysisRun(compilation, ImmutableArray<Diagnostic>.Empty, crashes.ToImmutableArray(), timedOut: true, cancelled: false, stopwatch.Elapsed);
            }

            if (analysis.Status == TaskStatus.RanToCompletion)
            {
                var diagnostics = analysis.Result;
                foreach (var diagnostic in diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("AD", StringComparison.Ordinal)))
                {
                    crashes.Enqueue($"{diagnostic.Id}: {diagnostic.GetMessage()}");
                }

                return new AnalysisRun(compilation, diagnostics, crashes.ToImmutableArray(), timedOut: false, cancelled: false, stopwatch.Elapsed);
            }

            var exception = analysis.Exception?.GetBaseException();
            if (analysis.IsCanceled || exception is OperationCanceledException)
            {
                var byCaller = cancellationToken.IsCancellationRequested && !boundSource.IsCancellationRequested;
                return new AnalysisRun(compilation, ImmutableArray<Diagnostic>.Empty, crashes.ToImmutableArray(), timedOut: !byCaller, cancelled: byCaller, stopwatch.Elapsed);
            }

            crashes.Enqueue("the analysis itself threw: " + exception);
            return new AnalysisRun(compilation, ImmutableArray<Diagnostic>.Empty, crashes.ToImmutableArray(), timedOut: false, cancelled: false, stopwatch.Elapsed);
        }
    }
}
