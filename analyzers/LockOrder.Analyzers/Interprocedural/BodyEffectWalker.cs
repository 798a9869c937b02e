using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
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

        internal static BodyFacts Walk(IOperation body, IMethodSymbol owner, AnnotationReader annotations, CancellationToken cancellationToken)
        {
            var contractAcquisitions = new EffectSetBuilder();
            var callees = new List<IMethodSymbol>();
            var seenCallees = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            bool incomplete = false;
            int visited = 0;

            var pending = new Stack<IOperation>();
            if (body is ILocalFunctionOperation localFunction)
            {
                // The walk starts at the local function itself; local functions nested in it are skipped below.
                PushChildren(pending, localFunction);
            }
            else
            {
                pending.Push(body);
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

                var operation = pending.Pop();
                switch (operation)
                {
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        // Deferred execution is not execution: a lambda or local function declared here runs only when
                        // it is invoked (a local function's invocation is a call, followed like any other), and the
                        // lambda body is analyzed as its own body starting with nothing held.
                        continue;
                    case IInvocationOperation invocation:
                        AddCall(invocation.TargetMethod, invocation.Instance);
                        break;
                    case IObjectCreationOperation creation when creation.Constructor is not null:
                        AddCall(creation.Constructor, null);
                        break;
                    case IPropertyReferenceOperation property:
                        AddPropertyAccess(property);
                        break;
                    case IEventAssignmentOperation { EventReference: IEventReferenceOperation eventReference } eventAssignment:
                        var accessor = eventAssignment.Adds ? eventReference.Event.AddMethod : eventReference.Event.RemoveMethod;
                        if (accessor is not null)
                        {
                            AddCall(accessor, eventReference.Instance);
                        }

                        break;
                    case IBinaryOperation { OperatorMethod: { } binaryOperator }:
                        AddCall(binaryOperator, null);
                        break;
                    case IUnaryOperation { OperatorMethod: { } unaryOperator }:
                        AddCall(unaryOperator, null);
                        break;
                    case IConversionOperation { OperatorMethod: { } conversionOperator }:
                        AddCall(conversionOperator, null);
                        break;
                    case ICompoundAssignmentOperation { OperatorMethod: { } compoundOperator }:
                        AddCall(compoundOperator, null);
                        break;
                    case IIncrementOrDecrementOperation { OperatorMethod: { } incrementOperator }:
                        AddCall(incrementOperator, null);
                        break;
                }

                PushChildren(pending, operation);
            }

            return new BodyFacts(contractAcquisitions.ToImmutable(), callees.ToImmutableArray(), incomplete);

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
                    AddCall(getter, property.Instance);
                }

                if (writes && property.Property.SetMethod is { } setter)
                {
                    AddCall(setter, property.Instance);
                }
            }

            void AddCall(IMethodSymbol target, IOperation? instance)
            {
                target = SummaryProvider.Normalize(target);
                foreach (var contract in annotations.Get(target).Contracts)
                {
                    if (!IsBlockingAcquisition(contract, annotations.Get(target)))
                    {
                        continue;
                    }

                    var lockClass = contract.LockClass ?? ReceiverClass(instance, owner, target);
                    if (lockClass is null || lockClass.TypeKind == TypeKind.Error)
                    {
                        continue;
                    }

                    // "VmaLock.Lock" rather than "MutexLock.Lock": the message should name the lock that is waited for.
                    var name = contract.IsOnReceiver && target.MethodKind == MethodKind.Ordinary ? lockClass.Name + "." + target.Name : MethodDisplayName.Of(target);
                    contractAcquisitions.Add(new CalleeEffect(CalleeEffectKind.Acquire, lockClass, contract.Mode, ImmutableArray.Create(name)));
                }

                if (seenCallees.Add(target))
                {
                    callees.Add(target);
                }
            }
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
                        && SymbolEqualityComparer.Default.Equals(other.LockClass, contract.LockClass))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>The class of the lock a receiver contract (<c>[Acquires(LockMode)]</c> on a lock type's method) takes at this call.</summary>
        private static ITypeSymbol? ReceiverClass(IOperation? instance, IMethodSymbol owner, IMethodSymbol target)
        {
            while (instance is IConversionOperation { IsImplicit: true } conversion)
            {
                instance = conversion.Operand;
            }

            switch (instance)
            {
                case null:
                    return target.ContainingType;
                case IInstanceReferenceOperation:
                    // this.Enter() / base.Enter() inside a derived lock class takes a lock of the derived class.
                    return owner.ContainingType ?? instance.Type;
                default:
                    return instance.Type;
            }
        }

        private static void PushChildren(Stack<IOperation> pending, IOperation operation)
        {
            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }
    }
}
