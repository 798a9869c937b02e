using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// What <see cref="SyntacticEffectScreen"/> needs to know about a whole compilation to read a name without binding
    /// it: every member a name could stand for when its receiver is unknown, the annotated members of referenced
    /// assemblies by name, and the declarations that change what a name can mean anywhere (<c>using static</c>,
    /// aliases) or make calls no name shows (user-defined operators and conversions, annotated delegates).
    /// </summary>
    /// <remarks>
    /// Built once per compilation from declarations only: the trees are read down to their type members, never into
    /// a body, and referenced assemblies are read only where they can carry LockOrder attributes at all.
    /// </remarks>
    internal sealed class CompilationNameIndex
    {
        private readonly LockModel model;
        private readonly ConcurrentDictionary<string, ImmutableArray<IMethodSymbol>> membersByName = new ConcurrentDictionary<string, ImmutableArray<IMethodSymbol>>();
        private readonly ConcurrentDictionary<string, ImmutableArray<IMethodSymbol>> extensionLikeByName = new ConcurrentDictionary<string, ImmutableArray<IMethodSymbol>>();
        private readonly ConcurrentDictionary<string, ImmutableArray<IMethodSymbol>> constructorsByTypeName = new ConcurrentDictionary<string, ImmutableArray<IMethodSymbol>>();
        private readonly ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> sourceTypesByName = new ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>>();
        private readonly Dictionary<string, List<IMethodSymbol>> metadataActorsByName = new Dictionary<string, List<IMethodSymbol>>();

        /// <summary>The BCL lock methods that may wait, by name: what a call on a receiver of unknown type, or on a BCL lock type's name, may reach.</summary>
        private readonly Dictionary<string, List<IMethodSymbol>> bclWaitersByName = new Dictionary<string, List<IMethodSymbol>>();
        private readonly Dictionary<string, List<IMethodSymbol>> metadataConstructorActorsByTypeName = new Dictionary<string, List<IMethodSymbol>>();
        private readonly HashSet<string> aliasNames = new HashSet<string>();
        private readonly List<IMethodSymbol> operators = new List<IMethodSymbol>();
        private readonly List<TypeDeclarationSyntax> staticClasses = new List<TypeDeclarationSyntax>();
        private readonly HashSet<string> topLevelLocalFunctions = new HashSet<string>();

        private CompilationNameIndex(LockModel model)
        {
            this.model = model;
            ArrayType = model.Compilation.GetSpecialType(SpecialType.System_Array);
            StaticClassesAndTheirNestedTypes = new Lazy<ImmutableArray<INamedTypeSymbol>>(ResolveStaticClasses, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>Where extension members can be declared: static classes, and types nested in them (extension blocks).</summary>
        private Lazy<ImmutableArray<INamedTypeSymbol>> StaticClassesAndTheirNestedTypes { get; }

        /// <summary><see cref="System.Array"/>, whose members a receiver of any array type reaches.</summary>
        internal INamedTypeSymbol ArrayType { get; }

        /// <summary>
        /// Whether top-level statements declare a local function of that name. A type's method cannot call one, but in
        /// code that does not compile (a lost brace turns the rest of a class into top-level statements) the binder
        /// still binds a simple name to it, so such a name stands for what no member lookup finds.
        /// </summary>
        internal bool IsTopLevelLocalFunction(string name) => topLevelLocalFunctions.Contains(name);

        /// <summary>Some file imports members with <c>using static</c>: a simple name may then stand for a member of any type.</summary>
        internal bool HasUsingStatic { get; private set; }

        /// <summary>
        /// An annotated member is called where no name shows it — a referenced assembly's user-defined operator or
        /// conversion, or a delegate whose <c>Invoke</c> carries a contract — so no body can be vouched for by its syntax.
        /// </summary>
        internal bool ImplicitCallsMayAct { get; private set; }

        /// <summary>Interpolated strings may call members that could act (a handler type in source, or annotated metadata members of a handler's shape).</summary>
        internal bool InterpolationMayCall { get; private set; }

        /// <summary>
        /// The user-defined operators and conversions declared in source: an implicit conversion is a call no name
        /// shows, so every body may call any of them.
        /// </summary>
        internal ImmutableArray<IMethodSymbol> Operators { get; private set; }

        internal static CompilationNameIndex Build(LockModel model, CancellationToken cancellationToken)
        {
            var index = new CompilationNameIndex(model);
            foreach (var tree in model.Compilation.SyntaxTrees)
            {
                index.ReadDeclarations(tree, cancellationToken);
            }

            foreach (var assembly in model.Compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (model.Annotations.MayCarryAnnotations(assembly))
                {
                    index.ReadAnnotatedMembers(assembly.GlobalNamespace, cancellationToken);
                }
            }

            // The BCL's lock methods may wait too (DESIGN §11), and so do blocking waits (LOCK014), reached by names as
            // common as Wait and Result: a name that may call one may act.
            foreach (var type in TypesNamed(model.Compilation, WaitingTypeNames))
            {
                if (BclLockTypes.Is(type, type.Name) && Array.IndexOf(BclLockCalls.LockTypeNames, type.Name) >= 0)
                {
                    foreach (var member in type.GetMembers())
                    {
                        if (member is IMethodSymbol method && BclLockCalls.MayWait(method))
                        {
                            Add(index.bclWaitersByName, method.Name, method);
                        }
                    }
                }

                foreach (var name in BlockingWaits.WaitingMemberNames)
                {
                    foreach (var member in type.GetMembers(name))
                    {
                        var method = member as IMethodSymbol ?? (member as IPropertySymbol)?.GetMethod;
                        if (method is not null && BlockingWaits.Describe(method, type, throughCalls: true) is not null)
                        {
                            Add(index.bclWaitersByName, name, method);
                        }
                    }
                }
            }

            index.Operators = index.operators.ToImmutableArray();
            // A handler's constructor and Append calls are implicit: any member of those names, or any annotated
            // constructor in metadata (whose type the string's conversion may pick), could be one of them.
            index.InterpolationMayCall = !index.MembersNamed("AppendLiteral").IsEmpty || !index.MembersNamed("AppendFormatted").IsEmpty
                || index.metadataConstructorActorsByTypeName.Count > 0;
            return index;
        }

        /// <summary>The metadata names of the BCL types whose methods may wait: the lock types and the blocking waits' types.</summary>
        private static readonly ImmutableArray<string> WaitingTypeNames =
            BclLockCalls.LockTypeNames.Select(name => "System.Threading." + name).Concat(BlockingWaits.WaitingTypeNames).Distinct(StringComparer.Ordinal).ToImmutableArray();

        /// <summary>
        /// The types of those metadata names declared in the compilation or any assembly it references, found in one pass
        /// over the assemblies by their namespaces (asking <see cref="Compilation.GetTypesByMetadataName"/> once per name
        /// searched every assembly each time: a tenth of the analyzer's cost on ordinary code).
        /// </summary>
        private static IEnumerable<INamedTypeSymbol> TypesNamed(Compilation compilation, ImmutableArray<string> metadataNames)
        {
            var byNamespace = metadataNames
                .Select(name => (Namespace: name.Substring(0, name.LastIndexOf('.')), Type: name.Substring(name.LastIndexOf('.') + 1)))
                .GroupBy(name => name.Namespace, name => name.Type, StringComparer.Ordinal)
                .Select(group => (Path: group.Key.Split('.'), Types: group.ToArray()))
                .ToArray();
            foreach (var assembly in new[] { compilation.Assembly }.Concat(compilation.SourceModule.ReferencedAssemblySymbols))
            {
                foreach (var (path, types) in byNamespace)
                {
                    INamespaceSymbol? container = assembly.GlobalNamespace;
                    foreach (var part in path)
                    {
                        container = container?.GetMembers(part).OfType<INamespaceSymbol>().FirstOrDefault();
                    }

                    if (container is null)
                    {
                        continue;
                    }

                    foreach (var metadataName in types)
                    {
                        int tick = metadataName.IndexOf('`');
                        var name = tick < 0 ? metadataName : metadataName.Substring(0, tick);
                        int arity = tick < 0 ? 0 : int.Parse(metadataName.Substring(tick + 1), System.Globalization.CultureInfo.InvariantCulture);
                        foreach (var type in container.GetTypeMembers(name, arity))
                        {
                            yield return type;
                        }
                    }
                }
            }
        }

        /// <summary>A <c>using</c> alias of this name exists somewhere: <c>new Name()</c> may create a type of any name.</summary>
        internal bool IsAlias(string name) => aliasNames.Contains(name);

        /// <summary>
        /// Every method a member access <c>x.Name</c> could call when nothing is known of <c>x</c>: the methods, property
        /// and event accessors of that name declared in source, and the annotated ones of referenced assemblies.
        /// </summary>
        internal ImmutableArray<IMethodSymbol> MembersNamed(string name) => Cached(membersByName, name, name =>
        {
            var methods = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var symbol in model.Compilation.GetSymbolsWithName(name, SymbolFilter.Member))
            {
                methods.AddRange(CallableMethods(symbol));
            }

            if (bclWaitersByName.TryGetValue(name, out var waiters))
            {
                methods.AddRange(waiters);
            }

            return WithAnnotated(methods, metadataActorsByName, name);
        });

        /// <summary>
        /// The annotated methods of that name in referenced assemblies, and the BCL lock methods that may wait (the only
        /// ones there a summary can see act).
        /// </summary>
        internal IReadOnlyList<IMethodSymbol> AnnotatedMetadataMembersNamed(string name)
        {
            var annotated = metadataActorsByName.TryGetValue(name, out var found) ? found : (IReadOnlyList<IMethodSymbol>)Array.Empty<IMethodSymbol>();
            return bclWaitersByName.TryGetValue(name, out var waiters) ? annotated.Concat(waiters).ToList() : annotated;
        }

        /// <summary>
        /// The members of that name a call on a receiver of known type can still reach besides the type's own: those
        /// declared in static classes or in types nested in them (extension methods and extension blocks), and the
        /// annotated metadata ones that can be extensions. An annotated instance method of a referenced type is reached
        /// only on a receiver of that type, whose own members hold it already: <c>_spin.Enter()</c> is no
        /// <c>MutexLock.Enter</c>.
        /// </summary>
        internal ImmutableArray<IMethodSymbol> ExtensionLikeNamed(string name) => Cached(extensionLikeByName, name, name =>
        {
            var methods = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var type in StaticClassesAndTheirNestedTypes.Value)
            {
                foreach (var member in type.GetMembers(name))
                {
                    methods.AddRange(CallableMethods(member));
                }
            }

            if (metadataActorsByName.TryGetValue(name, out var annotated))
            {
                methods.AddRange(annotated.Where(method => method.IsStatic || IsInStaticClass(method.ContainingType)));
            }

            return methods.ToImmutable();
        });

        private static bool IsInStaticClass(INamedTypeSymbol? type)
        {
            for (; type is not null; type = type.ContainingType)
            {
                if (type.IsStatic)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The instance constructors <c>new Name(...)</c> could run: of every source type of that name, and annotated metadata ones.</summary>
        internal ImmutableArray<IMethodSymbol> ConstructorsOfTypesNamed(string name) => Cached(constructorsByTypeName, name, name =>
        {
            var constructors = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var type in SourceTypesNamed(name))
            {
                constructors.AddRange(type.InstanceConstructors);
            }

            return WithAnnotated(constructors, metadataConstructorActorsByTypeName, name);
        });

        /// <summary>The types of that name declared in source, nested ones included.</summary>
        internal ImmutableArray<INamedTypeSymbol> SourceTypesNamed(string name) => Cached(sourceTypesByName, name, name =>
        {
            var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var symbol in model.Compilation.GetSymbolsWithName(name, SymbolFilter.Type))
            {
                if (symbol is INamedTypeSymbol type)
                {
                    types.Add(type);
                }
            }

            return types.ToImmutable();
        });

        /// <summary>The methods a reference to <paramref name="symbol"/> may call: itself, or a property's or event's accessors.</summary>
        internal static IEnumerable<IMethodSymbol> CallableMethods(ISymbol symbol)
        {
            var methods = symbol switch
            {
                IMethodSymbol method => new[] { method },
                IPropertySymbol property => new[] { property.GetMethod, property.SetMethod },
                IEventSymbol eventSymbol => new[] { eventSymbol.AddMethod, eventSymbol.RemoveMethod, eventSymbol.RaiseMethod },
                _ => System.Array.Empty<IMethodSymbol?>(),
            };

            foreach (var method in methods)
            {
                if (method is not null)
                {
                    yield return SummaryProvider.Normalize(method);
                }
            }
        }

        /// <summary>A lookup by name, computed once per name and compilation.</summary>
        private static ImmutableArray<T> Cached<T>(ConcurrentDictionary<string, ImmutableArray<T>> cache, string name, Func<string, ImmutableArray<T>> compute) =>
            cache.TryGetValue(name, out var known) ? known : cache.GetOrAdd(name, compute(name));

        private static ImmutableArray<IMethodSymbol> WithAnnotated(ImmutableArray<IMethodSymbol>.Builder methods, Dictionary<string, List<IMethodSymbol>> annotatedByName, string name)
        {
            if (annotatedByName.TryGetValue(name, out var annotated))
            {
                methods.AddRange(annotated);
            }

            return methods.ToImmutable();
        }

        private void ReadDeclarations(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var pending = new Stack<SyntaxNode>();
            pending.Push(tree.GetRoot(cancellationToken));
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                switch (node)
                {
                    case CompilationUnitSyntax unit:
                        ReadUsings(unit.Usings);
                        PushAll(pending, unit.Members);
                        break;
                    case GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax localFunction }:
                        topLevelLocalFunctions.Add(localFunction.Identifier.ValueText);
                        break;
                    case BaseNamespaceDeclarationSyntax namespaceDeclaration:
                        ReadUsings(namespaceDeclaration.Usings);
                        PushAll(pending, namespaceDeclaration.Members);
                        break;
                    case TypeDeclarationSyntax type:
                        if (type.Modifiers.Any(SyntaxKind.StaticKeyword) && type.Parent is not TypeDeclarationSyntax)
                        {
                            staticClasses.Add(type);
                        }

                        PushAll(pending, type.Members);
                        break;
                    case OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax:
                        if (DeclaredSymbol(node, cancellationToken) is IMethodSymbol userOperator)
                        {
                            operators.Add(SummaryProvider.Normalize(userOperator));
                        }

                        break;
                    case DelegateDeclarationSyntax { AttributeLists.Count: > 0 }:
                        if (DeclaredSymbol(node, cancellationToken) is INamedTypeSymbol { DelegateInvokeMethod: { } invoke } && SyntacticEffectScreen.MayActByItself(invoke, model.Annotations))
                        {
                            ImplicitCallsMayAct = true;
                        }

                        break;
                }
            }
        }

        private ImmutableArray<INamedTypeSymbol> ResolveStaticClasses()
        {
            var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            var pending = new Stack<INamedTypeSymbol>();
            var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var declaration in staticClasses)
            {
                if (DeclaredSymbol(declaration, CancellationToken.None) is INamedTypeSymbol staticClass && seen.Add(staticClass))
                {
                    pending.Push(staticClass);
                }
            }

            while (pending.Count > 0)
            {
                var type = pending.Pop();
                types.Add(type);
                foreach (var nested in type.GetTypeMembers())
                {
                    pending.Push(nested);
                }
            }

            return types.ToImmutable();
        }

        private void ReadUsings(SyntaxList<UsingDirectiveSyntax> usings)
        {
            foreach (var directive in usings)
            {
                HasUsingStatic |= directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword);
                if (directive.Alias is { } alias)
                {
                    aliasNames.Add(alias.Name.Identifier.ValueText);
                }
            }
        }

        private static void PushAll(Stack<SyntaxNode> pending, SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                pending.Push(member);
            }
        }

        private ISymbol? DeclaredSymbol(SyntaxNode declaration, CancellationToken cancellationToken)
        {
#pragma warning disable RS1030 // A declaration's symbol, read once per compilation; no body is bound.
            return model.Compilation.GetSemanticModel(declaration.SyntaxTree).GetDeclaredSymbol(declaration, cancellationToken);
#pragma warning restore RS1030
        }

        /// <summary>Records every member of <paramref name="namespaceSymbol"/> (recursively) that may act by its annotations alone.</summary>
        private void ReadAnnotatedMembers(INamespaceSymbol namespaceSymbol, CancellationToken cancellationToken)
        {
            var types = new Stack<INamespaceOrTypeSymbol>();
            types.Push(namespaceSymbol);
            while (types.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var container = types.Pop();
                foreach (var member in container.GetMembers())
                {
                    if (member.DeclaredAccessibility == Accessibility.Private)
                    {
                        // Never called from this compilation (an explicit interface implementation is called through
                        // the interface's member, whose own annotations count).
                        continue;
                    }

                    switch (member)
                    {
                        case INamespaceOrTypeSymbol nested:
                            types.Push(nested);
                            break;
                        case IMethodSymbol method when SyntacticEffectScreen.MayActByItself(method, model.Annotations):
                            RecordAnnotated(method);
                            break;
                    }
                }
            }
        }

        private void RecordAnnotated(IMethodSymbol method)
        {
            switch (method.MethodKind)
            {
                case MethodKind.Constructor:
                    Add(metadataConstructorActorsByTypeName, method.ContainingType.Name, method);
                    break;
                case MethodKind.UserDefinedOperator:
                case MethodKind.Conversion:
                case MethodKind.DelegateInvoke:
                    ImplicitCallsMayAct = true;
                    break;
                case MethodKind.PropertyGet:
                case MethodKind.PropertySet:
                case MethodKind.EventAdd:
                case MethodKind.EventRemove:
                case MethodKind.EventRaise:
                    Add(metadataActorsByName, method.AssociatedSymbol?.Name ?? method.Name, method);
                    break;
                default:
                    // An explicit implementation "I.M" is called through the interface's member; its own name is "M".
                    string name = method.Name;
                    int dot = name.LastIndexOf('.');
                    Add(metadataActorsByName, dot >= 0 ? name.Substring(dot + 1) : name, method);
                    break;
            }
        }

        private static void Add(Dictionary<string, List<IMethodSymbol>> byName, string name, IMethodSymbol method)
        {
            if (!byName.TryGetValue(name, out var list))
            {
                byName[name] = list = new List<IMethodSymbol>();
            }

            list.Add(method);
        }
    }
}
