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
    /// What the creations of a lock member say (DESIGN §11): a <c>SemaphoreSlim</c> is a lock only where every creation
    /// the compilation shows starts it with a count of one (with another count it is a semaphore, and a second
    /// <c>Wait</c> is no self-deadlock); a <c>ReaderWriterLockSlim</c> is re-entrant only where it is created with
    /// <c>LockRecursionPolicy.SupportsRecursion</c>. Creations are the member's initializer and assignments to the member
    /// (or to its elements) in its type's declarations. Computed once per member and compilation.
    /// </summary>
    internal sealed class BclLockFacts
    {
        private const int SupportsRecursion = 1;

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<ISymbol, (bool IsLockSemaphore, bool AllowsRecursion)> facts =
            new ConcurrentDictionary<ISymbol, (bool, bool)>(SymbolEqualityComparer.Default);

        // A type's declarations are read for assignments once, not once per lock member (a type with a semaphore, a
        // reader-writer lock and an array of locks would otherwise be read three times).
        private readonly ConcurrentDictionary<ISymbol, ILookup<string, Assignment>> assignmentsByType =
            new ConcurrentDictionary<ISymbol, ILookup<string, Assignment>>(SymbolEqualityComparer.Default);

        internal BclLockFacts(Compilation compilation, TrivialGetters getters)
        {
            this.compilation = compilation;
            Injected = new InjectedLocks(compilation, this, getters);
        }

        /// <summary>Lock fields that hold a lock their type's constructors are handed.</summary>
        internal InjectedLocks Injected { get; }

        /// <summary>
        /// The values the declarations of <paramref name="member"/>'s type assign to it (<c>name = …</c>, <c>this.name = …</c>),
        /// and with <paramref name="elements"/> to its elements too (<c>name[i] = …</c>).
        /// </summary>
        internal IEnumerable<ExpressionSyntax> ValuesAssignedTo(ISymbol member, CancellationToken cancellationToken, bool elements = false)
        {
            foreach (var assignment in AssignmentsIn(member.ContainingType, cancellationToken)[member.Name])
            {
                if (elements || !assignment.ToElement)
                {
                    yield return assignment.Value;
                }
            }
        }

        /// <summary>Whether the <c>SemaphoreSlim</c> in <paramref name="member"/> (or its elements) is created, everywhere the compilation shows, with a count of one.</summary>
        internal bool IsLockSemaphore(ISymbol member, bool elements, CancellationToken cancellationToken) =>
            Get(member, elements, cancellationToken).IsLockSemaphore;

        /// <summary>
        /// Whether the <c>ReaderWriterLockSlim</c> in <paramref name="member"/> may allow recursion: it is created with
        /// <c>LockRecursionPolicy.SupportsRecursion</c>, or the compilation shows no creation of it (an interface's
        /// property, a lock handed in), so a second entry may be allowed and is not reported.
        /// </summary>
        internal bool AllowsRecursion(ISymbol member, bool elements, CancellationToken cancellationToken) =>
            Get(member, elements, cancellationToken).AllowsRecursion;

        private (bool IsLockSemaphore, bool AllowsRecursion) Get(ISymbol member, bool elements, CancellationToken cancellationToken)
        {
            member = member.OriginalDefinition;
            if (facts.TryGetValue(member, out var known))
            {
                return known;
            }

            int creations = 0;
            bool allCountOne = true;
            bool recursion = false;
            foreach (var (initialCount, recursionPolicy) in Creations(member, elements, cancellationToken))
            {
                creations++;
                allCountOne &= initialCount is 1;
                recursion |= recursionPolicy is SupportsRecursion;
            }

            return facts.GetOrAdd(member, (creations > 0 && allCountOne, recursion || creations == 0));
        }

        /// <summary>
        /// The <c>initialCount</c> and <c>recursionPolicy</c> a creation of a <c>SemaphoreSlim</c> or
        /// <c>ReaderWriterLockSlim</c> passes, read from its syntax where the syntax alone says them (the type named, or
        /// <c>new(…)</c> for a member of that type; literal arguments); false where only binding it can tell.
        /// </summary>
        /// <remarks>
        /// Why: binding each creation of every lock member was a twentieth of the analyzer's cost on ordinary code,
        /// for <c>new SemaphoreSlim(1, 1)</c> and <c>new ReaderWriterLockSlim()</c> nearly every time.
        /// </remarks>
        private static bool TryReadArguments(BaseObjectCreationExpressionSyntax candidate, ISymbol member, bool elements, out (int? InitialCount, int? RecursionPolicy) values)
        {
            values = default;
            string? typeName = candidate switch
            {
                ObjectCreationExpressionSyntax { Type: IdentifierNameSyntax name } => name.Identifier.ValueText,
                ObjectCreationExpressionSyntax { Type: QualifiedNameSyntax { Left: var left, Right: IdentifierNameSyntax name } } when left.ToString() == "System.Threading" => name.Identifier.ValueText,
                ImplicitObjectCreationExpressionSyntax when !elements => LockMembers.TypeOf(member)?.Name,
                _ => null,
            };

            string[] parameters;
            switch (typeName)
            {
                case "SemaphoreSlim" when elements || BclLockTypes.Is(LockMembers.TypeOf(member), typeName):
                    parameters = new[] { "initialCount", "maxCount" };
                    break;
                case "ReaderWriterLockSlim" when elements || BclLockTypes.Is(LockMembers.TypeOf(member), typeName):
                    parameters = new[] { "recursionPolicy" };
                    break;
                default:
                    return false;
            }

            var arguments = candidate.ArgumentList?.Arguments ?? default;
            if (candidate.Initializer is not null || arguments.Count > parameters.Length || (typeName == "SemaphoreSlim" && arguments.Count == 0))
            {
                return false;
            }

            for (int i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                string parameter = argument.NameColon?.Name.Identifier.ValueText ?? parameters[i];
                int? value = argument.Expression switch
                {
                    LiteralExpressionSyntax { Token.Value: int number } => number,
                    MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "LockRecursionPolicy" }, Name.Identifier.ValueText: var policy } =>
                        policy == "SupportsRecursion" ? SupportsRecursion : policy == "NoRecursion" ? 0 : null,
                    _ => null,
                };

                if (value is null || argument.RefKindKeyword.RawKind != 0 || System.Array.IndexOf(parameters, parameter) < 0)
                {
                    return false;
                }

                if (parameter == "initialCount")
                {
                    values.InitialCount = value;
                }
                else if (parameter == "recursionPolicy")
                {
                    values.RecursionPolicy = value;
                }
            }

            return true;
        }

        private static object? ArgumentValue(IObjectCreationOperation creation, string parameterName)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == parameterName && argument.Value.ConstantValue is { HasValue: true } constant)
                {
                    return constant.Value;
                }
            }

            return null;
        }

        private IEnumerable<(int? InitialCount, int? RecursionPolicy)> Creations(ISymbol member, bool elements, CancellationToken cancellationToken)
        {
            var values = new List<ExpressionSyntax>();
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax(cancellationToken))
                {
                    case VariableDeclaratorSyntax { Initializer: { } initializer }:
                        values.Add(initializer.Value);
                        break;
                    case PropertyDeclarationSyntax { Initializer: { } initializer }:
                        values.Add(initializer.Value);
                        break;
                }
            }

            values.AddRange(ValuesAssignedTo(member, cancellationToken, elements));

            foreach (var value in values)
            {
                // For elements, creations anywhere in the value: an array or collection initializer of locks.
                var candidates = elements ? value.DescendantNodesAndSelf().OfType<BaseObjectCreationExpressionSyntax>() : Single(value);
                foreach (var candidate in candidates)
                {
                    if (!compilation.ContainsSyntaxTree(candidate.SyntaxTree))
                    {
                        continue;
                    }

                    if (TryReadArguments(candidate, member, elements, out var read))
                    {
                        yield return read;
                        continue;
                    }

#pragma warning disable RS1030 // A lock member's creations live in other trees than the body being analyzed; read once per member.
                    var operation = compilation.GetSemanticModel(candidate.SyntaxTree).GetOperation(candidate, cancellationToken);
#pragma warning restore RS1030
                    if (operation is IObjectCreationOperation creation)
                    {
                        yield return (ArgumentValue(creation, "initialCount") as int?, ArgumentValue(creation, "recursionPolicy") as int?);
                    }
                }
            }
        }

        private static IEnumerable<BaseObjectCreationExpressionSyntax> Single(ExpressionSyntax value)
        {
            while (value is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized.Expression;
            }

            if (value is BaseObjectCreationExpressionSyntax creation)
            {
                yield return creation;
            }
        }

        /// <summary>
        /// The simple assignments in <paramref name="type"/>'s declarations, by the name of the member they assign
        /// (<c>name = …</c>, <c>this.name = …</c>, <c>Type.name = …</c>) or whose element they assign (<c>name[i] = …</c>).
        /// </summary>
        private ILookup<string, Assignment> AssignmentsIn(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (assignmentsByType.TryGetValue(type, out var known))
            {
                return known;
            }

            var assignments = new List<(string Name, Assignment Assignment)>();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                foreach (var assignment in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                    {
                        continue;
                    }

                    bool toElement = assignment.Left is ElementAccessExpressionSyntax;
                    if (NameOf(assignment.Left is ElementAccessExpressionSyntax access ? access.Expression : assignment.Left) is { } name)
                    {
                        assignments.Add((name, new Assignment(assignment.Right, toElement)));
                    }
                }
            }

            return assignmentsByType.GetOrAdd(type, assignments.ToLookup(entry => entry.Name, entry => entry.Assignment));
        }

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } => member.Identifier.ValueText,
            _ => null,
        };

        private readonly struct Assignment
        {
            internal Assignment(ExpressionSyntax value, bool toElement)
            {
                Value = value;
                ToElement = toElement;
            }

            internal ExpressionSyntax Value { get; }

            /// <summary>The assignment is to an element of the member (<c>name[i] = …</c>), not to the member.</summary>
            internal bool ToElement { get; }
        }
    }
}
