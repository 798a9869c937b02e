using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// Which delegate parameters of a method are run before the method returns (DESIGN §14), where the method's body is
    /// not in the compilation: the BCL methods that do so (<c>List&lt;T&gt;.ForEach</c>, <c>Array.ForEach</c>,
    /// <c>Parallel.For/ForEach/Invoke</c>, <c>ConcurrentDictionary.GetOrAdd/AddOrUpdate</c>'s factories), and any
    /// parameter marked <c>[InvokedSynchronously]</c>. Deferred work (<c>Task.Run</c>, <c>ContinueWith</c>, timers,
    /// threads) is not here: what it runs starts with nothing held.
    /// </summary>
    internal static class SynchronousInvokers
    {
        /// <summary>Whether <paramref name="method"/> runs the delegate passed for <paramref name="parameter"/> before it returns.</summary>
        internal static bool RunsBeforeReturning(IMethodSymbol method, IParameterSymbol parameter)
        {
            if (!IsDelegateOrDelegates(parameter.Type))
            {
                return false;
            }

            foreach (var attribute in parameter.GetAttributes())
            {
                if (KnownNames.Is(attribute.AttributeClass, KnownNames.InvokedSynchronously))
                {
                    return true;
                }
            }

            var type = method.ContainingType?.OriginalDefinition;
            if (type is null)
            {
                return false;
            }

            return (type.Name, method.Name) switch
            {
                ("List", "ForEach") => IsIn(type, "System", "Collections", "Generic"),
                ("Array", "ForEach") => IsIn(type, "System"),
                ("Parallel", "For" or "ForEach" or "Invoke") => IsIn(type, "System", "Threading", "Tasks"),
                ("ConcurrentDictionary", "GetOrAdd" or "AddOrUpdate") => IsIn(type, "System", "Collections", "Concurrent"),
                _ => false,
            };
        }

        /// <summary>A delegate, or an array of them (<c>Parallel.Invoke(params Action[])</c>).</summary>
        internal static bool IsDelegateOrDelegates(ITypeSymbol type) =>
            type.TypeKind == TypeKind.Delegate || (type is IArrayTypeSymbol { ElementType.TypeKind: TypeKind.Delegate });

        private static bool IsIn(INamedTypeSymbol type, params string[] namespaces)
        {
            var current = type.ContainingNamespace;
            for (int i = namespaces.Length - 1; i >= 0; i--)
            {
                if (current is null || current.Name != namespaces[i])
                {
                    return false;
                }

                current = current.ContainingNamespace;
            }

            return current is { IsGlobalNamespace: true };
        }
    }
}
