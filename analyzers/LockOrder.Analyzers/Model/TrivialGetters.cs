using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// Properties whose getter only returns a field of the same object (<c>object SyncRoot =&gt; _sync;</c>) or the
    /// object itself (<c>object ThisLock =&gt; this;</c>): a lock read through one is the field's lock, or the object's,
    /// so <c>lock (SyncRoot)</c> and <c>lock (_sync)</c> are one lock, not two classes. Read once per property, from its
    /// declaration.
    /// </summary>
    internal sealed class TrivialGetters
    {
        private static readonly object ReturnsThis = new object();

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<IPropertySymbol, object?> targets = new ConcurrentDictionary<IPropertySymbol, object?>(SymbolEqualityComparer.Default);

        internal TrivialGetters(Compilation compilation) => this.compilation = compilation;

        /// <summary>The field <paramref name="property"/>'s getter returns, or null.</summary>
        internal IFieldSymbol? FieldOf(IPropertySymbol property) => Target(property) as IFieldSymbol;

        /// <summary>Whether <paramref name="property"/>'s getter returns <c>this</c>.</summary>
        internal bool ReturnsItsObject(IPropertySymbol property) => ReferenceEquals(Target(property), ReturnsThis);

        private object? Target(IPropertySymbol property)
        {
            property = property.OriginalDefinition;
            if (property.IsIndexer || property.IsAbstract || property.IsExtern || property.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            if (targets.TryGetValue(property, out var known))
            {
                return known;
            }

            return targets.GetOrAdd(property, Read(property, CancellationToken.None));
        }

        private object? Read(IPropertySymbol property, CancellationToken cancellationToken)
        {
            var returned = ReturnedExpression(property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken));
            if (returned is null || !compilation.ContainsSyntaxTree(returned.SyntaxTree))
            {
                return null;
            }

#pragma warning disable RS1030 // A property's getter is read once per property and compilation, wherever the lock is taken.
            var operation = compilation.GetSemanticModel(returned.SyntaxTree).GetOperation(returned, cancellationToken);
#pragma warning restore RS1030
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation switch
            {
                IFieldReferenceOperation { Field: var field, Instance: null or IInstanceReferenceOperation } when field.IsStatic == property.IsStatic => field.OriginalDefinition,
                IInstanceReferenceOperation when !property.IsStatic => ReturnsThis,
                _ => null,
            };
        }

        /// <summary>The one expression a getter returns: <c>=&gt; x</c>, <c>get =&gt; x</c>, <c>get { return x; }</c>.</summary>
        private static ExpressionSyntax? ReturnedExpression(SyntaxNode declaration)
        {
            if (declaration is not PropertyDeclarationSyntax property)
            {
                return null;
            }

            if (property.ExpressionBody is { } arrow)
            {
                return arrow.Expression;
            }

            if (property.AccessorList is null)
            {
                return null;
            }

            foreach (var accessor in property.AccessorList.Accessors)
            {
                if (accessor.Keyword.ValueText != "get")
                {
                    continue;
                }

                if (accessor.ExpressionBody is { } getterArrow)
                {
                    return getterArrow.Expression;
                }

                if (accessor.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax { Expression: { } expression })
                {
                    return expression;
                }
            }

            return null;
        }
    }
}
