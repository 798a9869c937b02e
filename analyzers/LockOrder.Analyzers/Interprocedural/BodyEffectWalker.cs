using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LockOrder.Analyzers.Flow;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Walks the operation tree of one body and collects its <see cref="BodyFacts"/>. Flow-insensitive on purpose:
    /// a summary answers "may this call wait for lock X or fault", and any path that may do so counts.
    /// </summary>
    internal static class BodyEffectWalker
    {
        /// <summary>Bound on the operations visited in one body; past it the summary is marked incomplete.</summary>
        internal const int MaxOperationsPerBody = 50_000;

        internal static BodyFacts Walk(IOperation body, IMethodSymbol owner, LockModel model, EventSubscriptions events, CancellationToken cancellationToken)
        {
            var annotations = model.Annotations;
            var origins = new ValueOrigins(body, null, model.Getters);
            var delegateArguments = new List<DelegateArgument>();
            var parameterInvocations = new List<(int, ImmutableArray<HeldAtInvocation>)>();
            var handOffs = new List<ParameterHandOff>();
            // A lock the body releases before it takes it is its caller's (InheritedLocks): taking it again is no wait of the call's.
            var inherited = new HashSet<LockClass>();
            foreach (var (inheritedClass, _, _) in InheritedLocks.Of(body is IAnonymousFunctionOperation lambda ? lambda.Body : body is ILocalFunctionOperation local ? local.Body : body, model, owner, origins, inSummary: true, cancellationToken))
            {
                inherited.Add(inheritedClass);
            }

            var ownAcquisitions = new EffectSetBuilder();
            var callees = new List<IMethodSymbol>();
            var seenCallees = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var callSites = new List<CallSite>();
            var callSiteIndex = new Dictionary<(IMethodSymbol, LockInstance), int>(new CallSiteComparer());
            bool incomplete = false;
            int visited = 0;

            // Each operation with the guard it runs under: `if (!held) { … }` runs its branch only when `held` is false.
            var pending = new Stack<(IOperation Operation, ParameterGuard? Guard)>();
            ParameterGuard? guard = null;
            if (body is ILocalFunctionOperation or IAnonymousFunctionOperation)
            {
                // The walk starts at the local function or lambda itself; those nested in it are skipped below.
                PushChildren(pending, body, null);
            }
            else
            {
                pending.Push((body, null));
            }

            while (pending.Count > 0)
            {
                if (++visited > MaxOperationsPerBody)
                {
                    incomplete = true;
                    break;
                }

                if ((visited & 0xFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                IOperation operation;
                (operation, guard) = pending.Pop();
                switch (operation)
                {
                    case IConditionalOperation conditional when guard is null && ParameterTest.TryRead(conditional.Condition, owner, out var tested, out bool whenTrue):
                        pending.Push((conditional.Condition, null));
                        pending.Push((conditional.WhenTrue, new ParameterGuard(tested.Ordinal, whenTrue)));
                        if (conditional.WhenFalse is { } whenFalse)
                        {
                            pending.Push((whenFalse, new ParameterGuard(tested.Ordinal, !whenTrue)));
                        }

                        continue;
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        // Deferred execution is not execution: a lambda or local function declared here runs only when
                        // it is invoked (a local function's invocation is a call, followed like any other), and the
                        // lambda body is analyzed as its own body starting with nothing held.
                        continue;
                    case IInvocationOperation invocation:
                        AddCall(invocation.TargetMethod, invocation.Instance, invocation.Arguments, invocation);
                        break;
                    case IObjectCreationOperation creation when creation.Constructor is not null:
                        AddCall(creation.Constructor, null, creation.Arguments, creation);
                        break;
                    case IPropertyReferenceOperation property:
                        AddPropertyAccess(property);
                        break;
                    case ILockOperation lockStatement:
                        if (LockCallClassifier.LockStatement(model, lockStatement, origins, cancellationToken, inSummary: true) is { } taken)
                        {
                            AddAcquisition(taken, "lock (" + taken.LockClass.Display + ")");
                        }

                        break;
                    case IEventAssignmentOperation { EventReference: IEventReferenceOperation eventReference } eventAssignment:
                        var accessor = eventAssignment.Adds ? eventReference.Event.AddMethod : eventReference.Event.RemoveMethod;
                        if (accessor is not null)
                        {
                            AddCall(accessor, eventReference.Instance, ImmutableArray<IArgumentOperation>.Empty, null);
                        }

                        break;
                    case IBinaryOperation { OperatorMethod: { } binaryOperator }:
                        AddCall(binaryOperator, null, ImmutableArray<IArgumentOperation>.Empty, null);
                        break;
                    case IUnaryOperation { OperatorMethod: { } unaryOperator }:
                        AddCall(unaryOperator, null, ImmutableArray<IArgumentOperation>.Empty, null);
                        break;
                    case IConversionOperation { OperatorMethod: { } conversionOperator }:
                        AddCall(conversionOperator, null, ImmutableArray<IArgumentOperation>.Empty, null);
                        break;
                    case ICompoundAssignmentOperation { OperatorMethod: { } compoundOperator }:
                        AddCall(compoundOperator, null, ImmutableArray<IArgumentOperation>.Empty, null);
                        break;
                    case IIncrementOrDecrementOperation { OperatorMethod: { } incrementOperator }:
                        AddCall(incrementOperator, null, ImmutableArray<IArgumentOperation>.Empty, null);
                        break;
                }

                PushChildren(pending, operation, guard);
            }

            return new BodyFacts(
                ownAcquisitions.ToImmutable(),
                callees.ToImmutableArray(),
                callSites.ToImmutableArray(),
                delegateArguments.ToImmutableArray(),
                parameterInvocations.ToImmutableArray(),
                handOffs.ToImmutableArray(),
                incomplete);

            void AddPropertyAccess(IPropertyReferenceOperation property)
            {
                bool reads = true;
                bool writes = false;
                switch (property.Parent)
                {
                    case ISimpleAssignmentOperation simple when simple.Target == property:
                        reads = false;
                        writes = true;
                        break;
                    case ICompoundAssignmentOperation compound when compound.Target == property:
                    case ICoalesceAssignmentOperation coalesce when coalesce.Target == property:
                    case IIncrementOrDecrementOperation:
                        writes = true;
                        break;
                }

                if (reads && property.Property.GetMethod is { } getter)
                {
                    AddCall(getter, property.Instance, property.Arguments, null);
                }

                if (writes && property.Property.SetMethod is { } setter)
                {
                    AddCall(setter, property.Instance, property.Arguments, null);
                }
            }

            void AddCall(IMethodSymbol target, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, IOperation? site)
            {
                target = DispatchIndex.Devirtualize(target, instance);
                var normalized = SummaryProvider.Normalize(target);
                var targetAnnotations = annotations.Get(normalized);
                if (!targetAnnotations.Contracts.IsEmpty || LockCallClassifier.IsLockOperation(target, annotations))
                {
                    foreach (var action in LockCallClassifier.Classify(model, target, normalized, targetAnnotations, instance, arguments, owner, origins, cancellationToken, inSummary: true))
                    {
                        if (action.Blocking && action.Kind is LockActionKind.Acquire or LockActionKind.TryAcquire && !action.LockClass.IsError)
                        {
                            AddAcquisition(action, AcquisitionName(action, target, normalized, targetAnnotations));
                        }
                    }
                }

                if (seenCallees.Add(normalized))
                {
                    callees.Add(normalized);
                }

                // A constructor runs on an object nobody else sees yet: the locks it takes on it cannot be contended.
                var receiver = normalized.MethodKind == MethodKind.Constructor ? LockInstance.Fresh
                    : instance is null ? LockInstance.Unknown
                    : LockInstance.InSummary(LockCallClassifier.StripConversions(instance), origins);
                AddCallSite(normalized, receiver, BoolArguments(arguments));

                if (BlockingWaits.Describe(target, LockCallClassifier.StripConversions(instance)?.Type, throughCalls: true) is { } wait && !BlockingWaits.IsSynchronousCompletion(instance))
                {
                    ownAcquisitions.Add(new CalleeEffect(CalleeEffectKind.Wait, null, LockMode.Exclusive, ImmutableArray.Create(wait), guard: guard));
                }

                if (site is null)
                {
                    return;
                }

                if (target.MethodKind == MethodKind.DelegateInvoke)
                {
                    AddDelegateInvocation(instance, site);
                }

                foreach (var argument in arguments)
                {
                    if (argument.Parameter is { } parameter && SynchronousInvokers.IsDelegateOrDelegates(parameter.Type))
                    {
                        foreach (var value in DelegateValues(argument.Value))
                        {
                            AddDelegateArgument(normalized, parameter.Ordinal, receiver, value, site);
                        }
                    }
                }
            }

            void AddCallSite(IMethodSymbol callee, LockInstance receiver, ImmutableArray<BoolArgument> boolArguments = default)
            {
                if (seenCallees.Add(callee))
                {
                    callees.Add(callee);
                }

                var site = new CallSite(callee, receiver, guard, boolArguments);
                if (callSiteIndex.TryGetValue((callee, receiver), out int seen))
                {
                    callSites[seen] = callSites[seen].Merge(site);
                    return;
                }

                callSiteIndex[(callee, receiver)] = callSites.Count;
                callSites.Add(site);
            }

            // What the call passes for the callee's bool parameters: constants, and this body's own parameters passed on.
            ImmutableArray<BoolArgument> BoolArguments(ImmutableArray<IArgumentOperation> arguments)
            {
                ImmutableArray<BoolArgument>.Builder? known = null;
                foreach (var argument in arguments)
                {
                    if (argument.Parameter is not { Type.SpecialType: SpecialType.System_Boolean, RefKind: RefKind.None } parameter)
                    {
                        continue;
                    }

                    var value = LockCallClassifier.StripConversions(argument.Value);
                    if (ParameterTest.ConstantBool(argument.Value) is { } constant)
                    {
                        (known ??= ImmutableArray.CreateBuilder<BoolArgument>()).Add(new BoolArgument(parameter.Ordinal, constant, null));
                    }
                    else if (value is IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } passed } && SymbolEqualityComparer.Default.Equals(passed.ContainingSymbol, owner))
                    {
                        (known ??= ImmutableArray.CreateBuilder<BoolArgument>()).Add(new BoolArgument(parameter.Ordinal, null, passed.Ordinal));
                    }
                }

                return known?.ToImmutable() ?? ImmutableArray<BoolArgument>.Empty;
            }

            // `f()`, `f.Invoke()`, `Changed?.Invoke(this, e)`: the delegate's targets run here, or the caller's callback.
            void AddDelegateInvocation(IOperation? instance, IOperation site)
            {
                if (DelegateTargets.ParameterOf(instance, origins) is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, owner))
                {
                    parameterInvocations.Add((parameter.Ordinal, StructuralHeldLocks.Around(site, body, model, owner, origins, cancellationToken)));
                    return;
                }

                foreach (var target in DelegateTargets.Of(instance, origins, inSummary: true))
                {
                    AddCallSite(SummaryProvider.Normalize(target.Method), target.Receiver);
                }

                if (RaisedEvent(instance, origins) is { } raised)
                {
                    foreach (var handler in events.HandlersOf(raised, cancellationToken))
                    {
                        AddCallSite(SummaryProvider.Normalize(handler.Method), handler.Receiver);
                    }
                }
            }

            void AddDelegateArgument(IMethodSymbol callee, int ordinal, LockInstance receiver, IOperation value, IOperation site)
            {
                if (DelegateTargets.ParameterOf(value, origins) is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, owner))
                {
                    handOffs.Add(new ParameterHandOff(callee, ordinal, receiver, parameter.Ordinal, StructuralHeldLocks.Around(site, body, model, owner, origins, cancellationToken)));
                    return;
                }

                foreach (var target in DelegateTargets.Of(value, origins, inSummary: true))
                {
                    var normalizedTarget = SummaryProvider.Normalize(target.Method);
                    delegateArguments.Add(new DelegateArgument(callee, ordinal, new DelegateTarget(normalizedTarget, target.Receiver)));
                    if (seenCallees.Add(normalizedTarget))
                    {
                        callees.Add(normalizedTarget);
                    }
                }
            }

            void AddAcquisition(LockAction action, string name)
            {
                if (!inherited.Contains(action.LockClass))
                {
                    ownAcquisitions.Add(new CalleeEffect(CalleeEffectKind.Acquire, action.LockClass, action.Mode, ImmutableArray.Create(name), action.Instance, guard));
                }
            }
        }

        /// <summary>The delegates an argument passes: itself, or each element of a <c>params</c> array of delegates.</summary>
        internal static IEnumerable<IOperation> DelegateValues(IOperation value)
        {
            if (value is IArrayCreationOperation { Initializer: { } initializer })
            {
                return initializer.ElementValues;
            }

            return new[] { value };
        }

        /// <summary>
        /// The event a delegate value is read from, when it is one the body raises (<c>Changed?.Invoke(...)</c>,
        /// <c>var handler = Changed; handler(...)</c>): raising it runs every handler subscribed to it.
        /// </summary>
        internal static IEventSymbol? RaisedEvent(IOperation? value, ValueOrigins? origins)
        {
            for (int depth = 0; depth < 8 && value is not null; depth++)
            {
                switch (value)
                {
                    case IEventReferenceOperation eventReference:
                        return eventReference.Event;
                    case IConditionalAccessInstanceOperation instance:
                        value = EnclosingConditionalAccess(instance)?.Operation;
                        break;
                    default:
                        value = ValueOrigins.Behind(value, origins);
                        break;
                }
            }

            return null;
        }

        private static IConditionalAccessOperation? EnclosingConditionalAccess(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access)
                {
                    return access;
                }
            }

            return null;
        }

        /// <summary>
        /// The name of an acquiring call in a path: "VmaLock.Lock" rather than "MutexLock.Lock" (the message should name
        /// the lock that is waited for), "Cache._gate.Wait" for a BCL lock, "Monitor.Enter(Cache._sync)" for a monitor.
        /// </summary>
        private static string AcquisitionName(LockAction action, IMethodSymbol target, IMethodSymbol normalized, MethodAnnotations annotations)
        {
            if (annotations.Contracts.IsEmpty)
            {
                return target.IsStatic
                    ? target.ContainingType.Name + "." + target.Name + "(" + action.LockClass.Display + ")"
                    : action.LockClass.Display + "." + target.Name;
            }

            return action.ClassOnly || normalized.MethodKind != MethodKind.Ordinary || action.LockClass.LockType is null
                ? MethodDisplayName.Of(normalized)
                : action.LockClass.Display + "." + normalized.Name;
        }

        /// <summary>
        /// Whether a contract makes the call wait for a lock: <c>[Acquires]</c> and killable
        /// <c>[TryAcquires(Blocking = true)]</c> do; a plain try-acquisition never blocks; and a downgrade
        /// (<c>[Releases(Exclusive)]</c> with <c>[Acquires(Shared)]</c> of the same lock) keeps the lock without waiting.
        /// </summary>
        internal static bool IsBlockingAcquisition(LockContract contract, MethodAnnotations annotations)
        {
            bool acquires = contract.Kind == LockContractKind.Acquires || (contract.Kind == LockContractKind.TryAcquires && contract.Blocking);
            if (!acquires)
            {
                return false;
            }

            if (contract.Mode == LockMode.Shared)
            {
                foreach (var other in annotations.Contracts)
                {
                    if (other.Kind == LockContractKind.Releases && other.Mode == LockMode.Exclusive
                        && Equals(other.LockClass, contract.LockClass))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static void PushChildren(Stack<(IOperation, ParameterGuard?)> pending, IOperation operation, ParameterGuard? guard)
        {
            foreach (var child in operation.ChildOperations)
            {
                pending.Push((child, guard));
            }
        }

        private sealed class CallSiteComparer : IEqualityComparer<(IMethodSymbol Callee, LockInstance Receiver)>
        {
            public bool Equals((IMethodSymbol Callee, LockInstance Receiver) x, (IMethodSymbol Callee, LockInstance Receiver) y) =>
                SymbolEqualityComparer.Default.Equals(x.Callee, y.Callee) && x.Receiver.Equals(y.Receiver);

            public int GetHashCode((IMethodSymbol Callee, LockInstance Receiver) site) =>
                (SymbolEqualityComparer.Default.GetHashCode(site.Callee) * 31) + site.Receiver.GetHashCode();
        }
    }
}
