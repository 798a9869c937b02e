using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>How a method appears in a call path of a message: "Type.Method", "new Type", "Type.Property (set)", "Type.operator +".</summary>
    internal static class MethodDisplayName
    {
        internal static string Of(IMethodSymbol method)
        {
            string type = method.ContainingType?.Name ?? string.Empty;
            switch (method.MethodKind)
            {
                case MethodKind.Constructor:
                    return "new " + type;
                case MethodKind.StaticConstructor:
                    return type + " (static constructor)";
                case MethodKind.PropertyGet:
                    return type + "." + Member(method.AssociatedSymbol);
                case MethodKind.PropertySet:
                    return type + "." + Member(method.AssociatedSymbol) + " (set)";
                case MethodKind.EventAdd:
                    return type + "." + Member(method.AssociatedSymbol) + " (add)";
                case MethodKind.EventRemove:
                    return type + "." + Member(method.AssociatedSymbol) + " (remove)";
                case MethodKind.UserDefinedOperator:
                    var kind = SyntaxFacts.GetOperatorKind(method.MetadataName);
                    return type + ".operator " + (kind == SyntaxKind.None ? method.Name : SyntaxFacts.GetText(kind));
                case MethodKind.Conversion:
                    return type + ".operator " + method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                case MethodKind.LocalFunction:
                    return (method.ContainingSymbol is IMethodSymbol outer ? Of(outer) : type) + "." + method.Name;
                case MethodKind.AnonymousFunction:
                    return (method.ContainingSymbol is IMethodSymbol enclosing ? Of(enclosing) : type) + ".lambda";
                default:
                    return type.Length == 0 ? method.Name : type + "." + method.Name;
            }
        }

        private static string Member(ISymbol? member) => member is IPropertySymbol { IsIndexer: true } ? "this[]" : member?.Name ?? "?";
    }
}
