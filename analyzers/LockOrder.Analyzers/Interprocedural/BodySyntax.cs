using System.Collections.Generic;
using System.Threading;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Which declarations of a called member hold the body a summary follows. One answer for both readers of a
    /// callee — the syntactic screen and the binding walk — so the screen can never vouch for a body the walk would
    /// have read differently.
    /// </summary>
    internal static class BodySyntax
    {
        /// <summary>
        /// The declarations of <paramref name="method"/> with a body in <paramref name="model"/>'s compilation (a lambda's
        /// is the lambda: a delegate that runs it is followed like a call); empty for
        /// members a summary does not follow (metadata, abstract, extern, interface members, <c>[NoLockAnalysis]</c>,
        /// members without a body, synthesized members).
        /// </summary>
        internal static List<SyntaxNode> Of(IMethodSymbol method, LockModel model, CancellationToken cancellationToken)
        {
            var declarations = new List<SyntaxNode>();
            if (method.IsAbstract || method.IsExtern || method.ContainingType?.TypeKind == TypeKind.Interface
                || model.Annotations.Get(method).NoLockAnalysis)
            {
                return declarations;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax(cancellationToken);
                bool hasBody = node switch
                {
                    BaseMethodDeclarationSyntax declaration => declaration.Body is not null || declaration.ExpressionBody is not null,
                    AccessorDeclarationSyntax accessor => accessor.Body is not null || accessor.ExpressionBody is not null,
                    LocalFunctionStatementSyntax local => local.Body is not null || local.ExpressionBody is not null,
                    AnonymousFunctionExpressionSyntax => true,
                    ArrowExpressionClauseSyntax => true,
                    _ => false,
                };

                if (hasBody && model.Compilation.ContainsSyntaxTree(node.SyntaxTree))
                {
                    declarations.Add(node);
                }
            }

            return declarations;
        }
    }
}
