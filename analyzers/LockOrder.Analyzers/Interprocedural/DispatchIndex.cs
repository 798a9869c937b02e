using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// The overrides and interface implementations a virtual or interface call may run, among the types declared in the
    /// compilation (DESIGN §14): a call of <c>Handler.Handle</c> under a lock runs the override the object has. Where the
    /// compilation declares one, that is the one that runs (for an object the compilation creates). Where it declares
    /// more than <see cref="MaxTargets"/>, which one runs depends on the object, and their union is a program no run
    /// executes: RabbitMQ's recovery closes a plain channel through <c>IChannel</c>, whose other implementation (the
    /// recovering channel) would wait for the semaphore recovery holds; Rx's operators dispose through a base method
    /// with hundreds of overrides. Such a call is a plug-in point: its overrides are not followed (no edge, no LOCK011).
    /// </summary>
    internal sealed class DispatchIndex
    {
        /// <summary>Overrides and implementations followed for one virtual or interface member: past it, none.</summary>
        internal const int MaxTargets = 1;

        private readonly Compilation compilation;
        private readonly Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>> subtypes;
        private readonly ConcurrentDictionary<IMethodSymbol, (ImmutableArray<IMethodSymbol> Targets, bool Polymorphic)> targets =
            new ConcurrentDictionary<IMethodSymbol, (ImmutableArray<IMethodSymbol>, bool)>(SymbolEqualityComparer.Default);

        internal DispatchIndex(Compilation compilation)
        {
            this.compilation = compilation;
            subtypes = new Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>>(BuildSubtypes, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>Whether a call of <paramref name="method"/> may run another body than its own: it is virtual, abstract, an override or an interface member.</summary>
        internal static bool IsDispatched(IMethodSymbol method) =>
            !method.IsStatic
            && method.MethodKind is MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove
            && (method.ContainingType?.TypeKind == TypeKind.Interface || ((method.IsVirtual || method.IsAbstract || method.IsOverride) && !method.IsSealed && method.ContainingType?.IsSealed == false));

        /// <summary>
        /// The member a call of <paramref name="target"/> on <paramref name="instance"/> runs, as far as the receiver's
        /// static type says: <c>using (var scope = new Scope())</c> disposes through <c>IDisposable.Dispose</c>, but on
        /// a <c>Scope</c>, so it runs <c>Scope.Dispose</c> (and its overrides, if any) — not every <c>Dispose</c> in the
        /// compilation.
        /// </summary>
        internal static IMethodSymbol Devirtualize(IMethodSymbol target, IOperation? instance)
        {
            if (!IsDispatched(target) || instance is null)
            {
                return target;
            }

            while (instance is IConversionOperation conversion)
            {
                instance = conversion.Operand;
            }

            if (instance.Type is not INamedTypeSymbol receiverType || receiverType.TypeKind is TypeKind.Interface or TypeKind.Error)
            {
                return target;
            }

            if (target.ContainingType.TypeKind == TypeKind.Interface)
            {
                return receiverType.FindImplementationForInterfaceMember(target) as IMethodSymbol ?? target;
            }

            var declaring = target.ContainingType.OriginalDefinition;
            for (var type = receiverType; type is not null && !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, declaring); type = type.BaseType)
            {
                foreach (var member in type.GetMembers(target.Name))
                {
                    if (member is IMethodSymbol { IsOverride: true } candidate && Overrides(candidate, target.OriginalDefinition))
                    {
                        return candidate;
                    }
                }
            }

            return target;
        }

        private static bool Overrides(IMethodSymbol candidate, IMethodSymbol method)
        {
            for (var overridden = candidate.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The bodies in the compilation a call of <paramref name="method"/> may run besides its own: the override in a
        /// subclass, the implementation of an interface member. <paramref name="polymorphic"/> says there are more than
        /// <see cref="MaxTargets"/>, none of which is followed.
        /// </summary>
        internal ImmutableArray<IMethodSymbol> TargetsOf(IMethodSymbol method, out bool polymorphic)
        {
            method = method.OriginalDefinition;

            // Only members the compilation declares: a call of IDisposable.Dispose, object.ToString or
            // IEnumerator.MoveNext on a receiver of unknown type would otherwise run every implementation in the
            // compilation — each a guess, and together a graph with edges no program has.
            if (!IsDispatched(method) || !method.Locations.Any(location => location.IsInSource))
            {
                polymorphic = false;
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            if (!targets.TryGetValue(method, out var known))
            {
                known = targets.GetOrAdd(method, Compute(method));
            }

            polymorphic = known.Polymorphic;
            return known.Targets;
        }

        private (ImmutableArray<IMethodSymbol>, bool) Compute(IMethodSymbol method)
        {
            var owner = method.ContainingType.OriginalDefinition;
            if (!subtypes.Value.TryGetValue(owner, out var candidates))
            {
                return (ImmutableArray<IMethodSymbol>.Empty, false);
            }

            var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
            var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var type in candidates)
            {
                var implementation = owner.TypeKind == TypeKind.Interface ? ImplementationOf(type, method) : OverrideOf(type, method);
                if (implementation is null || SymbolEqualityComparer.Default.Equals(implementation, method) || !seen.Add(implementation))
                {
                    continue;
                }

                if (found.Count == MaxTargets)
                {
                    return (ImmutableArray<IMethodSymbol>.Empty, true);
                }

                found.Add(implementation);
            }

            return (found.ToImmutable(), false);
        }

        private static IMethodSymbol? OverrideOf(INamedTypeSymbol type, IMethodSymbol method)
        {
            foreach (var member in type.GetMembers(method.Name))
            {
                if (member is IMethodSymbol { IsOverride: true } candidate && Overrides(candidate, method))
                {
                    return SummaryProvider.Normalize(candidate);
                }
            }

            return null;
        }

        private static IMethodSymbol? ImplementationOf(INamedTypeSymbol type, IMethodSymbol method)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, method.ContainingType.OriginalDefinition))
                {
                    continue;
                }

                foreach (var member in implemented.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol constructed && SymbolEqualityComparer.Default.Equals(constructed.OriginalDefinition, method)
                        && type.FindImplementationForInterfaceMember(constructed) is IMethodSymbol implementation
                        && implementation.Locations.Length > 0 && implementation.Locations[0].IsInSource)
                    {
                        return SummaryProvider.Normalize(implementation);
                    }
                }
            }

            return null;
        }

        /// <summary>Every class and struct declared in source, under each of its base classes and interfaces (original definitions).</summary>
        private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> BuildSubtypes()
        {
            var map = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                foreach (var member in pending.Pop().GetMembers())
                {
                    if (member is INamespaceSymbol ns)
                    {
                        pending.Push(ns);
                    }
                    else if (member is INamedTypeSymbol type)
                    {
                        pending.Push(type);
                        if (type.TypeKind is TypeKind.Class or TypeKind.Struct)
                        {
                            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
                            {
                                Add(map, baseType.OriginalDefinition, type);
                            }

                            foreach (var implemented in type.AllInterfaces)
                            {
                                Add(map, implemented.OriginalDefinition, type);
                            }
                        }
                    }
                }
            }

            return map;
        }

        private static void Add(Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> map, INamedTypeSymbol key, INamedTypeSymbol type)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<INamedTypeSymbol>();
            }

            list.Add(type);
        }
    }
}
