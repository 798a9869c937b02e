using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>A delegate a body passes to a method: if the method runs that parameter before it returns, the target runs during the call.</summary>
    internal readonly struct DelegateArgument
    {
        internal DelegateArgument(IMethodSymbol callee, int ordinal, DelegateTarget target)
        {
            Callee = callee;
            Ordinal = ordinal;
            Target = target;
        }

        internal IMethodSymbol Callee { get; }

        internal int Ordinal { get; }

        internal DelegateTarget Target { get; }
    }
}
