using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// The BCL locks a body works on for its caller: a class whose first operation in the body, in source order, is a
    /// release, and which the body takes again later (<c>_gate.Release(); await callback(); … finally { await
    /// _gate.WaitAsync(); }</c>). The body starts with
    /// that lock held by its caller — as if it carried <c>[Requires]</c> — so the release is a drop and the later
    /// acquisition gives the caller's lock back, not a second wait for it. LockOrder's own lock types say so with
    /// <c>[Requires]</c> instead.
    /// </summary>
    internal static class InheritedLocks
    {
        internal static ImmutableArray<(LockClass Class, LockInstance Instance, Location At)> Of(IOperation? body, LockModel model, ISymbol? owner, ValueOrigins origins, bool inSummary, CancellationToken cancellationToken)
        {
            if (body is null)
            {
                return ImmutableArray<(LockClass, LockInstance, Location)>.Empty;
            }

            var calls = new List<IInvocationOperation>();
            foreach (var operation in OwnOperations(body))
            {
                if (operation is IInvocationOperation invocation && operation.Syntax is not null
                    && invocation.TargetMethod.ContainingType?.ContainingNamespace?.Name == "Threading"
                    && BclLockCalls.MayBeLockMethod(invocation.TargetMethod))
                {
                    calls.Add(invocation);
                }
            }

            if (!SomeLockObjectIsReleasedFirst(calls))
            {
                return ImmutableArray<(LockClass, LockInstance, Location)>.Empty;
            }

            var first = new Dictionary<LockClass, (int Position, bool Release, LockInstance Instance, Location At)>();
            var taken = new HashSet<LockClass>();
            foreach (var invocation in calls)
            {
                var target = invocation.TargetMethod;
                var normalized = SummaryProvider.Normalize(target);
                foreach (var action in LockCallClassifier.Classify(model, target, normalized, MethodAnnotations.None, invocation.Instance, invocation.Arguments, owner, origins, cancellationToken, inSummary))
                {
                    if (action.LockClass.IsLockOrderType || action.Kind is not (LockActionKind.Acquire or LockActionKind.TryAcquire or LockActionKind.Release))
                    {
                        continue;
                    }

                    if (action.Kind != LockActionKind.Release)
                    {
                        taken.Add(action.LockClass);
                    }

                    int position = invocation.Syntax.SpanStart;
                    if (!first.TryGetValue(action.LockClass, out var known) || position < known.Position)
                    {
                        first[action.LockClass] = (position, action.Kind == LockActionKind.Release, action.Instance, invocation.Syntax.GetLocation());
                    }
                }
            }

            var inherited = ImmutableArray.CreateBuilder<(LockClass, LockInstance, Location)>();
            foreach (var pair in first)
            {
                // A body that only releases is a releaser working for its caller, not one that gives a lock back.
                if (pair.Value.Release && taken.Contains(pair.Key))
                {
                    inherited.Add((pair.Key, pair.Value.Instance, pair.Value.At));
                }
            }

            return inherited.ToImmutable();
        }

        /// <summary>
        /// Whether some lock object, named by the same text, is released before anything else is done with it in the body:
        /// a necessary condition for a class whose first operation is a release (one text names one class in a body).
        /// </summary>
        /// <remarks>
        /// Why: naming a call's lock class is the costly part, and nearly every body that locks takes each lock before
        /// it releases it; read from the calls' syntax alone, such a body is settled without it.
        /// </remarks>
        private static bool SomeLockObjectIsReleasedFirst(List<IInvocationOperation> calls)
        {
            Dictionary<string, (int Position, bool Release)>? first = null;
            foreach (var invocation in calls)
            {
                var target = invocation.TargetMethod;
                var call = BclLockCalls.Classify(target, target.ContainingType);
                var lockObject = call.LockObject == BclLockCall.Receiver ? invocation.Instance : LockTransfer.Argument(invocation.Arguments, call.LockObject);
                string text = lockObject?.Syntax?.ToString() ?? string.Empty;
                int position = invocation.Syntax.SpanStart;
                first ??= new Dictionary<string, (int, bool)>(System.StringComparer.Ordinal);
                if (!first.TryGetValue(text, out var known) || position < known.Position)
                {
                    first[text] = (position, call.Kind == BclLockCallKind.Release);
                }
            }

            if (first is not null)
            {
                foreach (var entry in first.Values)
                {
                    if (entry.Release)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The body's operations, without those of the lambdas and local functions in it (bodies of their own).</summary>
        private static IEnumerable<IOperation> OwnOperations(IOperation body)
        {
            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                yield return operation;
                foreach (var child in operation.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        pending.Push(child);
                    }
                }
            }
        }
    }
}
