using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Every method one body could call, read from its syntax and from declarations — never by binding it. Each name
    /// the body mentions stands for every member it could bind to: a simple name for the members of that name in the
    /// enclosing types and their bases; <c>x.Name</c> for those of <c>x</c>'s declared type when <c>x</c> is
    /// <c>this</c>, <c>base</c>, a parameter of the method, or a field or property of the enclosing types (not
    /// shadowed by a local), and for extension members of that name; otherwise for every member of that name in the
    /// compilation; <c>new T()</c> for the constructors of every type named <c>T</c>.
    /// </summary>
    /// <remarks>
    /// It must cover every call <see cref="BodyEffectWalker"/> records on the bound body: invocations, object
    /// creations, property, indexer and event accessors, user-defined operators and conversions — including the
    /// implicit ones (collection initializers' <c>Add</c>, object initializers' setters, property patterns' getters,
    /// a constructor's base constructor). Syntax whose calls it cannot name — query expressions, target-typed
    /// <c>new()</c>, <c>fixed</c>, interpolated strings where a handler could act, <c>new Alias()</c>, a body
    /// larger than <see cref="MaxSyntaxNodesPerBody"/> — makes the answer unknown, and the body is bound instead.
    /// </remarks>
    internal sealed class SyntacticCallSites
    {
        /// <summary>
        /// Bodies larger than this are not read (the answer is unknown): well under
        /// <see cref="BodyEffectWalker.MaxOperationsPerBody"/> operations, so a body the screen vouches for is one the
        /// bound walk would have read whole.
        /// </summary>
        internal const int MaxSyntaxNodesPerBody = 10_000;

        private const string IndexerName = "this[]";

        private readonly CompilationNameIndex index;
        private readonly IMethodSymbol method;
        private readonly INamedTypeSymbol containingType;
        private readonly HashSet<string> declaredNames = new HashSet<string>();
        private readonly List<SyntaxNode> sites = new List<SyntaxNode>();
        private readonly CalleeSet callees = new CalleeSet();

        private SyntacticCallSites(CompilationNameIndex index, IMethodSymbol method, INamedTypeSymbol containingType)
        {
            this.index = index;
            this.method = method;
            this.containingType = containingType;
        }

        /// <summary>The methods <paramref name="method"/>'s body could call; default when its syntax does not say.</summary>
        internal static ImmutableArray<IMethodSymbol> Of(IMethodSymbol method, List<SyntaxNode> declarations, CompilationNameIndex index)
        {
            if (method.ContainingType is not { } containingType || method.MethodKind == MethodKind.LocalFunction)
            {
                // A local function's body may call its siblings, which only the enclosing member's syntax holds.
                return default;
            }

            var reader = new SyntacticCallSites(index, method, containingType);
            reader.DeclareNamesInScope();
            foreach (var declaration in declarations)
            {
                if (!reader.Read(declaration))
                {
                    return default;
                }
            }

            foreach (var site in reader.sites)
            {
                if (!reader.Resolve(site))
                {
                    return default;
                }
            }

            if (method.MethodKind == MethodKind.Constructor)
            {
                // `: base(...)`, `: this(...)` or the implicit call of the base constructor.
                reader.callees.AddRange(containingType.InstanceConstructors);
                if (containingType.BaseType is { } baseType)
                {
                    reader.callees.AddRange(baseType.InstanceConstructors);
                }
            }

            return reader.callees.ToImmutableArray();
        }

        /// <summary>
        /// Names in scope in every body of the method that are not members: type parameters (which shadow members of
        /// the same name), primary constructor parameters, and <c>field</c> (a property accessor's backing field).
        /// Read as declared, a receiver of such a name is not resolved to a member.
        /// </summary>
        private void DeclareNamesInScope()
        {
            declaredNames.Add("field");
            foreach (var typeParameter in method.TypeParameters)
            {
                declaredNames.Add(typeParameter.Name);
            }

            for (var type = containingType; type is not null; type = type.ContainingType)
            {
                foreach (var typeParameter in type.TypeParameters)
                {
                    declaredNames.Add(typeParameter.Name);
                }

                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is TypeDeclarationSyntax { ParameterList: { } parameters })
                    {
                        foreach (var parameter in parameters.Parameters)
                        {
                            declaredNames.Add(parameter.Identifier.ValueText);
                        }
                    }
                }
            }
        }

        /// <summary>Collects the declared names and the call sites of one declaration; false when it holds syntax the screen does not read.</summary>
        private bool Read(SyntaxNode declaration)
        {
            var roots = new List<SyntaxNode>();
            switch (declaration)
            {
                case BaseMethodDeclarationSyntax member:
                    AddIfPresent(roots, member.Body);
                    AddIfPresent(roots, member.ExpressionBody);
                    AddIfPresent(roots, (member as ConstructorDeclarationSyntax)?.Initializer);
                    break;
                case AccessorDeclarationSyntax accessor:
                    AddIfPresent(roots, accessor.Body);
                    AddIfPresent(roots, accessor.ExpressionBody);
                    break;
                case ArrowExpressionClauseSyntax arrow:
                    roots.Add(arrow);
                    break;
                default:
                    return false;
            }

            int visited = 0;
            foreach (var root in roots)
            {
                // Lambda bodies are not run by the body that creates them (the bound walk skips them too).
                foreach (var node in root.DescendantNodesAndSelf(descendIntoChildren: n => n is not AnonymousFunctionExpressionSyntax))
                {
                    if (++visited > MaxSyntaxNodesPerBody || !ReadNode(node))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private bool ReadNode(SyntaxNode node)
        {
            switch (node)
            {
                case QueryExpressionSyntax:
                case ImplicitObjectCreationExpressionSyntax:
                case FixedStatementSyntax:
                    return false;
                case InterpolatedStringExpressionSyntax:
                    return !index.InterpolationMayCall;
                case VariableDeclaratorSyntax declarator:
                    declaredNames.Add(declarator.Identifier.ValueText);
                    return true;
                case SingleVariableDesignationSyntax designation:
                    declaredNames.Add(designation.Identifier.ValueText);
                    return true;
                case ForEachStatementSyntax forEach:
                    declaredNames.Add(forEach.Identifier.ValueText);
                    return true;
                case CatchDeclarationSyntax catchDeclaration:
                    declaredNames.Add(catchDeclaration.Identifier.ValueText);
                    return true;
                case ParameterSyntax parameter:
                    declaredNames.Add(parameter.Identifier.ValueText);
                    return true;
                case LocalFunctionStatementSyntax localFunction:
                    declaredNames.Add(localFunction.Identifier.ValueText);
                    return true;
                case TypeParameterSyntax typeParameter:
                    declaredNames.Add(typeParameter.Identifier.ValueText);
                    return true;
                case SimpleNameSyntax:
                case ElementAccessExpressionSyntax:
                case ElementBindingExpressionSyntax:
                case ImplicitElementAccessSyntax:
                case ObjectCreationExpressionSyntax:
                case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                    sites.Add(node);
                    return true;
                default:
                    return true;
            }
        }

        private bool Resolve(SyntaxNode site)
        {
            switch (site)
            {
                case SimpleNameSyntax name:
                    ResolveName(name);
                    return true;
                case ElementAccessExpressionSyntax elementAccess:
                    AddMembersOf(elementAccess.Expression, IndexerName);
                    return true;
                case ElementBindingExpressionSyntax:
                case ImplicitElementAccessSyntax:
                    callees.AddRange(index.MembersNamed(IndexerName));
                    return true;
                case ObjectCreationExpressionSyntax creation:
                    return ResolveCreation(creation);
                case InitializerExpressionSyntax initializer:
                    AddCollectionAdds(initializer);
                    return true;
                default:
                    return false;
            }
        }

        private void ResolveName(SimpleNameSyntax name)
        {
            string text = name.Identifier.ValueText;
            if (text.Length == 0)
            {
                return;
            }

            switch (name.Parent)
            {
                case MemberAccessExpressionSyntax memberAccess when memberAccess.Name == name:
                    AddMembersOf(memberAccess.Expression, text);
                    return;
                case NameColonSyntax { Parent: ArgumentSyntax or AttributeArgumentSyntax }:
                case NameEqualsSyntax:
                    // A named argument or a declared name: nothing is called.
                    return;
                case MemberBindingExpressionSyntax:
                case QualifiedNameSyntax:
                case AliasQualifiedNameSyntax:
                case NameColonSyntax:
                    // `x?.Name`, a qualified name, a property pattern's `{ Name: ... }`: a member of a type not read here.
                    callees.AddRange(index.MembersNamed(text));
                    return;
                case AssignmentExpressionSyntax assignment when assignment.Left == name && assignment.Parent is InitializerExpressionSyntax initializer
                    && (initializer.IsKind(SyntaxKind.ObjectInitializerExpression) || initializer.IsKind(SyntaxKind.WithInitializerExpression)):
                    // `new T { Name = ... }` and `x with { Name = ... }` set a member of the created type.
                    callees.AddRange(index.MembersNamed(text));
                    return;
            }

            if (IsInsidePropertyPattern(name))
            {
                callees.AddRange(index.MembersNamed(text));
                return;
            }

            foreach (var member in LookUpInEnclosingTypes(text))
            {
                callees.AddCallable(member);
            }

            if (index.HasUsingStatic)
            {
                callees.AddRange(index.MembersNamed(text));
            }
        }

        /// <summary>The members <c>receiver.name</c> could call.</summary>
        private void AddMembersOf(ExpressionSyntax receiver, string name)
        {
            var types = ReceiverTypes(receiver);
            if (types is null)
            {
                callees.AddRange(index.MembersNamed(name));
                return;
            }

            foreach (var type in types)
            {
                foreach (var member in MembersOfTypeAndBases(type, name))
                {
                    callees.AddCallable(member);
                }
            }

            callees.AddRange(index.ExtensionLikeNamed(name));
        }

        /// <summary>
        /// The declared types <paramref name="receiver"/> may have, read from declarations alone: <c>this</c>, <c>base</c>,
        /// a parameter of the method, or a field or property of the enclosing types, where no local shadows it. Null
        /// when that does not say.
        /// </summary>
        private List<INamedTypeSymbol>? ReceiverTypes(ExpressionSyntax receiver)
        {
            while (receiver is ParenthesizedExpressionSyntax parenthesized)
            {
                receiver = parenthesized.Expression;
            }

            switch (receiver)
            {
                case ThisExpressionSyntax:
                    return new List<INamedTypeSymbol> { containingType };
                case BaseExpressionSyntax:
                    return containingType.BaseType is { } baseType ? new List<INamedTypeSymbol> { baseType } : null;
                case IdentifierNameSyntax identifier when !declaredNames.Contains(identifier.Identifier.ValueText) && !IsInsidePropertyPattern(identifier):
                    return ParameterType(identifier.Identifier.ValueText) ?? TypesOfFieldsAndProperties(identifier.Identifier.ValueText);
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member }:
                    return TypesOfFieldsAndProperties(member.Identifier.ValueText);
                default:
                    return null;
            }
        }

        /// <summary>The declared type of the method's own parameter of that name (a setter's <c>value</c> included).</summary>
        private List<INamedTypeSymbol>? ParameterType(string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name)
                {
                    return ReadableType(parameter.Type) is { } type ? new List<INamedTypeSymbol> { type } : null;
                }
            }

            return null;
        }

        private List<INamedTypeSymbol>? TypesOfFieldsAndProperties(string name)
        {
            var types = new List<INamedTypeSymbol>();
            foreach (var member in LookUpInEnclosingTypes(name))
            {
                var type = member switch
                {
                    IFieldSymbol field => ReadableType(field.Type),
                    IPropertySymbol property => ReadableType(property.Type),
                    _ => null,
                };

                if (type is null)
                {
                    return null;
                }

                types.Add(type);
            }

            return types.Count == 0 ? null : types;
        }

        /// <summary>
        /// The type whose members a receiver of declared type <paramref name="type"/> reaches; an array reaches
        /// <see cref="System.Array"/>'s. Null for what is not read here: a type parameter, a tuple, dynamic, a pointer,
        /// <c>Nullable&lt;T&gt;</c> (whose <c>?.</c> reaches <c>T</c>'s members).
        /// </summary>
        private INamedTypeSymbol? ReadableType(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol)
            {
                return index.ArrayType;
            }

            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface or TypeKind.Delegate, IsTupleType: false } named
                || named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return null;
            }

            return named.OriginalDefinition;
        }

        private bool ResolveCreation(ObjectCreationExpressionSyntax creation)
        {
            string? typeName = CreatedTypeName(creation);
            if (typeName is null)
            {
                return false;
            }

            if (typeName.Length > 0)
            {
                callees.AddRange(index.ConstructorsOfTypesNamed(typeName));
            }

            return true;
        }

        /// <summary>A collection initializer calls <c>Add</c> for each element: of the created type, or any when it is not named here.</summary>
        private void AddCollectionAdds(InitializerExpressionSyntax initializer)
        {
            const string Add = "Add";
            if (initializer.Parent is ObjectCreationExpressionSyntax creation && CreatedTypeName(creation) is { Length: > 0 } typeName)
            {
                foreach (var type in index.SourceTypesNamed(typeName))
                {
                    foreach (var member in MembersOfTypeAndBases(type, Add))
                    {
                        callees.AddCallable(member);
                    }
                }

                // A type from a reference: only its annotated members or an extension Add could act.
                callees.AddRange(index.ExtensionLikeNamed(Add));
                return;
            }

            callees.AddRange(index.MembersNamed(Add));
        }

        /// <summary>
        /// The simple name of the type <paramref name="creation"/> creates; empty for a predefined type; null when the
        /// name may not be the type's (an alias) or there is none.
        /// </summary>
        private string? CreatedTypeName(ObjectCreationExpressionSyntax creation)
        {
            string? typeName = creation.Type switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText,
                PredefinedTypeSyntax => string.Empty,
                _ => null,
            };

            return typeName is not null && index.IsAlias(typeName) ? null : typeName;
        }

        /// <summary>Inside <c>{ A.B: ... }</c> of an extended property pattern, names are members of the matched value.</summary>
        private static bool IsInsidePropertyPattern(SyntaxNode name)
        {
            for (var node = name.Parent; node is MemberAccessExpressionSyntax or ExpressionColonSyntax; node = node.Parent)
            {
                if (node is ExpressionColonSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The members of that name a simple name can bind to: of the enclosing types, outermost last, and their bases.</summary>
        private IEnumerable<ISymbol> LookUpInEnclosingTypes(string name)
        {
            for (var type = containingType; type is not null; type = type.ContainingType)
            {
                foreach (var member in MembersOfTypeAndBases(type, name))
                {
                    yield return member;
                }
            }
        }

        private static IEnumerable<ISymbol> MembersOfTypeAndBases(INamedTypeSymbol type, string name)
        {
            if (type.TypeKind == TypeKind.Interface)
            {
                foreach (var member in type.GetMembers(name))
                {
                    yield return member;
                }

                foreach (var inherited in type.AllInterfaces)
                {
                    foreach (var member in inherited.GetMembers(name))
                    {
                        yield return member;
                    }
                }

                yield break;
            }

            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    yield return member;
                }
            }
        }

        private static void AddIfPresent(List<SyntaxNode> roots, SyntaxNode? node)
        {
            if (node is not null)
            {
                roots.Add(node);
            }
        }

        /// <summary>The candidate callees of one body, each once (a name used a hundred times is one edge).</summary>
        private sealed class CalleeSet
        {
            private readonly HashSet<IMethodSymbol> seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            private readonly List<IMethodSymbol> ordered = new List<IMethodSymbol>();

            internal void AddRange(IEnumerable<IMethodSymbol> methods)
            {
                foreach (var method in methods)
                {
                    if (seen.Add(method))
                    {
                        ordered.Add(method);
                    }
                }
            }

            internal void AddCallable(ISymbol member) => AddRange(CompilationNameIndex.CallableMethods(member));

            internal ImmutableArray<IMethodSymbol> ToImmutableArray() => ordered.ToImmutableArray();
        }
    }
}
