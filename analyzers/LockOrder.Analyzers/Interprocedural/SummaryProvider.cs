using System.Collections.Immutable;
using System.Threading;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Method summaries for one compilation, cached and safe under concurrent execution.
    /// For now a callee contributes only its annotations ([MayAcquire], [MightFault]); summaries computed from
    /// bodies in the same compilation replace this.
    /// </summary>
    internal sealed class SummaryProvider
    {
        private readonly LockModel model;

        internal SummaryProvider(LockModel model, AnalyzerOptions options)
        {
            this.model = model;
            _ = options;
        }

        /// <summary>
        /// The effects of calling <paramref name="callee"/> from code in <paramref name="callerTree"/> (whose
        /// .editorconfig may turn interprocedural analysis off).
        /// </summary>
        internal MethodSummary GetSummary(IMethodSymbol callee, SyntaxTree callerTree, CancellationToken cancellationToken)
        {
            var annotations = model.Annotations.Get(callee);
            if (annotations.IsEmpty)
            {
                return MethodSummary.Empty;
            }

            var name = ImmutableArray.Create(callee.ContainingType?.Name + "." + callee.Name);
            var effects = ImmutableArray.CreateBuilder<CalleeEffect>();
            if (annotations.MightFault)
            {
                effects.Add(new CalleeEffect(CalleeEffectKind.Fault, null, LockMode.Shared, name));
            }

            foreach (var contract in annotations.OfKind(LockContractKind.MayAcquire))
            {
                effects.Add(new CalleeEffect(CalleeEffectKind.Acquire, contract.LockClass, contract.Mode, name));
            }

            return new MethodSummary(effects.ToImmutable(), incomplete: false);
        }
    }
}
