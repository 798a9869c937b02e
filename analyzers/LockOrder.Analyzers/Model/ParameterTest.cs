using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// A condition that tests a <c>bool</c> parameter of the method it is in: <c>held</c>, <c>!held</c>,
    /// <c>held == false</c>, <c>false == held</c>, <c>held != true</c>.
    /// </summary>
    internal static class ParameterTest
    {
        /// <summary>
        /// Whether <paramref name="condition"/> tests one <c>bool</c> parameter of <paramref name="owner"/> by value: it is
        /// true exactly when the parameter is <paramref name="whenTrue"/>.
        /// </summary>
        internal static bool TryRead(IOperation condition, ISymbol? owner, out IParameterSymbol parameter, out bool whenTrue)
        {
            whenTrue = true;
            parameter = null!;
            for (int depth = 0; depth < 8; depth++)
            {
                switch (condition)
                {
                    case IConversionOperation { IsImplicit: true } conversion:
                        condition = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        condition = parenthesized.Operand;
                        continue;
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not:
                        whenTrue = !whenTrue;
                        condition = not.Operand;
                        continue;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals, OperatorMethod: null } comparison
                        when ConstantBool(comparison.RightOperand) is { } right:
                        whenTrue = whenTrue == (right == (comparison.OperatorKind == BinaryOperatorKind.Equals));
                        condition = comparison.LeftOperand;
                        continue;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals, OperatorMethod: null } comparison
                        when ConstantBool(comparison.LeftOperand) is { } left:
                        whenTrue = whenTrue == (left == (comparison.OperatorKind == BinaryOperatorKind.Equals));
                        condition = comparison.RightOperand;
                        continue;
                    case IParameterReferenceOperation { Parameter: { RefKind: RefKind.None, Type.SpecialType: SpecialType.System_Boolean } tested }
                        when owner is not null && SymbolEqualityComparer.Default.Equals(tested.ContainingSymbol, owner):
                        parameter = tested;
                        return true;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The value of a constant <c>bool</c> operand.</summary>
        internal static bool? ConstantBool(IOperation operation) =>
            operation.ConstantValue is { HasValue: true, Value: bool value } ? value : null;
    }
}
