using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Analyzers.Tests.Robustness.Cancellation
{
    /// <summary>Forwards every registration to the driver's context, wrapping the action so the tracker sees it run.</summary>
    internal sealed class TrackingAnalysisContext : AnalysisContext
    {
        private readonly AnalysisContext inner;
        private readonly ActionTracker tracker;

        internal TrackingAnalysisContext(AnalysisContext inner, ActionTracker tracker)
        {
            this.inner = inner;
            this.tracker = tracker;
        }

        public override void EnableConcurrentExecution() => inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            inner.RegisterCompilationStartAction(context => tracker.Run("CompilationStart", null, context.CancellationToken, () => action(new TrackingCompilationStartContext(context, tracker))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) =>
            inner.RegisterCompilationAction(context => tracker.Run("Compilation", null, context.CancellationToken, () => action(context)));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            inner.RegisterSemanticModelAction(context => tracker.Run("SemanticModel", null, context.CancellationToken, () => action(context)));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            inner.RegisterSymbolAction(context => tracker.Run("Symbol", context.Symbol, context.CancellationToken, () => action(context)), symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            inner.RegisterSymbolStartAction(context => tracker.Run("SymbolStart", context.Symbol, context.CancellationToken, () => action(new TrackingSymbolStartContext(context, tracker))), symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            inner.RegisterCodeBlockStartAction<TLanguageKindEnum>(context => tracker.Run("CodeBlockStart", context.OwningSymbol, context.CancellationToken, () => action(new TrackingCodeBlockStartContext<TLanguageKindEnum>(context, tracker))));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            inner.RegisterCodeBlockAction(context => tracker.Run("CodeBlock", context.OwningSymbol, context.CancellationToken, () => action(context)));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            inner.RegisterSyntaxTreeAction(context => tracker.Run("SyntaxTree", null, context.CancellationToken, () => action(context)));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) =>
            inner.RegisterAdditionalFileAction(context => tracker.Run("AdditionalFile", null, context.CancellationToken, () => action(context)));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            inner.RegisterSyntaxNodeAction(context => tracker.Run("SyntaxNode", context.ContainingSymbol, context.CancellationToken, () => action(context)), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            inner.RegisterOperationAction(context => tracker.Run("Operation", context.ContainingSymbol, context.CancellationToken, () => action(context)), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            inner.RegisterOperationBlockStartAction(context => tracker.Run("OperationBlockStart", context.OwningSymbol, context.CancellationToken, () => action(new TrackingOperationBlockStartContext(context, tracker))));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            inner.RegisterOperationBlockAction(context => tracker.Run("OperationBlock", context.OwningSymbol, context.CancellationToken, () => action(context)));
    }
}
