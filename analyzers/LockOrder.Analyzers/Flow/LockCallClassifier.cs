using System.Collections.Immutable;
using System.Threading;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// Turns a call into <see cref="LockAction"/>s: the lock contracts of a called member (LockOrder's annotations), or
    /// the meaning of a BCL lock method (DESIGN §11). One classification serves the flow, the summaries and the rules,
    /// so that a <c>Monitor.Enter</c> and an <c>[Acquires]</c> helper are one kind of thing everywhere.
    /// </summary>
    internal static class LockCallClassifier
    {
        /// <summary>
        /// The actions of calling <paramref name="target"/> (normalized as <paramref name="normalized"/> by
        /// <see cref="SummaryProvider.Normalize"/>, whose annotations the caller has) on <paramref name="instance"/> with
        /// <paramref name="arguments"/>, releases first (a downgrade releases the write hold before it keeps the read hold).
        /// </summary>
        internal static ImmutableArray<LockAction> Classify(
            LockModel model,
            IMethodSymbol target,
            IMethodSymbol normalized,
            MethodAnnotations methodAnnotations,
            IOperation? instance,
            ImmutableArray<IArgumentOperation> arguments,
            ISymbol? owner,
            ValueOrigins? origins,
            CancellationToken cancellationToken,
            bool inSummary = false)
        {
            if (!methodAnnotations.Contracts.IsEmpty)
            {
                return FromContracts(normalized, methodAnnotations, instance, owner, origins, inSummary);
            }

            var call = BclLockCalls.Classify(target, StripConversions(instance)?.Type);
            return call.IsLockOperation ? FromBclCall(model, call, instance, arguments, origins, inSummary, cancellationToken) : ImmutableArray<LockAction>.Empty;
        }

        /// <summary>The path of a lock at a call: as the body names it, or as a summary keeps it (from <c>this</c>).</summary>
        private static LockInstance InstanceOf(IOperation? lockObject, ValueOrigins? origins, bool inSummary) =>
            inSummary ? LockInstance.InSummary(StripConversions(lockObject), origins) : LockInstance.From(StripConversions(lockObject), origins);

        /// <summary>
        /// Whether a call of <paramref name="target"/> may change or constrain the held set: a lock contract other than
        /// <c>[MayAcquire]</c>, or a BCL lock method. The cheap test every call of every body passes through.
        /// </summary>
        internal static bool IsLockOperation(IMethodSymbol target, AnnotationReader annotations)
        {
            if (target.ContainingType?.ContainingNamespace?.Name == "Threading" && BclLockCalls.MayBeLockMethod(target))
            {
                return true;
            }

            foreach (var contract in annotations.Get(SummaryProvider.Normalize(target)).Contracts)
            {
                if (contract.Kind != LockContractKind.MayAcquire)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The lock a <c>lock</c> statement takes: a <c>System.Threading.Lock</c>'s own, otherwise the object's monitor.</summary>
        internal static LockAction? LockStatement(LockModel model, ILockOperation lockStatement, ValueOrigins? origins, CancellationToken cancellationToken, bool inSummary = false)
        {
            var locked = lockStatement.LockedValue;
            var primitive = BclLockTypes.Is(locked.Type, "Lock") ? LockPrimitive.Lock : LockPrimitive.Monitor;
            var lockClass = LockClassResolver.FromLockObject(locked, primitive, model.BclFacts, origins, cancellationToken);
            return lockClass is null
                ? null
                : new LockAction(LockActionKind.Acquire, lockClass, InstanceOf(locked, origins, inSummary), LockMode.Exclusive, blocking: true, classOnly: false);
        }

        private static ImmutableArray<LockAction> FromContracts(IMethodSymbol normalized, MethodAnnotations methodAnnotations, IOperation? instance, ISymbol? owner, ValueOrigins? origins, bool inSummary)
        {
            var actions = ImmutableArray.CreateBuilder<LockAction>(methodAnnotations.Contracts.Length);
            bool returnsScope = !normalized.ReturnsVoid && normalized.ReturnType.SpecialType != SpecialType.System_Boolean;
            for (int pass = 0; pass < 2; pass++)
            {
                bool releases = pass == 0;
                foreach (var contract in methodAnnotations.Contracts)
                {
                    if ((contract.Kind == LockContractKind.Releases) != releases || contract.Kind == LockContractKind.MayAcquire)
                    {
                        continue;
                    }

                    var lockClass = contract.LockClass ?? LockReceivers.ClassOf(instance, owner, normalized);
                    if (lockClass is null || lockClass.IsError)
                    {
                        continue;
                    }

                    var lockInstance = contract.IsOnReceiver ? InstanceOf(instance, origins, inSummary)
                        : contract.NamedMember is { } member ? LockInstance.OfMember(InstanceOf(instance, origins, inSummary), member)
                        : LockInstance.Unknown;
                    var kind = contract.Kind switch
                    {
                        LockContractKind.Acquires => LockActionKind.Acquire,
                        LockContractKind.TryAcquires => LockActionKind.TryAcquire,
                        LockContractKind.Releases => LockActionKind.Release,
                        LockContractKind.Requires => LockActionKind.Requires,
                        _ => LockActionKind.Excludes,
                    };
                    bool blocking = BodyEffectWalker.IsBlockingAcquisition(contract, methodAnnotations);
                    actions.Add(new LockAction(kind, lockClass, lockInstance, contract.Mode, blocking, classOnly: !contract.IsOnReceiver && contract.NamedMember is null, returnsScope: returnsScope && kind == LockActionKind.Acquire));
                }
            }

            return actions.Count == actions.Capacity ? actions.MoveToImmutable() : actions.ToImmutable();
        }

        private static ImmutableArray<LockAction> FromBclCall(LockModel model, BclLockCall call, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, ValueOrigins? origins, bool inSummary, CancellationToken cancellationToken)
        {
            var lockObject = call.LockObject == BclLockCall.Receiver ? instance : Argument(arguments, call.LockObject);
            var lockClass = LockClassResolver.FromLockObject(lockObject, call.Primitive, model.BclFacts, origins, cancellationToken);
            if (lockClass is null)
            {
                return ImmutableArray<LockAction>.Empty;
            }

            var lockInstance = InstanceOf(lockObject, origins, inSummary);
            var takenFlag = call.TakenFlag == BclLockCall.None ? null : Argument(arguments, call.TakenFlag);
            LockAction action;
            switch (call.Kind)
            {
                case BclLockCallKind.Acquire:
                    action = new LockAction(LockActionKind.Acquire, lockClass, lockInstance, call.Mode, blocking: true, classOnly: false, takenFlag, call.ReturnsScope);
                    break;
                case BclLockCallKind.TryAcquire when call.Timeout != BclLockCall.None && IsInfinite(Argument(arguments, call.Timeout)):
                    // An infinite timeout waits like a plain acquisition; its result is always true and needs no check.
                    action = new LockAction(LockActionKind.Acquire, lockClass, lockInstance, call.Mode, blocking: true, classOnly: false, takenFlag);
                    break;
                case BclLockCallKind.TryAcquire:
                    action = new LockAction(LockActionKind.TryAcquire, lockClass, lockInstance, call.Mode, blocking: false, classOnly: false, takenFlag, resultMustBeChecked: takenFlag is null);
                    break;
                default:
                    action = new LockAction(LockActionKind.Release, lockClass, lockInstance, call.Mode, blocking: false, classOnly: false);
                    break;
            }

            return ImmutableArray.Create(action);
        }

        /// <summary>The value passed for the parameter at <paramref name="ordinal"/> (arguments come in evaluation order, which named arguments change).</summary>
        private static IOperation? Argument(ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary><c>-1</c>, <c>Timeout.Infinite</c>, <c>Timeout.InfiniteTimeSpan</c>, <c>TimeSpan.FromMilliseconds(-1)</c>: a wait without end.</summary>
        private static bool IsInfinite(IOperation? timeout)
        {
            timeout = StripConversions(timeout);
            switch (timeout)
            {
                case null:
                    return false;
                case IFieldReferenceOperation { Field: { Name: "InfiniteTimeSpan", ContainingType: var type } } when BclLockTypes.Is(type, "Timeout"):
                    return true;
                case IInvocationOperation { TargetMethod.Name: "FromMilliseconds", Arguments.Length: 1 } fromMilliseconds:
                    return IsMinusOne(StripConversions(fromMilliseconds.Arguments[0].Value));
                default:
                    return IsMinusOne(timeout);
            }
        }

        private static bool IsMinusOne(IOperation? value) =>
            value?.ConstantValue is { HasValue: true, Value: var constant } && constant is int or long && System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture) == -1;

        internal static IOperation? StripConversions(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    default:
                        return operation;
                }
            }
        }
    }
}
