using System;
using System.Collections.Immutable;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>Turns the lock contracts of a called member into <see cref="LockAction"/>s at one call site.</summary>
    internal static class LockCallClassifier
    {
        /// <summary>
        /// The actions of calling <paramref name="normalized"/> (a target already normalized by
        /// <see cref="SummaryProvider.Normalize"/>, whose annotations the caller has) on <paramref name="instance"/>,
        /// releases first (a downgrade releases the write hold before it keeps the read hold).
        /// </summary>
        internal static ImmutableArray<LockAction> Classify(
            IMethodSymbol normalized,
            MethodAnnotations methodAnnotations,
            IOperation? instance,
            ISymbol? owner,
            Func<IFlowCaptureReferenceOperation, IOperation?> resolveCapture)
        {
            if (methodAnnotations.Contracts.IsEmpty)
            {
                return ImmutableArray<LockAction>.Empty;
            }

            var actions = ImmutableArray.CreateBuilder<LockAction>(methodAnnotations.Contracts.Length);
            for (int pass = 0; pass < 2; pass++)
            {
                bool releases = pass == 0;
                foreach (var contract in methodAnnotations.Contracts)
                {
                    if ((contract.Kind == LockContractKind.Releases) != releases || contract.Kind == LockContractKind.MayAcquire)
                    {
                        continue;
                    }

                    var lockClass = contract.LockClass ?? ReceiverClass(instance, owner, normalized);
                    if (lockClass is null || lockClass.TypeKind == TypeKind.Error)
                    {
                        continue;
                    }

                    var lockInstance = contract.IsOnReceiver ? ReceiverInstance(instance, resolveCapture) : LockInstance.Unknown;
                    var kind = contract.Kind switch
                    {
                        LockContractKind.Acquires => LockActionKind.Acquire,
                        LockContractKind.TryAcquires => LockActionKind.TryAcquire,
                        LockContractKind.Releases => LockActionKind.Release,
                        LockContractKind.Requires => LockActionKind.Requires,
                        _ => LockActionKind.Excludes,
                    };
                    bool blocking = BodyEffectWalker.IsBlockingAcquisition(contract, methodAnnotations);
                    actions.Add(new LockAction(kind, lockClass, lockInstance, contract.Mode, blocking, !contract.IsOnReceiver));
                }
            }

            return actions.Count == actions.Capacity ? actions.MoveToImmutable() : actions.ToImmutable();
        }

        /// <summary>Whether the member's contracts change the caller's held set or constrain it (anything but <c>[MayAcquire]</c>).</summary>
        internal static bool HasLockContract(IMethodSymbol target, AnnotationReader annotations)
        {
            foreach (var contract in annotations.Get(SummaryProvider.Normalize(target)).Contracts)
            {
                if (contract.Kind != LockContractKind.MayAcquire)
                {
                    return true;
                }
            }

            return false;
        }

        private static ITypeSymbol? ReceiverClass(IOperation? instance, ISymbol? owner, IMethodSymbol target)
        {
            instance = StripConversions(instance);
            switch (instance)
            {
                case null:
                    return target.ContainingType;
                case IInstanceReferenceOperation:
                    // this.Enter() inside a derived lock class takes a lock of the derived class.
                    return owner?.ContainingType ?? instance.Type;
                default:
                    return instance.Type;
            }
        }

        private static LockInstance ReceiverInstance(IOperation? instance, Func<IFlowCaptureReferenceOperation, IOperation?> resolveCapture) =>
            LockInstance.From(StripConversions(instance), resolveCapture);

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
