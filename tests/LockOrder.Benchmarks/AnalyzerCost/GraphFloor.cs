using System;
using System.Linq;
using LockOrder.Benchmarks.Measurement;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>
    /// What Roslyn's own control-flow graphs cost for the bodies the analyzer analyzes: the bodies that call a member
    /// carrying a LockOrder lock contract (what the analyzer's prescan lets through) or take a BCL lock. Every analysis
    /// built on <see cref="ControlFlowGraph"/> pays this much before it looks at a single block — the reason the
    /// analyzer settles most bodies with a walk over their operation trees and builds a graph only for the rest.
    /// Measured in the same run, so the report can show what that fast path saves.
    /// </summary>
    internal static class GraphFloor
    {
        /// <summary>
        /// Thread CPU time of <see cref="ControlFlowGraph.Create(IMethodBodyOperation, System.Threading.CancellationToken)"/>
        /// over the locking bodies; binding them is not counted. A body Roslyn cannot make a graph of (a corpus's broken
        /// code may have one) is counted apart, not allowed to end the measurement.
        /// </summary>
        internal static (double CpuMs, int Bodies, int Failures) Measure(Compilation compilation)
        {
            double cpuMs = 0;
            int bodies = 0;
            int failures = 0;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
                {
                    try
                    {
                        var body = model.GetOperation(declaration);
                        if (body is null || !TakesLock(body))
                        {
                            continue;
                        }

                        long start = ThreadCpuClock.Nanoseconds();
                        _ = body switch
                        {
                            IMethodBodyOperation method => ControlFlowGraph.Create(method),
                            IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
                            _ => null,
                        };
                        cpuMs += (ThreadCpuClock.Nanoseconds() - start) / 1e6;
                        bodies++;
                    }
                    catch (Exception exception) when (exception is not OutOfMemoryException)
                    {
                        failures++;
                    }
                }
            }

            return (cpuMs, bodies, failures);
        }

        private static bool TakesLock(IOperation body) =>
            body.Descendants().Any(operation => operation switch
            {
                ILockOperation => true,
                IInvocationOperation invocation => HasLockContract(invocation.TargetMethod) || IsBclAcquisition(invocation),
                IObjectCreationOperation { Constructor: { } constructor } => HasLockContract(constructor),
                IPropertyReferenceOperation property => property.Property.GetMethod is { } getter && HasLockContract(getter),
                _ => false,
            });

        private static bool HasLockContract(IMethodSymbol method)
        {
            for (IMethodSymbol? current = method.OriginalDefinition; current is not null; current = current.OverriddenMethod)
            {
                if (current.GetAttributes().Any(IsLockContract)
                    || (current.AssociatedSymbol is { } associated && associated.GetAttributes().Any(IsLockContract)))
                {
                    return true;
                }
            }

            return false;
        }

        // [Acquires], [TryAcquires], [Releases], [Requires], [Excludes]: the contracts that make the analyzer build a graph.
        private static bool IsLockContract(AttributeData attribute) =>
            attribute.AttributeClass is { } type
            && type.ContainingNamespace?.ToDisplayString() == "LockOrder"
            && type.Name is "AcquiresAttribute" or "TryAcquiresAttribute" or "ReleasesAttribute" or "RequiresAttribute" or "ExcludesAttribute";

        // DESIGN §11's acquisitions, blocking or try; the receiver's type decides for WaitOne, which Mutex inherits.
        private static bool IsBclAcquisition(IInvocationOperation invocation)
        {
            var type = invocation.Instance?.Type ?? invocation.TargetMethod.ContainingType;
            if (type is null || type.ContainingNamespace?.ToDisplayString() != "System.Threading")
            {
                return false;
            }

            string name = invocation.TargetMethod.Name;
            return type.Name switch
            {
                "Monitor" or "Lock" => name is "Enter" or "TryEnter" or "EnterScope",
                "SpinLock" => name is "Enter" or "TryEnter",
                "SemaphoreSlim" => name is "Wait" or "WaitAsync",
                "ReaderWriterLockSlim" => name.StartsWith("Enter", StringComparison.Ordinal) || name.StartsWith("TryEnter", StringComparison.Ordinal),
                "ReaderWriterLock" => name is "AcquireReaderLock" or "AcquireWriterLock",
                "Mutex" => name == "WaitOne",
                _ => false,
            };
        }
    }
}
