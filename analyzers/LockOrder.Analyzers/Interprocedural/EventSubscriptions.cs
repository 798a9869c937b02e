using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// The handlers the compilation subscribes to each event (<c>x.Changed += OnChanged</c>, <c>+= (s, e) => …</c>):
    /// raising the event runs every one of them (DESIGN §14) — as long as they are a handful. An event with more (a
    /// collection's <c>DataAdded</c> that every job and command of a code base subscribes to, each on its own collection)
    /// runs on each object only the handlers subscribed to that object, and their union is a program no run executes: past
    /// <see cref="MaxHandlers"/> none is followed. The syntax trees are searched once, on the first raise under
    /// a lock, for every <c>+=</c> (by the name on its left); only the assignments on a raised event's name are bound.
    /// </summary>
    internal sealed class EventSubscriptions
    {
        private readonly Compilation compilation;
        private readonly System.Lazy<Dictionary<string, List<AssignmentExpressionSyntax>>> additionsByName;
        /// <summary>Handler methods followed for one event: past it, none.</summary>
        internal const int MaxHandlers = 4;

        private readonly ConcurrentDictionary<IEventSymbol, (ImmutableArray<DelegateTarget> Handlers, bool Many)> handlers = new ConcurrentDictionary<IEventSymbol, (ImmutableArray<DelegateTarget>, bool)>(SymbolEqualityComparer.Default);

        internal EventSubscriptions(Compilation compilation)
        {
            this.compilation = compilation;
            additionsByName = new System.Lazy<Dictionary<string, List<AssignmentExpressionSyntax>>>(ReadAdditions, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The handlers subscribed to <paramref name="eventSymbol"/> anywhere in the compilation, each with an unknown receiver.</summary>
        internal ImmutableArray<DelegateTarget> HandlersOf(IEventSymbol eventSymbol, CancellationToken cancellationToken) => HandlersOf(eventSymbol, out _, cancellationToken);

        /// <summary>
        /// As <see cref="HandlersOf(IEventSymbol, CancellationToken)"/>; <paramref name="many"/> says the compilation
        /// subscribes more than <see cref="MaxHandlers"/> handler methods, none of which is returned.
        /// </summary>
        internal ImmutableArray<DelegateTarget> HandlersOf(IEventSymbol eventSymbol, out bool many, CancellationToken cancellationToken)
        {
            eventSymbol = eventSymbol.OriginalDefinition;
            if (!handlers.TryGetValue(eventSymbol, out var known))
            {
                known = handlers.GetOrAdd(eventSymbol, Find(eventSymbol, cancellationToken));
            }

            many = known.Many;
            return known.Handlers;
        }

        private (ImmutableArray<DelegateTarget>, bool) Find(IEventSymbol eventSymbol, CancellationToken cancellationToken)
        {
            var found = ImmutableArray.CreateBuilder<DelegateTarget>();
            var candidates = additionsByName.Value.TryGetValue(eventSymbol.Name, out var named) ? named : new List<AssignmentExpressionSyntax>();
            foreach (var assignment in candidates)
            {
#pragma warning disable RS1030 // A subscription lives in another tree than the raise; each candidate assignment is bound once per event.
                var operation = compilation.GetSemanticModel(assignment.SyntaxTree).GetOperation(assignment, cancellationToken);
#pragma warning restore RS1030
                if (operation is IEventAssignmentOperation { Adds: true, EventReference: IEventReferenceOperation reference } subscription
                    && SymbolEqualityComparer.Default.Equals(reference.Event.OriginalDefinition, eventSymbol))
                {
                    foreach (var target in DelegateTargets.Of(subscription.HandlerValue, origins: null, inSummary: true))
                    {
                        // The handler runs on the subscriber's object, which the raiser does not know.
                        found.Add(new DelegateTarget(target.Method, LockInstance.Unknown));
                    }
                }
            }

            return found.Select(handler => handler.Method).Distinct<IMethodSymbol>(SymbolEqualityComparer.Default).Count() > MaxHandlers
                ? (ImmutableArray<DelegateTarget>.Empty, true)
                : (found.ToImmutable(), false);
        }

        private Dictionary<string, List<AssignmentExpressionSyntax>> ReadAdditions()
        {
            var found = new Dictionary<string, List<AssignmentExpressionSyntax>>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.AddAssignmentExpression) && LastName(assignment.Left) is { } name)
                    {
                        if (!found.TryGetValue(name, out var list))
                        {
                            found[name] = list = new List<AssignmentExpressionSyntax>();
                        }

                        list.Add(assignment);
                    }
                }
            }

            return found;
        }

        private static string? LastName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
