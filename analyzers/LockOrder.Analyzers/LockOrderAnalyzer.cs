using System.Collections.Immutable;
using LockOrder.Analyzers.Flow;
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
            Descriptors.AnalysisIncomplete);

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => All;

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var model = LockModel.TryCreate(start.Compilation);
                if (model is null)
                {
                    return;
                }

                var summaries = new SummaryProvider(model, start.Options);
                var edges = new OrderEdgeCollector(model);
                start.RegisterSymbolAction(symbol => OrderCycleRule.AnalyzeType(symbol, model), SymbolKind.NamedType);
                start.RegisterOperationBlockAction(block => BodyAnalysis.Analyze(block, model, summaries, edges));
                start.RegisterCompilationEndAction(end => edges.ReportInversions(end.ReportDiagnostic, end.CancellationToken));
            });
        }
    }
}
