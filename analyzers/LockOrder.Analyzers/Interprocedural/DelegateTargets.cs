using System.Collections.Immutable;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Finds what a delegate value runs (DESIGN §14): a lambda or method group written there, or stored in a local that
    /// is given that one value. A delegate from anywhere else — a field, a call's result, a parameter — has no target the
    /// body can name: its invocation is code the analysis cannot see.
    /// </summary>
    internal static class DelegateTargets
    {
        private const int MaxDepth = 8;

        /// <summary>The targets <paramref name="value"/> runs, or empty when the body cannot name them.</summary>
        internal static ImmutableArray<DelegateTarget> Of(IOperation? value, ValueOrigins? origins, bool inSummary)
        {
            var builder = ImmutableArray.CreateBuilder<DelegateTarget>();
            Collect(value, origins, inSummary, builder, depth: 0);
            return builder.ToImmutable();
        }

        /// <summary>The parameter whose value a delegate is, when it is one: its invocation runs whatever the callers pass.</summary>
        internal static IParameterSymbol? ParameterOf(IOperation? value, ValueOrigins? origins)
        {
            for (int depth = 0; depth <= MaxDepth && value is not null; depth++)
            {
                if (value is IParameterReferenceOperation parameter)
                {
                    return parameter.Parameter;
                }

                value = ValueOrigins.Behind(value, origins);
            }

            return null;
        }

        private static void Collect(IOperation? value, ValueOrigins? origins, bool inSummary, ImmutableArray<DelegateTarget>.Builder targets, int depth)
        {
            if (value is null || depth > MaxDepth)
            {
                return;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    Collect(conversion.Operand, origins, inSummary, targets, depth + 1);
                    break;
                case IParenthesizedOperation parenthesized:
                    Collect(parenthesized.Operand, origins, inSummary, targets, depth + 1);
                    break;
                case IDelegateCreationOperation creation:
                    Collect(creation.Target, origins, inSummary, targets, depth + 1);
                    break;
                case IAnonymousFunctionOperation lambda:
                    // A lambda's `this` is the body's own.
                    targets.Add(new DelegateTarget(lambda.Symbol, LockInstance.This));
                    break;
                case IFlowAnonymousFunctionOperation flowLambda:
                    targets.Add(new DelegateTarget(flowLambda.Symbol, LockInstance.This));
                    break;
                case IMethodReferenceOperation methodReference:
                    var receiver = methodReference.Instance is null ? LockInstance.Unknown
                        : inSummary ? LockInstance.InSummary(methodReference.Instance, origins)
                        : LockInstance.From(methodReference.Instance, origins);
                    targets.Add(new DelegateTarget(methodReference.Method, methodReference.Method.MethodKind == MethodKind.LocalFunction ? LockInstance.This : receiver));
                    break;
                case IFlowCaptureReferenceOperation capture when origins is not null:
                    Collect(origins.Capture(capture), origins, inSummary, targets, depth + 1);
                    break;
                case ILocalReferenceOperation local when origins is not null:
                    Collect(origins.Local(local.Local), origins, inSummary, targets, depth + 1);
                    break;
            }
        }
    }
}
