using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// The lock class a receiver contract (<c>[Acquires(LockMode)]</c> on a lock type's own method) takes at one call:
    /// the class of the object the call is made on. One answer for the flow and the summaries, so that a call is never
    /// one class at its site and another in its caller's summary.
    /// </summary>
    internal static class LockReceivers
    {
        /// <summary>
        /// The class of the receiver <paramref name="instance"/> of a call of <paramref name="target"/> made in
        /// <paramref name="owner"/>: its most precise static type. A cast up to a base lock class says less than its operand
        /// (<c>((MutexLock)vma).Enter()</c> still takes a <c>VmaLock</c>), so it is looked through; a cast down says more
        /// (<c>((VmaLock)mutex).Enter()</c> takes a <c>VmaLock</c>), so it is kept. <c>this.Enter()</c> inside a derived lock
        /// class takes a lock of that class; a static call, the declaring class.
        /// </summary>
        internal static LockClass? ClassOf(IOperation? instance, ISymbol? owner, IMethodSymbol target)
        {
            while (true)
            {
                switch (instance)
                {
                    case IParenthesizedOperation parenthesized:
                        instance = parenthesized.Operand;
                        continue;
                    case IConversionOperation { Operand.Type: { } operandType } conversion when conversion.Type is not null && DerivesFromOrIs(operandType, conversion.Type):
                        instance = conversion.Operand;
                        continue;
                }

                break;
            }

            var type = instance switch
            {
                null => target.ContainingType,
                IInstanceReferenceOperation => owner?.ContainingType ?? instance.Type,
                _ => instance.Type,
            };

            return type is null ? null : LockClass.OfType(type);
        }

        private static bool DerivesFromOrIs(ITypeSymbol type, ITypeSymbol expected)
        {
            for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, expected))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
