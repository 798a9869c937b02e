using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockOrder.CodeFixes.Engine
{
    /// <summary>
    /// What a piece of code reads and writes, conservatively, for deciding whether two pieces can change order or
    /// move out of a locked region without changing what the program does. Locals and parameters come from Roslyn's
    /// data-flow analysis; a reference-typed (or span) variable or member handed to a call, or used as its receiver,
    /// counts as written, because the call may write the array or object behind it.
    /// </summary>
    internal sealed class CodeEffects
    {
        private CodeEffects()
        {
        }

        internal HashSet<ISymbol> ReadVariables { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        internal HashSet<ISymbol> WrittenVariables { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        internal HashSet<ISymbol> DeclaredVariables { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        /// <summary>Locals the code reads that a lambda or local function captures (another thread may write them).</summary>
        internal HashSet<ISymbol> CapturedVariables { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        internal HashSet<ISymbol> ReadMembers { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        internal HashSet<ISymbol> WrittenMembers { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        /// <summary>Calls whose effects are unknown: neither a lock operation, nor <c>[MightFault]</c>, nor the base library.</summary>
        internal bool HasUnknownCalls { get; private set; }

        /// <summary>Calls to <c>[MightFault]</c> methods: they touch user memory.</summary>
        internal bool TouchesUserMemory { get; private set; }

        /// <summary>Lock operations: a call with an acquire, try-acquire or release contract, a BCL lock method, a <c>lock</c> statement.</summary>
        internal bool HasLockOperations { get; private set; }

        /// <summary>The effects of the consecutive statements of <paramref name="slot"/>'s list from <paramref name="first"/> to <paramref name="last"/>.</summary>
        internal static CodeEffects OfStatements(SemanticModel model, StatementSlot slot, int first, int last, CancellationToken cancellationToken)
        {
            var effects = new CodeEffects();
            effects.AddDataFlow(Analyze(() => model.AnalyzeDataFlow(slot.StatementAt(first), slot.StatementAt(last))));
            for (int i = first; i <= last; i++)
            {
                effects.AddSyntax(model, slot.StatementAt(i), cancellationToken);
            }

            return effects;
        }

        /// <summary>The effects of <paramref name="node"/>, a statement or an expression.</summary>
        internal static CodeEffects Of(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            var effects = new CodeEffects();
            effects.AddDataFlow(Analyze(() => node is StatementSyntax statement ? model.AnalyzeDataFlow(statement) : model.AnalyzeDataFlow((ExpressionSyntax)node)));
            effects.AddSyntax(model, node, cancellationToken);
            return effects;
        }

        /// <summary>
        /// What a call to <paramref name="method"/> may do inside its body, beyond what the call's own syntax shows.
        /// A body in this compilation is read like any other code (its captured locals and the members it touches
        /// count); a method a call may dispatch to another body for (virtual, abstract, an interface member), or one
        /// whose body is missing, counts as unknown code. A method outside the compilation carries only its
        /// annotations, which the call's own effects already count.
        /// </summary>
        internal static CodeEffects OfBody(Compilation compilation, IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            method = method.PartialImplementationPart ?? method;
            var effects = new CodeEffects();
            if (method.DeclaringSyntaxReferences.IsEmpty)
            {
                return effects;
            }

            if (method.IsVirtual || method.IsAbstract || method.IsOverride && !method.IsSealed && !method.ContainingType.IsSealed
                || method.ContainingType.TypeKind == TypeKind.Interface
                || method.DeclaringSyntaxReferences.Length != 1
                || Body(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken)) is not { } body)
            {
                effects.HasUnknownCalls = true;
                return effects;
            }

            var model = compilation.GetSemanticModel(body.SyntaxTree);
            effects.AddDataFlow(Analyze(() => body is StatementSyntax statement ? model.AnalyzeDataFlow(statement) : model.AnalyzeDataFlow((ExpressionSyntax)body)));
            effects.AddSyntax(model, body, cancellationToken);
            return effects;
        }

        /// <summary>Everything <paramref name="first"/> or <paramref name="second"/> does.</summary>
        internal static CodeEffects Union(CodeEffects first, CodeEffects second)
        {
            var effects = new CodeEffects
            {
                HasUnknownCalls = first.HasUnknownCalls || second.HasUnknownCalls,
                TouchesUserMemory = first.TouchesUserMemory || second.TouchesUserMemory,
                HasLockOperations = first.HasLockOperations || second.HasLockOperations,
            };
            foreach (var part in new[] { first, second })
            {
                effects.ReadVariables.UnionWith(part.ReadVariables);
                effects.WrittenVariables.UnionWith(part.WrittenVariables);
                effects.DeclaredVariables.UnionWith(part.DeclaredVariables);
                effects.CapturedVariables.UnionWith(part.CapturedVariables);
                effects.ReadMembers.UnionWith(part.ReadMembers);
                effects.WrittenMembers.UnionWith(part.WrittenMembers);
            }

            return effects;
        }

        /// <summary>
        /// Whether running <paramref name="moved"/> on the other side of <paramref name="span"/> can change what either
        /// computes: one writes what the other reads or writes, or both touch user memory, or one calls code of
        /// unknown effect while the other touches shared state.
        /// </summary>
        internal static bool Conflict(CodeEffects moved, CodeEffects span)
        {
            return moved.ReadVariables.Overlaps(span.WrittenVariables)
                || moved.ReadVariables.Overlaps(span.DeclaredVariables)
                || moved.WrittenVariables.Overlaps(span.ReadVariables)
                || moved.WrittenVariables.Overlaps(span.WrittenVariables)
                || moved.ReadMembers.Overlaps(span.WrittenMembers)
                || moved.WrittenMembers.Overlaps(span.ReadMembers)
                || moved.WrittenMembers.Overlaps(span.WrittenMembers)
                || (moved.TouchesUserMemory && span.TouchesUserMemory)
                || (span.HasUnknownCalls && (moved.ReadMembers.Count > 0 || moved.WrittenMembers.Count > 0 || moved.HasUnknownCalls || moved.TouchesUserMemory))
                || (moved.HasUnknownCalls && (span.ReadMembers.Count > 0 || span.WrittenMembers.Count > 0));
        }

        /// <summary>Roslyn rejects regions it cannot analyze (e.g. in incomplete code) with an exception: that proves nothing.</summary>
        internal static T? Analyze<T>(System.Func<T?> analysis)
            where T : class
        {
            try
            {
                return analysis();
            }
            catch (System.ArgumentException)
            {
                return null;
            }
        }

        private static SyntaxNode? Body(SyntaxNode declaration) =>
            declaration switch
            {
                BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression,
                LocalFunctionStatementSyntax function => (SyntaxNode?)function.Body ?? function.ExpressionBody?.Expression,
                _ => null,
            };

        private void AddDataFlow(DataFlowAnalysis? flow)
        {
            if (flow is null || !flow.Succeeded)
            {
                // Without data flow nothing can be proven: make every check fail.
                HasUnknownCalls = true;
                TouchesUserMemory = true;
                HasLockOperations = true;
                return;
            }

            ReadVariables.UnionWith(flow.ReadInside);
            WrittenVariables.UnionWith(flow.WrittenInside);
            DeclaredVariables.UnionWith(flow.VariablesDeclared);
            CapturedVariables.UnionWith(flow.ReadInside.Intersect(flow.Captured, SymbolEqualityComparer.Default));
        }

        private void AddSyntax(SemanticModel model, SyntaxNode root, CancellationToken cancellationToken)
        {
            var reader = new AnnotationReader();
            foreach (var node in root.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation:
                        AddCall(model, reader, invocation, cancellationToken);
                        break;
                    case ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax:
                        if (model.GetSymbolInfo(node, cancellationToken).Symbol is not IMethodSymbol { ContainingNamespace: var ns } || !IsBaseLibrary(ns))
                        {
                            HasUnknownCalls = true;
                        }

                        break;
                    case IdentifierNameSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax:
                        AddMemberAccess(model, (ExpressionSyntax)node, cancellationToken);
                        break;
                    case LockStatementSyntax:
                        HasLockOperations = true;
                        break;
                }
            }
        }

        private void AddCall(SemanticModel model, AnnotationReader reader, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                HasUnknownCalls = true;
                return;
            }

            var annotations = reader.Get(method);
            if (annotations.ChangesHeldLocks || IsBclLockCall(model, invocation, method, cancellationToken))
            {
                HasLockOperations = true;
                return;
            }

            if (annotations.MightFault)
            {
                TouchesUserMemory = true;
            }
            else if (!IsBaseLibrary(method.ContainingNamespace))
            {
                HasUnknownCalls = true;
            }

            // The callee may write the array, span or object it is handed, or the object it is called on.
            if (invocation.Expression is MemberAccessExpressionSyntax member)
            {
                AddPassed(model, member.Expression, cancellationToken);
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                AddPassed(model, argument.Expression, cancellationToken);
            }
        }

        /// <summary>
        /// A BCL lock method (DESIGN §11): it takes, tries, releases or — <c>Monitor.Wait</c> — lets go of and retakes a
        /// lock, whatever lock class the analyzer could name for it.
        /// </summary>
        private static bool IsBclLockCall(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.ContainingType?.ContainingNamespace?.Name != "Threading")
            {
                return false;
            }

            var receiverType = invocation.Expression is MemberAccessExpressionSyntax member ? model.GetTypeInfo(member.Expression, cancellationToken).Type : null;
            return BclLockCalls.Classify(method, receiverType).Kind != BclLockCallKind.None;
        }

        private void AddPassed(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            var type = model.GetTypeInfo(expression, cancellationToken).Type;
            if (type is null || !(type.IsReferenceType || type.IsRefLikeType) || type.SpecialType == SpecialType.System_String)
            {
                return;
            }

            foreach (var root in Roots(model, expression, cancellationToken))
            {
                switch (root)
                {
                    case ILocalSymbol or IParameterSymbol:
                        WrittenVariables.Add(root);
                        break;
                    case IFieldSymbol or IPropertySymbol:
                        WrittenMembers.Add(root);
                        break;
                }
            }
        }

        private void AddMemberAccess(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
            if (symbol is not (IFieldSymbol or IPropertySymbol) && expression is not ElementAccessExpressionSyntax)
            {
                return;
            }

            // Element access: the array or indexer behind it is the shared state.
            var target = expression is ElementAccessExpressionSyntax element
                ? model.GetSymbolInfo(element.Expression, cancellationToken).Symbol ?? symbol
                : symbol;
            if (target is null)
            {
                HasUnknownCalls = true;
                return;
            }

            if (IsWriteTarget(expression))
            {
                if (target is IFieldSymbol or IPropertySymbol)
                {
                    WrittenMembers.Add(target);
                }
                else
                {
                    WrittenVariables.Add(target);
                }
            }
            else if (target is IFieldSymbol or IPropertySymbol)
            {
                ReadMembers.Add(target);
            }
        }

        private static bool IsWriteTarget(ExpressionSyntax expression)
        {
            var parent = expression.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                expression = (ExpressionSyntax)parent;
                parent = parent.Parent;
            }

            return parent switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left == expression,
                PrefixUnaryExpressionSyntax unary => unary.IsKind(SyntaxKind.PreIncrementExpression) || unary.IsKind(SyntaxKind.PreDecrementExpression),
                PostfixUnaryExpressionSyntax => true,
                ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
                _ => false,
            };
        }

        /// <summary>The variables and members an expression's value is reached through (<c>a</c> and <c>a.b</c> for <c>a.b.AsSpan(0, n)</c>).</summary>
        private static IEnumerable<ISymbol> Roots(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            foreach (var node in expression.DescendantNodesAndSelf(n => n is not ArgumentListSyntax).OfType<ExpressionSyntax>())
            {
                if (node is IdentifierNameSyntax or MemberAccessExpressionSyntax
                    && model.GetSymbolInfo(node, cancellationToken).Symbol is { } symbol
                    && symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol)
                {
                    yield return symbol;
                }
            }
        }

        private static bool IsBaseLibrary(INamespaceSymbol? ns)
        {
            while (ns is { ContainingNamespace.IsGlobalNamespace: false })
            {
                ns = ns.ContainingNamespace;
            }

            return ns is { Name: "System" };
        }
    }
}
