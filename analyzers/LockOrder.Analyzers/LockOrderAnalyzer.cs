using System.Collections.Immutable;
using LockOrder.Analyzers.Flow;
using LockOrder.Analyzers.Graph;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using LockOrder.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Analyzers
{
    /// <summary>
    /// LockOrder's analyzer: one flow analysis of the held lock set per executable body serves every rule (LOCK001–
    /// LOCK006, LOCK009–LOCK011); declared-order cycles (LOCK007) are reported on their attributes; inversions between
    /// methods (LOCK008) are found at compilation end from the edges every body recorded. A compilation that cannot see
    /// the LockOrder annotations registers nothing.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LockOrderAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            Descriptors.AcquisitionAgainstOrder,
            Descriptors.UserMemoryUnderExclusiveLock,
            Descriptors.UserMemoryUnderSharedLock,
            Descriptors.RecursiveAcquisition,
            Descriptors.LockStateMismatch,
            Descriptors.CallContractViolation,
            Descriptors.ContradictoryOrder,
            Descriptors.InversionBetweenMethods,
            Descriptors.LockHeldAcrossAwait,
            Descriptors.TryAcquisitionResultIgnored,
            Descriptors.AnalysisIncomplete,
            Descriptors.AnotherInstanceAcquired,
            Descriptors.UnseenCodeUnderLock,
            Descriptors.BlockingWaitUnderLock,
            Descriptors.InvalidLockAnnotation);

        private readonly bool shortcuts;
        private readonly LockGraphSink? graphSink;

        /// <summary>
        /// The analyzer as it ships: bodies are walked over their operation trees where that is exact, and callees
        /// whose syntax proves them effect-free are summarized without binding their bodies.
        /// </summary>
        public LockOrderAnalyzer()
            : this(shortcuts: true)
        {
        }

        /// <summary>
        /// With <paramref name="shortcuts"/> false every body is analyzed over its control-flow graph and every
        /// followed callee's body is bound: the reference the two shortcuts (the structured fast path and the
        /// syntactic effect screen) are tested against — both must report the same diagnostics on any code.
        /// </summary>
        internal LockOrderAnalyzer(bool shortcuts)
        {
            this.shortcuts = shortcuts;
        }

        /// <summary>
        /// The analyzer as it ships, which also hands each compilation's lock graph to <paramref name="graphSink"/> at
        /// compilation end (the <c>lockorder graph</c> command): the graph is the analysis' own, not a second one.
        /// </summary>
        internal LockOrderAnalyzer(LockGraphSink graphSink)
            : this(shortcuts: true)
        {
            this.graphSink = graphSink;
        }

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => All;

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var model = LockModel.Create(start.Compilation);
                var summaries = new SummaryProvider(model, start.Options, screenBySyntax: shortcuts);
                var edges = new OrderEdgeCollector(model);
                start.RegisterSymbolAction(symbol => OrderCycleRule.AnalyzeType(symbol, model), SymbolKind.NamedType);
                start.RegisterSymbolAction(AnnotationRule.AnalyzeSymbol, SymbolKind.NamedType, SymbolKind.Field, SymbolKind.Property, SymbolKind.Method);
                start.RegisterOperationBlockAction(block => BodyAnalysis.Analyze(block, model, summaries, edges, structuredFastPath: shortcuts));
                start.RegisterCompilationEndAction(end =>
                {
                    edges.ReportInversions(end.ReportDiagnostic, end.CancellationToken);
                    graphSink?.Add(LockGraphBuilder.Build(model, edges, end.CancellationToken));
                });
            });
        }
    }
}
