using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// The declared lock order of one compilation: the transitive closure of every <c>[AcquiredBefore]</c> and
    /// <c>[AcquiredAfter]</c> on the lock classes declared in source and on every class they name, transitively
    /// (so the runtime's MmapLock → VmaLock → MemoryLock is always known). Built once, then read-only.
    /// </summary>
    internal sealed class DeclaredOrder
    {
        private readonly Dictionary<ITypeSymbol, List<(ITypeSymbol Later, AttributeData Declaration)>> successors;
        private readonly Dictionary<ITypeSymbol, HashSet<ITypeSymbol>> closure;

        private DeclaredOrder(Dictionary<ITypeSymbol, List<(ITypeSymbol, AttributeData)>> successors, ITypeSymbol? mmapLock)
        {
            this.successors = successors;
            MmapLock = mmapLock;
            closure = new Dictionary<ITypeSymbol, HashSet<ITypeSymbol>>(SymbolEqualityComparer.Default);
            foreach (var node in successors.Keys)
            {
                closure[node] = Reachable(node);
            }

            Cycles = FindCycles();
        }

        /// <summary>The runtime's <c>LockOrder.MmapLock</c>, the lock a page fault takes, if the compilation can see it.</summary>
        internal ITypeSymbol? MmapLock { get; }

        internal ImmutableArray<OrderCycle> Cycles { get; }

        /// <summary>Every lock class that takes part in a declared order.</summary>
        internal IEnumerable<ITypeSymbol> OrderedClasses => successors.Keys;

        /// <summary>Every declared edge (not the closure): the earlier class, the later one, and the attribute that declares it.</summary>
        internal IEnumerable<(ITypeSymbol Earlier, ITypeSymbol Later, AttributeData Declaration)> DeclaredEdges =>
            successors.SelectMany(pair => pair.Value.Select(edge => (pair.Key, edge.Later, edge.Declaration)));

        internal static DeclaredOrder Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var successors = new Dictionary<ITypeSymbol, List<(ITypeSymbol, AttributeData)>>(SymbolEqualityComparer.Default);
            var pending = new Stack<INamedTypeSymbol>();
            var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);

            var mmapLock = LockModel.FindType(compilation, KnownNames.MmapLockMetadataName);
            if (mmapLock is not null)
            {
                pending.Push(mmapLock);
            }

            foreach (var type in SourceTypes(compilation.Assembly.GlobalNamespace, cancellationToken))
            {
                pending.Push(type);
            }

            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var type = pending.Pop();
                if (!seen.Add(type))
                {
                    continue;
                }

                foreach (var attribute in type.GetAttributes())
                {
                    bool before = KnownNames.Is(attribute.AttributeClass, KnownNames.AcquiredBefore);
                    bool after = !before && KnownNames.Is(attribute.AttributeClass, KnownNames.AcquiredAfter);
                    if (!before && !after)
                    {
                        continue;
                    }

                    foreach (var other in NamedTypes(attribute))
                    {
                        var (earlier, later) = before ? ((ITypeSymbol)type, other) : (other, type);
                        AddEdge(successors, earlier, later, attribute);
                        pending.Push(other);
                    }
                }
            }

            return new DeclaredOrder(successors, mmapLock);
        }

        /// <summary>Whether <paramref name="earlier"/> is declared, directly or transitively, to be taken before <paramref name="later"/>.</summary>
        internal bool IsBefore(ITypeSymbol earlier, ITypeSymbol later) =>
            closure.TryGetValue(earlier, out var reachable) && reachable.Contains(later);

        /// <summary>Whether a page fault (which takes MmapLock for read) is forbidden under <paramref name="lockClass"/>.</summary>
        internal bool IsOrderedAfterMmapLock(ITypeSymbol lockClass) => MmapLock is not null && IsBefore(MmapLock, lockClass);

        /// <summary>The declared chain from <paramref name="earlier"/> to <paramref name="later"/>, e.g. "MmapLock → VmaLock → MemoryLock".</summary>
        internal string DescribeChain(ITypeSymbol earlier, ITypeSymbol later)
        {
            var path = ShortestPath(earlier, later);
            return path is null
                ? Display(earlier) + " → " + Display(later)
                : string.Join(" → ", path.Select(Display));
        }

        internal static string Display(ITypeSymbol lockClass) => lockClass.Name;

        private static void AddEdge(Dictionary<ITypeSymbol, List<(ITypeSymbol, AttributeData)>> successors, ITypeSymbol earlier, ITypeSymbol later, AttributeData declaration)
        {
            if (!successors.TryGetValue(earlier, out var list))
            {
                successors[earlier] = list = new List<(ITypeSymbol, AttributeData)>();
            }

            if (!successors.ContainsKey(later))
            {
                successors[later] = new List<(ITypeSymbol, AttributeData)>();
            }

            list.Add((later, declaration));
        }

        private static IEnumerable<INamedTypeSymbol> NamedTypes(AttributeData attribute)
        {
            foreach (var argument in attribute.ConstructorArguments)
            {
                // [AcquiredBefore(null)] passes a null array, whose Values are default: enumerating them would throw (AD0001).
                var values = argument.Kind != TypedConstantKind.Array ? ImmutableArray.Create(argument)
                    : argument.IsNull ? ImmutableArray<TypedConstant>.Empty
                    : argument.Values;
                foreach (var value in values)
                {
                    if (value.Kind == TypedConstantKind.Type && value.Value is INamedTypeSymbol { TypeKind: not TypeKind.Error } type)
                    {
                        yield return type;
                    }
                }
            }
        }

        private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol root, CancellationToken cancellationToken)
        {
            var namespaces = new Stack<INamespaceOrTypeSymbol>();
            namespaces.Push(root);
            while (namespaces.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = namespaces.Pop();
                foreach (var member in current.GetMembers())
                {
                    if (member is INamespaceSymbol ns)
                    {
                        namespaces.Push(ns);
                    }
                    else if (member is INamedTypeSymbol type)
                    {
                        namespaces.Push(type);
                        if (type.TypeKind == TypeKind.Class)
                        {
                            yield return type;
                        }
                    }
                }
            }
        }

        private HashSet<ITypeSymbol> Reachable(ITypeSymbol start)
        {
            var reachable = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            var stack = new Stack<ITypeSymbol>();
            stack.Push(start);
            while (stack.Count > 0)
            {
                foreach (var (later, _) in successors[stack.Pop()])
                {
                    if (reachable.Add(later))
                    {
                        stack.Push(later);
                    }
                }
            }

            return reachable;
        }

        private List<ITypeSymbol>? ShortestPath(ITypeSymbol from, ITypeSymbol to)
        {
            var comparer = SymbolEqualityComparer.Default;
            var previous = new Dictionary<ITypeSymbol, ITypeSymbol>(comparer);
            var queue = new Queue<ITypeSymbol>();
            queue.Enqueue(from);
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                foreach (var (later, _) in successors.TryGetValue(current, out var next) ? next : new List<(ITypeSymbol, AttributeData)>())
                {
                    if (comparer.Equals(later, to))
                    {
                        var path = new List<ITypeSymbol> { to };
                        for (var step = current; ; step = previous[step])
                        {
                            path.Add(step);
                            if (comparer.Equals(step, from))
                            {
                                break;
                            }
                        }

                        path.Reverse();
                        return path;
                    }

                    if (!comparer.Equals(later, from) && !previous.ContainsKey(later))
                    {
                        previous[later] = current;
                        queue.Enqueue(later);
                    }
                }
            }

            return null;
        }

        private ImmutableArray<OrderCycle> FindCycles()
        {
            // A class that can reach itself is on a cycle; report each strongly connected set of such classes once.
            var onCycle = successors.Keys.Where(c => closure[c].Contains(c)).ToList();
            var reported = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            var cycles = ImmutableArray.CreateBuilder<OrderCycle>();
            foreach (var start in onCycle.OrderBy(c => c.ToDisplayString()))
            {
                if (reported.Contains(start))
                {
                    continue;
                }

                var component = onCycle.Where(c => closure[start].Contains(c) && closure[c].Contains(start)).ToList();
                reported.UnionWith(component);
                var path = ShortestPath(start, start) ?? new List<ITypeSymbol> { start, start };
                var declarations = component
                    .SelectMany(c => successors[c].Where(edge => component.Contains(edge.Later, SymbolEqualityComparer.Default)).Select(edge => edge.Declaration))
                    .Distinct()
                    .ToImmutableArray();
                cycles.Add(new OrderCycle(path.Take(path.Count - 1).ToImmutableArray(), declarations));
            }

            return cycles.ToImmutable();
        }
    }
}
