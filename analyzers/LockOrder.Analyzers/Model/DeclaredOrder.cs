using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// The declared lock order of one compilation: the transitive closure of every <c>[AcquiredBefore]</c> and
    /// <c>[AcquiredAfter]</c> on the lock types and the lock members (fields and properties, DESIGN §13) declared in
    /// source and in every type they name, transitively (so the runtime's MmapLock → VmaLock → MemoryLock is always
    /// known). One graph holds both worlds: a member may be ordered against a LockOrder lock type. Built once, then
    /// read-only.
    /// </summary>
    internal sealed class DeclaredOrder
    {
        private readonly Dictionary<LockClass, List<(LockClass Later, AttributeData Declaration)>> successors;
        private readonly Dictionary<LockClass, HashSet<LockClass>> closure;

        private DeclaredOrder(Dictionary<LockClass, List<(LockClass, AttributeData)>> successors, LockClass? mmapLock)
        {
            this.successors = successors;
            MmapLock = mmapLock;
            closure = new Dictionary<LockClass, HashSet<LockClass>>();
            foreach (var node in successors.Keys)
            {
                closure[node] = Reachable(node);
            }

            Cycles = FindCycles();
        }

        /// <summary>The runtime's <c>LockOrder.MmapLock</c>, the lock a page fault takes, if the compilation can see it.</summary>
        internal LockClass? MmapLock { get; }

        internal ImmutableArray<OrderCycle> Cycles { get; }

        /// <summary>Every lock class that takes part in a declared order.</summary>
        internal IEnumerable<LockClass> OrderedClasses => successors.Keys;

        /// <summary>Every declared edge (not the closure): the earlier class, the later one, and the attribute that declares it.</summary>
        internal IEnumerable<(LockClass Earlier, LockClass Later, AttributeData Declaration)> DeclaredEdges =>
            successors.SelectMany(pair => pair.Value.Select(edge => (pair.Key, edge.Later, edge.Declaration)));

        internal static DeclaredOrder Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var successors = new Dictionary<LockClass, List<(LockClass, AttributeData)>>();
            var pending = new Stack<INamedTypeSymbol>();
            var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);

            var mmapLockType = LockModel.FindType(compilation, KnownNames.MmapLockMetadataName);
            if (mmapLockType is not null)
            {
                pending.Push(mmapLockType);
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

                if (HasOrderAttribute(type))
                {
                    Read(type.GetAttributes(), LockClass.OfType(type), type);
                }

                foreach (var member in type.GetMembers())
                {
                    if (member is IFieldSymbol or IPropertySymbol && HasOrderAttribute(member) && LockClassResolver.FromMember(member) is { } memberClass)
                    {
                        Read(member.GetAttributes(), memberClass, type);
                    }
                }
            }

            return new DeclaredOrder(successors, mmapLockType is null ? null : LockClass.OfType(mmapLockType));

            void Read(ImmutableArray<AttributeData> attributes, LockClass annotated, INamedTypeSymbol context)
            {
                foreach (var attribute in attributes)
                {
                    bool before = KnownNames.Is(attribute.AttributeClass, KnownNames.AcquiredBefore);
                    bool after = !before && KnownNames.Is(attribute.AttributeClass, KnownNames.AcquiredAfter);
                    if (!before && !after)
                    {
                        continue;
                    }

                    foreach (var (other, otherType) in OrderTargets(attribute, context))
                    {
                        var (earlier, later) = before ? (annotated, other) : (other, annotated);
                        AddEdge(successors, earlier, later, attribute);
                        if (otherType is not null)
                        {
                            pending.Push(otherType);
                        }
                    }
                }
            }
        }

        /// <summary>Whether <paramref name="symbol"/> carries <c>[AcquiredBefore]</c> or <c>[AcquiredAfter]</c>.</summary>
        internal static bool HasOrderAttribute(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (KnownNames.Is(attribute.AttributeClass, KnownNames.AcquiredBefore) || KnownNames.Is(attribute.AttributeClass, KnownNames.AcquiredAfter))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The classes one order attribute names, each with the type whose own attributes should be read too: lock types
        /// (<c>typeof(MemoryLock)</c>), members of the annotated symbol's type (<c>nameof(_index)</c>), or a member of
        /// another type (<c>typeof(Journal), nameof(Journal.Sync)</c>). Names that are no lock are skipped here and
        /// reported as LOCK015.
        /// </summary>
        internal static IEnumerable<(LockClass Class, INamedTypeSymbol? Type)> OrderTargets(AttributeData attribute, INamedTypeSymbol context)
        {
            var arguments = attribute.ConstructorArguments;
            if (arguments.Length == 2 && arguments[0].Kind == TypedConstantKind.Type && arguments[1].Value is string memberName)
            {
                if (arguments[0].Value is INamedTypeSymbol { TypeKind: not TypeKind.Error } owner
                    && LockMembers.Find(owner, memberName) is { } member
                    && LockClassResolver.FromMember(member) is { } memberClass)
                {
                    yield return (memberClass, owner);
                }

                yield break;
            }

            foreach (var argument in arguments)
            {
                // [AcquiredBefore(null)] passes a null array, whose Values are default: enumerating them would throw (AD0001).
                var values = argument.Kind != TypedConstantKind.Array ? ImmutableArray.Create(argument)
                    : argument.IsNull ? ImmutableArray<TypedConstant>.Empty
                    : argument.Values;
                foreach (var value in values)
                {
                    if (value.Kind == TypedConstantKind.Type && value.Value is INamedTypeSymbol { TypeKind: not TypeKind.Error } type)
                    {
                        yield return (LockClass.OfType(type), type);
                    }
                    else if (value.Value is string name && LockMembers.Find(context, name) is { } member && LockClassResolver.FromMember(member) is { } memberClass)
                    {
                        yield return (memberClass, null);
                    }
                }
            }
        }

        /// <summary>Whether <paramref name="earlier"/> is declared, directly or transitively, to be taken before <paramref name="later"/>.</summary>
        internal bool IsBefore(LockClass earlier, LockClass later) =>
            closure.TryGetValue(earlier, out var reachable) && reachable.Contains(later);

        /// <summary>Whether a page fault (which takes MmapLock for read) is forbidden under <paramref name="lockClass"/>.</summary>
        internal bool IsOrderedAfterMmapLock(LockClass lockClass) => MmapLock is not null && IsBefore(MmapLock, lockClass);

        /// <summary>The declared chain from <paramref name="earlier"/> to <paramref name="later"/>, e.g. "MmapLock → VmaLock → MemoryLock".</summary>
        internal string DescribeChain(LockClass earlier, LockClass later)
        {
            var path = ShortestPath(earlier, later);
            return path is null
                ? Display(earlier) + " → " + Display(later)
                : string.Join(" → ", path.Select(Display));
        }

        internal static string Display(LockClass lockClass) => lockClass.Display;

        private static void AddEdge(Dictionary<LockClass, List<(LockClass, AttributeData)>> successors, LockClass earlier, LockClass later, AttributeData declaration)
        {
            if (!successors.TryGetValue(earlier, out var list))
            {
                successors[earlier] = list = new List<(LockClass, AttributeData)>();
            }

            if (!successors.ContainsKey(later))
            {
                successors[later] = new List<(LockClass, AttributeData)>();
            }

            list.Add((later, declaration));
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
                        if (type.TypeKind is TypeKind.Class or TypeKind.Struct)
                        {
                            yield return type;
                        }
                    }
                }
            }
        }

        private HashSet<LockClass> Reachable(LockClass start)
        {
            var reachable = new HashSet<LockClass>();
            var stack = new Stack<LockClass>();
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

        private List<LockClass>? ShortestPath(LockClass from, LockClass to)
        {
            var previous = new Dictionary<LockClass, LockClass>();
            var queue = new Queue<LockClass>();
            queue.Enqueue(from);
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                foreach (var (later, _) in successors.TryGetValue(current, out var next) ? next : new List<(LockClass, AttributeData)>())
                {
                    if (later.Equals(to))
                    {
                        var path = new List<LockClass> { to };
                        for (var step = current; ; step = previous[step])
                        {
                            path.Add(step);
                            if (step.Equals(from))
                            {
                                break;
                            }
                        }

                        path.Reverse();
                        return path;
                    }

                    if (!later.Equals(from) && !previous.ContainsKey(later))
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
            var reported = new HashSet<LockClass>();
            var cycles = ImmutableArray.CreateBuilder<OrderCycle>();
            foreach (var start in onCycle.OrderBy(c => c.Id, System.StringComparer.Ordinal))
            {
                if (reported.Contains(start))
                {
                    continue;
                }

                var component = onCycle.Where(c => closure[start].Contains(c) && closure[c].Contains(start)).ToList();
                reported.UnionWith(component);
                var path = ShortestPath(start, start) ?? new List<LockClass> { start, start };
                var declarations = component
                    .SelectMany(c => successors[c].Where(edge => component.Contains(edge.Later)).Select(edge => edge.Declaration))
                    .Distinct()
                    .ToImmutableArray();
                cycles.Add(new OrderCycle(path.Take(path.Count - 1).ToImmutableArray(), declarations));
            }

            return cycles.ToImmutable();
        }
    }
}
