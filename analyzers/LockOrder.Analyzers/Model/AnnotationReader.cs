using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// Decodes LockOrder attributes on methods: once per annotated method per compilation, and again at each lookup of
    /// an unannotated one (whose attributes the compiler keeps). Malformed attributes (wrong argument types, a type
    /// that does not exist) are skipped rather than guessed at.
    /// </summary>
    internal sealed class AnnotationReader
    {
        private readonly ConcurrentDictionary<IMethodSymbol, MethodAnnotations> cache = new ConcurrentDictionary<IMethodSymbol, MethodAnnotations>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IAssemblySymbol, bool> mayCarryAnnotations = new ConcurrentDictionary<IAssemblySymbol, bool>(SymbolEqualityComparer.Default);

        internal MethodAnnotations Get(IMethodSymbol method)
        {
            method = method.OriginalDefinition;
            if (method.ContainingAssembly is { } assembly && !MayCarryAnnotations(assembly))
            {
                // Most calls in ordinary code go to the framework, whose methods cannot carry a LockOrder attribute:
                // answering from the assembly spares reading (and caching) the attributes of every such method.
                return MethodAnnotations.None;
            }

            if (cache.TryGetValue(method, out var known))
            {
                return known;
            }

            // Only annotated methods are cached. Most methods a body calls carry no annotation, and re-reading their
            // attributes (which the compiler keeps) costs less than adding them: an add takes the dictionary's lock,
            // which profiles of ordinary code showed contended under the prescan of every body.
            var annotations = Read(method);
            return annotations.IsEmpty ? annotations : cache.GetOrAdd(method, annotations);
        }

        /// <summary>
        /// Whether members of <paramref name="assembly"/> can carry LockOrder attributes: it is built from source, or it
        /// declares the <c>LockOrder</c> namespace (the runtime, or a project with its own copies of the attributes),
        /// or it references an assembly that does — an attribute in metadata always references its defining assembly.
        /// </summary>
        internal bool MayCarryAnnotations(IAssemblySymbol assembly)
        {
            if (mayCarryAnnotations.TryGetValue(assembly, out bool known))
            {
                return known;
            }

            bool mayCarry = IsFromSource(assembly) || DeclaresLockOrderNamespace(assembly);
            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblySymbols)
                {
                    mayCarry |= !mayCarry && DeclaresLockOrderNamespace(referenced);
                }
            }

            return mayCarryAnnotations.GetOrAdd(assembly, mayCarry);
        }

        private static bool IsFromSource(IAssemblySymbol assembly)
        {
            foreach (var location in assembly.Locations)
            {
                if (location.IsInSource)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DeclaresLockOrderNamespace(IAssemblySymbol assembly)
        {
            foreach (var member in assembly.GlobalNamespace.GetMembers(KnownNames.Namespace))
            {
                if (member is INamespaceSymbol)
                {
                    return true;
                }
            }

            return false;
        }

        private static MethodAnnotations Read(IMethodSymbol method)
        {
            ImmutableArray<LockContract>.Builder? contracts = null;
            bool mightFault = false;
            bool noLockAnalysis = false;

            // Attributes on methods are declared Inherited: an override carries its base member's contract, and an
            // accessor carries its property's.
            for (IMethodSymbol? current = method; current is not null; current = current.OverriddenMethod)
            {
                AddFrom(current.GetAttributes(), current, ref contracts, ref mightFault, ref noLockAnalysis);
                if (current.AssociatedSymbol is IPropertySymbol property)
                {
                    AddFrom(property.GetAttributes(), property, ref contracts, ref mightFault, ref noLockAnalysis);
                }

                if (current.OverriddenMethod is { } overridden && SymbolEqualityComparer.Default.Equals(overridden, current))
                {
                    break;
                }
            }

            for (INamedTypeSymbol? type = method.ContainingType; type is not null && !noLockAnalysis; type = type.ContainingType)
            {
                foreach (var attribute in type.GetAttributes())
                {
                    noLockAnalysis |= KnownNames.Is(attribute.AttributeClass, KnownNames.NoLockAnalysis);
                }
            }

            if (contracts is null && !mightFault && !noLockAnalysis)
            {
                return MethodAnnotations.None;
            }

            return new MethodAnnotations(contracts?.ToImmutable() ?? ImmutableArray<LockContract>.Empty, mightFault, noLockAnalysis);
        }

        private static void AddFrom(ImmutableArray<AttributeData> attributes, ISymbol annotated, ref ImmutableArray<LockContract>.Builder? contracts, ref bool mightFault, ref bool noLockAnalysis)
        {
            foreach (var attribute in attributes)
            {
                var attributeClass = attribute.AttributeClass;
                if (attributeClass is null || attributeClass.ContainingNamespace?.Name != KnownNames.Namespace)
                {
                    continue;
                }

                if (KnownNames.Is(attributeClass, KnownNames.MightFault))
                {
                    mightFault = true;
                }
                else if (KnownNames.Is(attributeClass, KnownNames.NoLockAnalysis))
                {
                    noLockAnalysis = true;
                }
                else if (TryGetKind(attributeClass, out var kind) && TryDecode(kind, attribute, annotated, out var contract))
                {
                    (contracts ??= ImmutableArray.CreateBuilder<LockContract>()).Add(contract);
                }
            }
        }

        private static bool TryGetKind(INamedTypeSymbol attributeClass, out LockContractKind kind)
        {
            switch (attributeClass.Name)
            {
                case KnownNames.Acquires: kind = LockContractKind.Acquires; break;
                case KnownNames.TryAcquires: kind = LockContractKind.TryAcquires; break;
                case KnownNames.Releases: kind = LockContractKind.Releases; break;
                case KnownNames.Requires: kind = LockContractKind.Requires; break;
                case KnownNames.Excludes: kind = LockContractKind.Excludes; break;
                case KnownNames.MayAcquire: kind = LockContractKind.MayAcquire; break;
                default: kind = default; return false;
            }

            return KnownNames.Is(attributeClass, attributeClass.Name);
        }

        private static bool TryDecode(LockContractKind kind, AttributeData attribute, ISymbol annotated, out LockContract contract)
        {
            contract = null!;
            ITypeSymbol? namedType = null;
            string? memberName = null;
            LockMode mode = LockMode.Exclusive;
            bool sawMode = false;

            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Kind == TypedConstantKind.Type && argument.Value is ITypeSymbol type)
                {
                    if (type.TypeKind == TypeKind.Error)
                    {
                        return false;
                    }

                    namedType = type;
                }
                else if (argument.Kind == TypedConstantKind.Primitive && argument.Value is string name)
                {
                    memberName = name;
                }
                else if (argument.Kind == TypedConstantKind.Enum && argument.Value is int value && (value == 0 || value == 1))
                {
                    mode = (LockMode)value;
                    sawMode = true;
                }
                else
                {
                    return false;
                }
            }

            LockClass? lockClass = null;
            ISymbol? namedMember = null;
            if (memberName is not null)
            {
                // [Requires(nameof(_sync))] names a member of the annotated method's type; [Requires(typeof(Journal),
                // nameof(Journal.Sync))] one of another type. A name that is no lock member is LOCK015 (AnnotationRule).
                namedMember = LockMembers.Find(namedType ?? annotated.ContainingType, memberName);
                lockClass = namedMember is null ? null : LockClassResolver.FromMember(namedMember);
                if (lockClass is null)
                {
                    return false;
                }

                sawMode = true;
            }
            else if (namedType is not null)
            {
                lockClass = LockClass.OfType(namedType);
            }

            bool needsClass = kind is LockContractKind.Requires or LockContractKind.Excludes or LockContractKind.MayAcquire;
            if ((needsClass && lockClass is null) || (kind != LockContractKind.Excludes && !sawMode))
            {
                return false;
            }

            bool blocking = kind switch
            {
                LockContractKind.Acquires => true,
                LockContractKind.MayAcquire => true,
                LockContractKind.TryAcquires => ReadBlocking(attribute),
                _ => false,
            };

            contract = new LockContract(kind, lockClass, namedMember is not null && lockClass is { IsLockOrderType: false } ? namedMember : null, mode, blocking, attribute);
            return true;
        }

        private static bool ReadBlocking(AttributeData attribute)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == KnownNames.BlockingArgument && named.Value.Value is bool blocking)
                {
                    return blocking;
                }
            }

            return false;
        }
    }
}
