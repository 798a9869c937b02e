using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Model
{
    /// <summary>Finds the member an annotation names by its name (<c>nameof(_sync)</c>).</summary>
    internal static class LockMembers
    {
        /// <summary>The field or property <paramref name="name"/> of <paramref name="type"/> or of a base type (the nearest), or null.</summary>
        internal static ISymbol? Find(ITypeSymbol? type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IFieldSymbol or IPropertySymbol { IsIndexer: false })
                    {
                        return member;
                    }
                }
            }

            return null;
        }

        /// <summary>The type of a field or property (what a lock member holds); null for any other member.</summary>
        internal static ITypeSymbol? TypeOf(ISymbol member) => member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
    }
}
