using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// Lock fields that hold another object's lock, handed in through their type's constructor: a collection built as
    /// <c>new ChannelCollection(this, ThisLock)</c> that stores the argument in <c>_syncRoot</c> and locks it. Its
    /// <c>_syncRoot</c> is the class of whatever every creation in the compilation passes (DESIGN §12), not a class of
    /// its own — one monitor under two names would otherwise close a cycle with itself (WCF's ServiceChannelManager).
    /// </summary>
    /// <remarks>
    /// Only what the compilation shows completely: a field with no initializer, assigned only in its type's
    /// constructors from one of their parameters (<c>p</c> or <c>p ?? throw …</c>), in a type nothing derives from and
    /// whose constructors do not chain, created at most <see cref="MaxCreationSites"/> times (target-typed
    /// <c>new()</c> included), every creation passing a lock of one class. Anything else keeps the field's own class.
    /// </remarks>
    internal sealed class InjectedLocks
    {
        /// <summary>Creations (and target-typed <c>new()</c> expressions) read for one field; past it the field keeps its own class.</summary>
        internal const int MaxCreationSites = 64;

        private readonly Compilation compilation;
        private readonly BclLockFacts facts;
        private readonly TrivialGetters getters;
        private readonly ConcurrentDictionary<(ISymbol Field, LockPrimitive Primitive), LockClass?> aliases =
            new ConcurrentDictionary<(ISymbol, LockPrimitive), LockClass?>(new FieldAndPrimitiveComparer());

        private CreationIndex? creations;

        internal InjectedLocks(Compilation compilation, BclLockFacts facts, TrivialGetters getters)
        {
            this.compilation = compilation;
            this.facts = facts;
            this.getters = getters;
        }

        /// <summary>The class of the lock every creation hands to <paramref name="field"/>; null where the field is a lock class of its own.</summary>
        internal LockClass? ClassHandedTo(IFieldSymbol field, LockPrimitive primitive, CancellationToken cancellationToken)
        {
            field = field.OriginalDefinition;
            if (aliases.TryGetValue((field, primitive), out var known))
            {
                return known;
            }

            var alias = InjectingParameters(field, cancellationToken) is { } parameters ? Resolve(field, parameters, primitive, cancellationToken) : null;
            return aliases.GetOrAdd((field, primitive), alias);
        }

        /// <summary>The constructors that store a parameter in <paramref name="field"/>, with its position; null unless every assignment is one.</summary>
        private Dictionary<SyntaxNode, int>? InjectingParameters(IFieldSymbol field, CancellationToken cancellationToken)
        {
            if (field.IsStatic || field.IsConst || field.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct } type
                || field.DeclaringSyntaxReferences.Length != 1
                || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: null })
            {
                return null;
            }

            var declarations = new HashSet<SyntaxNode>();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                declarations.Add(reference.GetSyntax(cancellationToken));
            }

            var parameters = new Dictionary<SyntaxNode, int>();
            foreach (var value in facts.ValuesAssignedTo(field, cancellationToken))
            {
                var constructor = value.FirstAncestorOrSelf<ConstructorDeclarationSyntax>();
                if (constructor is null || !declarations.Contains(constructor.Parent!) || constructor.Modifiers.Any(SyntaxKind.StaticKeyword)
                    || constructor.Initializer is not null && constructor.Initializer.IsKind(SyntaxKind.ThisConstructorInitializer)
                    || ParameterName(value) is not { } name
                    || constructor.ParameterList.Parameters.IndexOf(parameter => parameter.Identifier.ValueText == name) is var ordinal && ordinal < 0
                    || parameters.ContainsKey(constructor))
                {
                    return null;
                }

                parameters[constructor] = ordinal;
            }

            return parameters.Count == 0 ? null : parameters;
        }

        /// <summary>The parameter a stored value names: <c>p</c>, or <c>p ?? throw …</c>.</summary>
        private static string? ParameterName(ExpressionSyntax value)
        {
            while (value is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized.Expression;
            }

            if (value is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right is ThrowExpressionSyntax)
            {
                value = coalesce.Left;
            }

            return value is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText : null;
        }

        private LockClass? Resolve(IFieldSymbol field, Dictionary<SyntaxNode, int> parameters, LockPrimitive primitive, CancellationToken cancellationToken)
        {
            var type = field.ContainingType;
            var index = creations ??= CreationIndex.Build(compilation, cancellationToken);
            if (index.IsDerivedFromByName(type.Name) || index.IsAliasTarget(type.Name) || index.ImplicitCreations.Count + index.CreationsNamed(type.Name).Count > MaxCreationSites)
            {
                return null;
            }

            LockClass? handed = null;
            foreach (var creation in index.CreationsNamed(type.Name).Concat(index.ImplicitCreations))
            {
#pragma warning disable RS1030 // The creations of a type live in other trees than the body being analyzed; read once per field.
                var semanticModel = compilation.GetSemanticModel(creation.SyntaxTree);
#pragma warning restore RS1030
                if (semanticModel.GetOperation(creation, cancellationToken) is not IObjectCreationOperation { Constructor: { } constructor } operation
                    || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType.OriginalDefinition, type))
                {
                    continue;
                }

                if (constructor.DeclaringSyntaxReferences.Length != 1 || !parameters.TryGetValue(constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), out int ordinal))
                {
                    // A constructor that does not store a lock leaves the field empty: no lock of that object to take.
                    continue;
                }

                var argument = operation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal);
                var root = (IOperation)operation;
                while (root.Parent is not null)
                {
                    root = root.Parent;
                }

                // A lock handed on from another field that is handed in itself: which one is not followed further.
                var passed = argument is null ? null : LockClassResolver.FromLockObject(argument.Value, primitive, facts, new ValueOrigins(root, null, getters), cancellationToken, followInjected: false);
                if (passed is null || passed.Member is IFieldSymbol passedField && InjectingParameters(passedField, cancellationToken) is not null
                    || handed is not null && !handed.Equals(passed))
                {
                    return null;
                }

                handed = passed;
            }

            return handed;
        }

        /// <summary>Every object creation of the compilation by the simple name of its type, the target-typed ones, and the names types derive from.</summary>
        private sealed class CreationIndex
        {
            private readonly Dictionary<string, List<BaseObjectCreationExpressionSyntax>> byName = new Dictionary<string, List<BaseObjectCreationExpressionSyntax>>();
            private readonly HashSet<string> baseNames = new HashSet<string>();
            private readonly HashSet<string> aliasTargetNames = new HashSet<string>();

            internal List<BaseObjectCreationExpressionSyntax> ImplicitCreations { get; } = new List<BaseObjectCreationExpressionSyntax>();

            internal IReadOnlyList<BaseObjectCreationExpressionSyntax> CreationsNamed(string name) =>
                byName.TryGetValue(name, out var found) ? found : (IReadOnlyList<BaseObjectCreationExpressionSyntax>)System.Array.Empty<BaseObjectCreationExpressionSyntax>();

            /// <summary>Whether some type's base list names a type of that name (a derived constructor may pass another lock to the base one).</summary>
            internal bool IsDerivedFromByName(string name) => baseNames.Contains(name);

            /// <summary>Whether a using alias may name a type of that name (<c>new Alias(…)</c> is a creation under another name).</summary>
            internal bool IsAliasTarget(string name) => aliasTargetNames.Contains(name);

            internal static CreationIndex Build(Compilation compilation, CancellationToken cancellationToken)
            {
                var index = new CreationIndex();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                    {
                        switch (node)
                        {
                            case ObjectCreationExpressionSyntax creation when TypeName(creation.Type) is { } name:
                                if (!index.byName.TryGetValue(name, out var list))
                                {
                                    index.byName[name] = list = new List<BaseObjectCreationExpressionSyntax>();
                                }

                                list.Add(creation);
                                break;
                            case ImplicitObjectCreationExpressionSyntax implicitCreation:
                                index.ImplicitCreations.Add(implicitCreation);
                                break;
                            case BaseTypeSyntax baseType when TypeName(baseType.Type) is { } baseName:
                                index.baseNames.Add(baseName);
                                break;
                            case UsingDirectiveSyntax { Alias: not null } alias:
                                foreach (var name in alias.DescendantNodes().OfType<SimpleNameSyntax>())
                                {
                                    index.aliasTargetNames.Add(name.Identifier.ValueText);
                                }

                                break;
                        }
                    }
                }

                return index;
            }

            private static string? TypeName(TypeSyntax type) => type switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText,
                _ => null,
            };
        }

        private sealed class FieldAndPrimitiveComparer : IEqualityComparer<(ISymbol Field, LockPrimitive Primitive)>
        {
            public bool Equals((ISymbol Field, LockPrimitive Primitive) x, (ISymbol Field, LockPrimitive Primitive) y) =>
                x.Primitive == y.Primitive && SymbolEqualityComparer.Default.Equals(x.Field, y.Field);

            public int GetHashCode((ISymbol Field, LockPrimitive Primitive) key) =>
                (SymbolEqualityComparer.Default.GetHashCode(key.Field) * 31) + (int)key.Primitive;
        }
    }
}
