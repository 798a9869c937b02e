using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Analyzers.Tests.Robustness.Harness
{
    /// <summary>
    /// A stand-in for a broken LockOrder analyzer, so the robustness harness can prove it notices what a user would
    /// suffer: at a call to a method named <c>Report</c> it reports, at <c>Throw</c> it throws (AD0001), and at
    /// <c>Block</c> it waits on <see cref="Release"/> without looking at its cancellation token (a hang).
    /// </summary>
#pragma warning disable RS1001 // Not shipped: registered with CompilationWithAnalyzers directly by the harness tests.
    internal sealed class MisbehavingAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        internal const string ExceptionMessage = "misbehaving analyzer threw on purpose";

        /// <summary>Deadlock detector: a blocked action gives up on its own after this long even if never released.</summary>
        private static readonly TimeSpan BlockLimit = TimeSpan.FromSeconds(30);

#pragma warning disable RS2008 // Test-only descriptor: no release tracking.
        internal static readonly DiagnosticDescriptor Reported = new DiagnosticDescriptor(
            "HARNESS001", "Reported", "Reported at a call to Report", "Harness", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        /// <summary>Set to let a blocked action return.</summary>
        internal ManualResetEventSlim Release { get; } = new ManualResetEventSlim(initialState: false);

        /// <summary>Set when an action has started blocking.</summary>
        internal ManualResetEventSlim Blocking { get; } = new ManualResetEventSlim(initialState: false);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Reported);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(OnInvocation, SyntaxKind.InvocationExpression);
        }

        private void OnInvocation(SyntaxNodeAnalysisContext context)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            switch ((invocation.Expression as IdentifierNameSyntax)?.Identifier.ValueText)
            {
                case "Report":
                    context.ReportDiagnostic(Diagnostic.Create(Reported, invocation.GetLocation()));
                    break;
                case "Throw":
                    throw new InvalidOperationException(ExceptionMessage);
                case "Block":
                    Blocking.Set();
                    Release.Wait(BlockLimit);
                    break;
            }
        }
    }
}
