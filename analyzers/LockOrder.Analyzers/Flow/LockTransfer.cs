using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using LockOrder.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// The transfer function of the held-lock-set analysis of one body: what each operation does to the held set, and
    /// every check the rules make at a call, a release, an await or a return. Both traversals of a body — the
    /// structured walk over its operation tree (<see cref="StructuredLockFlow"/>) and the dataflow over its
    /// control-flow graph (<see cref="LockFlowAnalysis"/>) — apply operations through this one class, so the two cannot
    /// disagree about what an operation means; they differ only in how they find the paths.
    /// </summary>
    internal sealed class LockTransfer
    {
        private readonly FlowContext context;
        private readonly IMethodSymbol? owner;
        private string? ownerName;
        private readonly Location ownerLocation;
        private readonly MethodAnnotations ownerAnnotations;
        private readonly ValueOrigins origins;

        /// <summary>
        /// The work list of <see cref="Transfer"/>, reused: the walk runs for every operation of every block visit, and
        /// a fresh stack per walk was most of what the analysis allocated. Created on first use: the structured fast
        /// path walks expressions itself, so most bodies never need it.
        /// </summary>
        private Stack<(IOperation Operation, bool ChildrenDone)>? pendingOperations;

        private IMethodSymbol? lastTarget;
        private IMethodSymbol? lastNormalized;
        private MethodAnnotations lastAnnotations = MethodAnnotations.None;

        /// <summary>The BCL lock classes the body takes somewhere, computed when a release of one that is not held needs it.</summary>
        private HashSet<LockClass>? classesTakenInBody;

        internal LockTransfer(FlowContext context, IMethodSymbol? owner, Location ownerLocation, ValueOrigins origins)
        {
            this.context = context;
            this.owner = owner;
            this.ownerLocation = ownerLocation;
            this.origins = origins;
            ownerAnnotations = owner is null ? MethodAnnotations.None : context.Model.Annotations.Get(owner);
        }

        internal FlowContext Context => context;

        /// <summary>The body's name in messages, made only when a message needs it.</summary>
        internal string OwnerName => ownerName ??= owner is null ? "initializer" : MethodDisplayName.Of(owner);

        internal Location OwnerLocation => ownerLocation;

        internal ValueOrigins Origins => origins;

        /// <summary>A bound was hit (the held set overflowed, or a fixpoint ran too long): the body reports only LOCK011.</summary>
        internal bool StoppedAtBound { get; private set; }

        /// <summary>Which bound made the analysis incomplete (LOCK011), if any.</summary>
        internal string? IncompleteBound { get; private set; }

        /// <summary>Past the fixpoint bound the body reports only LOCK011.</summary>
        internal void StopAtFixpointBound()
        {
            StoppedAtBound = true;
            IncompleteBound = IncompleteAnalysisRule.FixpointBound;
        }

        /// <summary>Ends the analysis of the body: past a bound it takes back what it found and reports only LOCK011.</summary>
        internal void Finish(FindingSink.Checkpoint checkpoint)
        {
            if (StoppedAtBound)
            {
                // A single pass may have reported before it hit the bound: past a bound the body reports only LOCK011.
                context.Sink.Rollback(checkpoint);
            }

            if (IncompleteBound is not null)
            {
                IncompleteAnalysisRule.Report(context.Sink, ownerLocation, OwnerName, IncompleteBound);
            }
        }

        /// <summary>The locks held when the body starts: those its own <c>[Requires]</c> and <c>[Releases]</c> name.</summary>
        internal LockState EntryState()
        {
            var state = LockState.Empty;
            foreach (var contract in ownerAnnotations.Contracts)
            {
                if (contract.LockClass is not { IsError: false } lockClass
                    || (contract.Kind != LockContractKind.Requires && contract.Kind != LockContractKind.Releases))
                {
                    continue;
                }

                var at = contract.Attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? ownerLocation;
                var origin = contract.Kind == LockContractKind.Requires ? HeldLockOrigin.Required : HeldLockOrigin.ToRelease;
                // A member the contract names is this object's member: `lock (_sync)` in the body is the same lock.
                var instance = contract.NamedMember is { } member && owner is { IsStatic: false } or null
                    ? LockInstance.OfMember(LockInstance.This, member)
                    : contract.NamedMember is { IsStatic: true } staticMember ? LockInstance.OfMember(LockInstance.Unknown, staticMember)
                    : LockInstance.Unknown;
                state = state.Add(new HeldLock(lockClass, instance, contract.Mode, at, origin, isMaybe: false), out _);
            }

            foreach (var (lockClass, instance, at) in InheritedLocks.Of(origins.Body is { } body && owner is not null ? BodyOf(body, owner) : null, context.Model, owner, origins, inSummary: false, context.CancellationToken))
            {
                state = state.Add(new HeldLock(lockClass, instance, LockMode.Exclusive, at, HeldLockOrigin.Inherited, isMaybe: false), out _);
            }

            return state;
        }

        /// <summary>The body of <paramref name="method"/> within the member's operation tree (a lambda's or local function's own).</summary>
        private static IOperation? BodyOf(IOperation root, IMethodSymbol method)
        {
            if (method.MethodKind is not (MethodKind.AnonymousFunction or MethodKind.LocalFunction))
            {
                return root;
            }

            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, method))
                {
                    return lambda.Body;
                }

                if (operation is ILocalFunctionOperation local && SymbolEqualityComparer.Default.Equals(local.Symbol, method))
                {
                    return local.Body;
                }
            }

            return null;
        }

        /// <summary>
        /// The states on the true and on the false side of a branch: a try-acquisition's result holds the lock on its
        /// true side; a known boolean local (<c>taken</c> after a blocking <c>Monitor.Enter(o, ref taken)</c>, or set to a
        /// constant) and a constant condition (<c>while (true)</c>) have no state on the side never taken.
        /// </summary>
        internal (LockState? WhenTrue, LockState? WhenFalse) SplitOnCondition(IOperation condition, LockState state)
        {
            if (condition.ConstantValue is { HasValue: true, Value: bool constant })
            {
                return constant ? (state, null) : (null, state);
            }

            if (ParameterTest.TryRead(condition, owner, out var parameter, out bool trueWhen) && !origins.MayWrite(parameter))
            {
                // `if (!lockHeld) throw …`: past the test the flag is known, and so is what a call passing it on does.
                var parameterKey = ValueKey.Of(parameter);
                if (state.KnownFlags.TryGetValue(parameterKey, out bool parameterValue))
                {
                    return parameterValue == trueWhen ? (state, null) : (null, state);
                }

                return (state.WithFlag(parameterKey, trueWhen), state.WithFlag(parameterKey, !trueWhen));
            }

            var value = LockCallClassifier.StripConversions(condition);
            bool negated = false;
            while (value is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                negated = !negated;
                value = LockCallClassifier.StripConversions(not.Operand);
            }

            value = LockCallClassifier.StripConversions(StripAwait(value));
            ValueKey? key = value switch
            {
                ILocalReferenceOperation local => ValueKey.Of(local.Local),
                IFlowCaptureReferenceOperation capture => ValueKey.Of(capture.Id),
                _ => null,
            };

            if (key is { } known && state.KnownFlags.TryGetValue(known, out bool flag))
            {
                return flag != negated ? (state, null) : (null, state);
            }

            var candidate = value switch
            {
                IInvocationOperation invocation => TryCandidate(invocation),
                _ when key is { } pendingKey => state.PendingTries.TryGetValue(pendingKey, out var pending) ? pending : null,
                _ => null,
            };

            if (candidate is null)
            {
                return (state, state);
            }

            // Past the test the result is known on each side: testing it again must not take the lock twice.
            var failure = key is { } tested ? state.WithPendingTry(tested, null).WithFlag(tested, false) : state;
            var success = state;
            if (!IsHeldFrom(state, candidate))
            {
                success = state.Add(candidate, out bool overflow, out _);
                NoteOverflow(overflow);
            }

            if (key is { } testedKey)
            {
                success = success.WithPendingTry(testedKey, null).WithFlag(testedKey, true);
            }

            return negated ? (failure, success) : (success, failure);
        }

        /// <summary>Whether the lock <paramref name="candidate"/> stands for is held already by that very acquisition.</summary>
        private static bool IsHeldFrom(LockState state, HeldLock candidate) =>
            state.Find(candidate.LockClass, candidate.Instance) is { IsMaybe: false } held && held.AcquiredAt.Equals(candidate.AcquiredAt);

        /// <summary>
        /// Whether <paramref name="invocation"/> is a try-acquisition whose result says whether a lock is held (the
        /// fast path follows only consumers of such a result it models exactly).
        /// </summary>
        internal bool IsTryAcquisition(IInvocationOperation invocation)
        {
            if (!MayChangeHeldLocks(invocation.TargetMethod))
            {
                return false;
            }

            foreach (var action in Classify(invocation))
            {
                if (action.Kind == LockActionKind.TryAcquire && action.TakenFlag is null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The lock a try-acquisition holds when it returns true, or null when the call is not one.</summary>
        private HeldLock? TryCandidate(IInvocationOperation invocation)
        {
            if (!MayChangeHeldLocks(invocation.TargetMethod))
            {
                return null;
            }

            foreach (var action in Classify(invocation))
            {
                if (action.Kind == LockActionKind.TryAcquire && action.TakenFlag is null)
                {
                    return new HeldLock(action.LockClass, action.Instance, action.Mode, invocation.Syntax.GetLocation(), HeldLockOrigin.Acquired, isMaybe: false);
                }
            }

            return null;
        }

        /// <summary>
        /// The value an <c>await</c> produces is the awaited call's: <c>await sem.WaitAsync(timeout)</c>, also through
        /// <c>.ConfigureAwait(false)</c>, is a try-acquisition's result.
        /// </summary>
        private static IOperation? StripAwait(IOperation? operation) =>
            operation is IAwaitOperation awaited ? StripConfigureAwait(awaited.Operation) : operation;

        private static IOperation StripConfigureAwait(IOperation operation) =>
            operation is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } awaitable } ? awaitable : operation;

        /// <summary>
        /// Whether a call's result is thrown away — an expression statement, or an assignment to a discard, also through
        /// an <c>await</c> — so that nothing downstream knows whether a try-acquisition took its lock.
        /// </summary>
        private static bool IsResultIgnored(IOperation operation)
        {
            var consumer = operation.Parent;
            while (consumer is IConversionOperation { IsImplicit: true } or IAwaitOperation or IInvocationOperation { TargetMethod.Name: "ConfigureAwait" })
            {
                consumer = consumer.Parent;
            }

            return consumer is IExpressionStatementOperation
                || consumer is ISimpleAssignmentOperation { Target: IDiscardOperation };
        }

        /// <summary>Whether a call of <paramref name="target"/> may change the held set: the cheap test made before classifying a call.</summary>
        private bool MayChangeHeldLocks(IMethodSymbol target) =>
            !AnnotationsOf(target, out _).Contracts.IsEmpty
            || (target.ContainingType?.ContainingNamespace?.Name == "Threading" && BclLockCalls.MayBeLockMethod(target));

        internal ImmutableArray<LockAction> Classify(IInvocationOperation invocation) =>
            Classify(invocation.TargetMethod, invocation.Instance, invocation.Arguments);

        internal ImmutableArray<LockAction> Classify(IMethodSymbol target, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
        {
            var annotations = AnnotationsOf(target, out var normalized);
            return LockCallClassifier.Classify(context.Model, target, normalized, annotations, instance, arguments, owner, origins, context.CancellationToken);
        }

        /// <summary>
        /// The annotations of a call's target, remembered for the last target asked about: a call is classified more
        /// than once in a row (the fast path asks whether it is a try-acquisition, then applies it), and the lookup is
        /// most of what a call without a lock contract costs.
        /// </summary>
        private MethodAnnotations AnnotationsOf(IMethodSymbol target, out IMethodSymbol normalized)
        {
            if (!ReferenceEquals(target, lastTarget))
            {
                lastNormalized = SummaryProvider.Normalize(target);
                lastAnnotations = context.Model.Annotations.Get(lastNormalized);
                lastTarget = target;
            }

            normalized = lastNormalized!;
            return lastAnnotations;
        }

        /// <summary>Applies one operation tree, children before parents (evaluation order), without recursion.</summary>
        internal LockState Transfer(IOperation root, LockState state, bool report)
        {
            var pending = pendingOperations ??= new Stack<(IOperation Operation, bool ChildrenDone)>();
            pending.Clear();
            pending.Push((root, false));
            while (pending.Count > 0)
            {
                var (operation, childrenDone) = pending.Pop();
                if (!childrenDone)
                {
                    pending.Push((operation, true));
                    if (operation is IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        // Deferred execution is not execution: a lambda's body is analyzed as its own body.
                        continue;
                    }

                    foreach (var child in operation.ChildOperations.Reverse())
                    {
                        pending.Push((child, false));
                    }

                    continue;
                }

                state = Apply(operation, state, report);
            }

            return state;
        }

        internal LockState Apply(IOperation operation, LockState state, bool report)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    return Call(invocation.TargetMethod, invocation.Instance, invocation.Arguments, invocation, state, report);
                case IObjectCreationOperation { Constructor: { } constructor } creation:
                    return Call(constructor, null, creation.Arguments, creation, state, report);
                case IPropertyReferenceOperation property:
                    return PropertyAccess(property, state, report);
                case ISimpleAssignmentOperation assignment:
                    return Assign(assignment.Target, assignment.Value, state);
                case IFlowCaptureOperation capture:
                    return Track(ValueKey.Of(capture.Id), capture.Value, state);
                case IAwaitOperation:
                    if (report)
                    {
                        AwaitRule.Check(context, state, operation.Syntax.GetLocation());
                    }

                    return state;
                case IExpressionStatementOperation { Syntax: LockStatementSyntax lockStatement, Operation: IInvalidOperation invalid }:
                    return EnterUnloweredLockStatement(lockStatement, invalid, state, report);
                default:
                    return state;
            }
        }

        /// <summary>
        /// The state inside a <c>lock</c> statement's body, and the lock its end releases (null when the locked object
        /// names no class): the fast path's reading of the statement the control-flow graph lowers to
        /// <c>Monitor.Enter(o, ref taken)</c> … <c>Monitor.Exit(o)</c> (or a <c>Lock</c>'s scope).
        /// </summary>
        internal (LockState State, HeldLock? Taken) EnterLockStatement(ILockOperation lockStatement, LockState state, bool report)
        {
            if (LockCallClassifier.LockStatement(context.Model, lockStatement, origins, context.CancellationToken) is not { } action)
            {
                return (state, null);
            }

            var location = lockStatement.LockedValue.Syntax.GetLocation();
            if (report)
            {
                OrderRule.CheckBlockingAcquisition(context, state, action.LockClass, action.Instance, action.Mode, string.Empty, location);
            }

            var entered = state.Add(new HeldLock(action.LockClass, action.Instance, action.Mode, location, HeldLockOrigin.Acquired, isMaybe: false), out bool overflow, out var taken);
            NoteOverflow(overflow);
            return (entered, taken);
        }

        /// <summary>
        /// A <c>lock</c> on a <c>System.Threading.Lock</c> as the control-flow graph gives it: a statement of the lock
        /// statement's syntax over an invalid operation that holds the locked value, then the body's operations with no
        /// release. The lock is held until the flow leaves the
        /// statement's body (<see cref="LeaveLockStatements"/>).
        /// </summary>
        private LockState EnterUnloweredLockStatement(LockStatementSyntax lockStatement, IInvalidOperation invalid, LockState state, bool report)
        {
            var locked = invalid.ChildOperations.FirstOrDefault();
            if (locked is null || !BclLockTypes.Is(locked.Type, "Lock"))
            {
                return state;
            }

            var lockClass = LockClassResolver.FromLockObject(locked, LockPrimitive.Lock, context.Model.BclFacts, origins, context.CancellationToken);
            if (lockClass is null)
            {
                return state;
            }

            var instance = LockInstance.From(LockCallClassifier.StripConversions(locked), origins);
            var location = locked.Syntax.GetLocation();
            if (report)
            {
                OrderRule.CheckBlockingAcquisition(context, state, lockClass, instance, LockMode.Exclusive, string.Empty, location);
            }

            var entered = state.Add(new HeldLock(lockClass, instance, LockMode.Exclusive, location, HeldLockOrigin.Acquired, isMaybe: false, lockStatement: lockStatement), out bool overflow);
            NoteOverflow(overflow);
            return entered;
        }

        /// <summary>
        /// Releases the locks of <c>lock</c> statements whose body the flow has left when it reaches code at
        /// <paramref name="position"/> (null: it leaves the method).
        /// </summary>
        internal static LockState LeaveLockStatements(LockState state, SyntaxNode? position)
        {
            for (int i = state.Held.Length - 1; i >= 0; i--)
            {
                var held = state.Held[i];
                if (held.LockStatement is { } statement && (position is null || !statement.Statement.Span.Contains(position.SpanStart)))
                {
                    state = state.Remove(held);
                }
            }

            return state;
        }

        private LockState PropertyAccess(IPropertyReferenceOperation property, LockState state, bool report)
        {
            bool writes = property.Parent is ISimpleAssignmentOperation simple && simple.Target == property;
            var accessor = writes ? property.Property.SetMethod : property.Property.GetMethod;
            return accessor is null ? state : Call(accessor, property.Instance, property.Arguments, property, state, report);
        }

        private LockState Assign(IOperation target, IOperation value, LockState state) =>
            target is ILocalReferenceOperation local ? Track(ValueKey.Of(local.Local), value, state) : state;

        /// <summary>Remembers what a local or capture now holds: a lock's scope, a try-acquisition's result, a known boolean, or none of them.</summary>
        internal LockState Track(ValueKey key, IOperation value, LockState state)
        {
            var (scope, pendingTry) = ValueOf(value, state);
            return state.WithScope(key, scope).WithPendingTry(key, pendingTry).WithFlag(key, FlagOf(value, state));
        }

        /// <summary>The boolean a value is known to be: a constant, or a local, capture or parameter whose value is known.</summary>
        private static bool? FlagOf(IOperation value, LockState state)
        {
            if (value.ConstantValue is { HasValue: true, Value: bool constant })
            {
                return constant;
            }

            return LockCallClassifier.StripConversions(value) switch
            {
                ILocalReferenceOperation local when state.KnownFlags.TryGetValue(ValueKey.Of(local.Local), out bool known) => known,
                IFlowCaptureReferenceOperation capture when state.KnownFlags.TryGetValue(ValueKey.Of(capture.Id), out bool captured) => captured,
                IParameterReferenceOperation parameter when state.KnownFlags.TryGetValue(ValueKey.Of(parameter.Parameter), out bool tested) => tested,
                _ => null,
            };
        }

        /// <summary>
        /// What <paramref name="value"/> stands for once stored: the lock whose release its disposal is (a scope), or
        /// the lock held when it is true (a try-acquisition's result, also through an <c>await</c>), or neither.
        /// </summary>
        internal (HeldLock? Scope, HeldLock? PendingTry) ValueOf(IOperation value, LockState state)
        {
            HeldLock? scope = null;
            HeldLock? pendingTry = null;
            switch (LockCallClassifier.StripConversions(StripAwait(LockCallClassifier.StripConversions(value))))
            {
                case IInvocationOperation invocation:
                    pendingTry = TryCandidate(invocation);
                    if (pendingTry is null && value is not IAwaitOperation)
                    {
                        scope = ScopeOf(invocation, state);
                    }

                    break;
                case ILocalReferenceOperation local:
                    state.Scopes.TryGetValue(ValueKey.Of(local.Local), out scope);
                    state.PendingTries.TryGetValue(ValueKey.Of(local.Local), out pendingTry);
                    break;
                case IFlowCaptureReferenceOperation capture:
                    state.Scopes.TryGetValue(ValueKey.Of(capture.Id), out scope);
                    state.PendingTries.TryGetValue(ValueKey.Of(capture.Id), out pendingTry);
                    break;
            }

            return (scope, pendingTry);
        }

        /// <summary>The lock whose release a value returned by an acquiring call (a scope) stands for.</summary>
        private HeldLock? ScopeOf(IInvocationOperation invocation, LockState state)
        {
            if (invocation.TargetMethod.ReturnsVoid || !MayChangeHeldLocks(invocation.TargetMethod))
            {
                return null;
            }

            foreach (var action in Classify(invocation))
            {
                if (action.Kind == LockActionKind.Acquire && action.ReturnsScope)
                {
                    return state.Find(action.LockClass, action.Instance) ?? FindByClass(state, action.LockClass);
                }
            }

            return null;
        }

        private LockState Call(IMethodSymbol target, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, IOperation operation, LockState state, bool report)
        {
            if (IsScopeDisposal(target, instance, state, out var disposed, out var scopeKey))
            {
                return ReleaseScope(disposed, state.WithScope(scopeKey, null));
            }

            var actions = MayChangeHeldLocks(target) ? Classify(target, instance, arguments) : ImmutableArray<LockAction>.Empty;
            bool checkCalleeEffects = report && state.HasDefinitelyHeld;
            bool passesDelegates = report && PassesDelegates(arguments);
            if (actions.IsEmpty && !checkCalleeEffects && !passesDelegates)
            {
                // Most calls in a locking body neither take nor release a lock, and nothing is held that they could
                // wait under, nor do they hand a delegate to a method that may run it under its own locks: nothing to
                // check, so nothing to describe either.
                return state;
            }

            var location = operation.Syntax.GetLocation();
            target = DispatchIndex.Devirtualize(target, instance);
            string callee = MethodDisplayName.Of(SummaryProvider.Normalize(target));
            HeldLock? releasedHere = null;
            foreach (var action in actions)
            {
                if (action.Kind == LockActionKind.Release)
                {
                    state = Release(action, state, location, report, out releasedHere);
                }
            }

            // What the callee's body does happens before it returns with its own contract's locks: check it against
            // what is held during the call (after the callee's releases, before its acquisitions).
            if (checkCalleeEffects && state.HasDefinitelyHeld)
            {
                ApplySummary(target, target.MethodKind == MethodKind.Constructor ? LockInstance.Fresh : ReceiverInstance(instance), arguments, state, callee, location);
                CheckWait(target, instance, arguments, actions, state, location);
                if (target.MethodKind == MethodKind.DelegateInvoke)
                {
                    RunInvokedDelegate(instance, state, location);
                }
                else
                {
                    CheckUnseenImplementations(target, state, location);
                }
            }

            if (passesDelegates)
            {
                RunDelegateArguments(target, instance, arguments, state, callee, location);
            }

            foreach (var action in actions)
            {
                switch (action.Kind)
                {
                    case LockActionKind.Acquire:
                        if (action.Blocking && report)
                        {
                            OrderRule.CheckBlockingAcquisition(context, state, action.LockClass, action.Instance, action.Mode, string.Empty, location);
                        }

                        // A downgrade keeps the lock taken where it was first taken.
                        var acquiredAt = !action.Blocking && releasedHere is not null && releasedHere.IsSameLock(action.LockClass, action.Instance) ? releasedHere.AcquiredAt : location;
                        state = Acquire(state, new HeldLock(action.LockClass, action.Instance, action.Mode, acquiredAt, HeldLockOrigin.Acquired, isMaybe: false));
                        if (FlagKey(action.TakenFlag) is { } taken)
                        {
                            state = state.WithFlag(taken, true);
                        }

                        break;
                    case LockActionKind.TryAcquire:
                        if (action.Blocking && report)
                        {
                            OrderRule.CheckBlockingAcquisition(context, state, action.LockClass, action.Instance, action.Mode, string.Empty, location);
                        }

                        var candidate = new HeldLock(action.LockClass, action.Instance, action.Mode, location, HeldLockOrigin.Acquired, isMaybe: false);
                        if (action.TakenFlag is not null)
                        {
                            // The success is written to the flag: the lock is held where the flag is true.
                            state = FlagKey(action.TakenFlag) is { } flag ? state.WithFlag(flag, null).WithPendingTry(flag, candidate) : state;
                        }
                        else if (IsResultIgnored(operation))
                        {
                            if (report && action.ResultMustBeChecked)
                            {
                                TryAcquisitionRule.ResultIgnored(context.Sink, operation.Syntax);
                            }

                            // Whether the lock is held is unknown from here on; "maybe" keeps follow-on errors away.
                            state = state.Add(candidate.With(candidate.Mode, isMaybe: true), out bool dropped, out _);
                            NoteOverflow(dropped);
                        }

                        break;
                    case LockActionKind.Requires:
                        if (report)
                        {
                            CallContractRule.CheckRequires(context, state, callee, action, location);
                        }

                        break;
                    case LockActionKind.Excludes:
                        if (report)
                        {
                            CallContractRule.CheckExcludes(context, state, callee, action, location);
                        }

                        break;
                }
            }

            return state;
        }

        /// <summary>Takes a lock: a lock of a class the body had dropped is the caller's lock given back; any other is a new hold.</summary>
        private LockState Acquire(LockState state, HeldLock acquired)
        {
            if (!state.Dropped.IsEmpty && state.Retake(acquired) is { } retaken)
            {
                return retaken;
            }

            var next = state.Add(acquired, out bool overflow, out _);
            NoteOverflow(overflow);
            return next;
        }

        /// <summary>The receiver's path, which a callee's summary rebases its <c>this</c> onto.</summary>
        private LockInstance ReceiverInstance(IOperation? instance) =>
            instance is null ? LockInstance.Unknown : LockInstance.From(LockCallClassifier.StripConversions(instance), origins);

        private static ValueKey? FlagKey(IOperation? flag) => LockCallClassifier.StripConversions(flag) switch
        {
            ILocalReferenceOperation local => ValueKey.Of(local.Local),
            _ => null,
        };

        /// <summary>Disposing a scope releases the lock it was taken for; a scope whose lock is gone already releases nothing.</summary>
        internal static LockState ReleaseScope(HeldLock scope, LockState state)
        {
            var released = state.Find(scope.LockClass, scope.Instance) ?? FindByClass(state, scope.LockClass);
            return released is null ? state : state.Remove(released);
        }

        /// <summary>What the call may do inside the callee, checked against what is held at the call.</summary>
        private void ApplySummary(IMethodSymbol target, LockInstance receiver, ImmutableArray<IArgumentOperation> arguments, LockState state, string callee, Location location)
        {
            // A callee that [Requires] a lock had its body analyzed with that lock held: what it does under it is
            // reported there, once, rather than again at every call.
            foreach (var contract in context.Model.Annotations.Get(SummaryProvider.Normalize(target)).Contracts)
            {
                if (contract.Kind == LockContractKind.Requires && contract.LockClass is { } required)
                {
                    foreach (var held in state.Held)
                    {
                        if (held.LockClass.IsSameOrDerivedFrom(required))
                        {
                            state = state.Without(held);
                        }
                    }
                }
            }

            var bound = context.Summaries.GetBound(target, context.Tree, context.CancellationToken);
            if (bound is not null && !MayReport(bound, state, receiver))
            {
                // Nothing the call may do would be reported here, so the callee's body need not be bound for its summary.
                // What remains are the order edges the call adds, which matter only if they close a cycle (LOCK008).
                RecordBoundedCall(target, receiver, KnownBoolArguments(arguments, state), state, callee, location, bound);
                return;
            }

            var summary = context.Summaries.GetSummary(target, context.Tree, context.CancellationToken);
            if (summary.Incomplete)
            {
                IncompleteBound ??= IncompleteAnalysisRule.SummaryBound;
            }

            CheckEffects(context, state, summary, receiver, KnownBoolArguments(arguments, state), callee, location);
        }

        /// <summary>The callee's effects, but those guarded by a <c>bool</c> parameter the call passes the other value for.</summary>
        private static void CheckEffects(FlowContext context, LockState state, MethodSummary summary, LockInstance receiver, ImmutableDictionary<int, bool> knownArguments, string callee, Location location)
        {
            foreach (var effect in summary.Effects)
            {
                if (effect.Guard is { } guard && knownArguments.TryGetValue(guard.Ordinal, out bool passed) && passed != guard.RunsWhen)
                {
                    continue;
                }

                CheckEffect(context, state, effect, receiver, callee, location);
            }
        }

        /// <summary>The values a call passes for <c>bool</c> parameters, where they are known: constants, and parameters the flow knows.</summary>
        private static ImmutableDictionary<int, bool> KnownBoolArguments(ImmutableArray<IArgumentOperation> arguments, LockState state)
        {
            var known = ImmutableDictionary<int, bool>.Empty;
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_Boolean, RefKind: RefKind.None } parameter && FlagOf(argument.Value, state) is { } value)
                {
                    known = known.SetItem(parameter.Ordinal, value);
                }
            }

            return known;
        }

        private static void CheckEffect(FlowContext context, LockState state, CalleeEffect effect, LockInstance receiver, string callee, Location location)
        {
            switch (effect.Kind)
            {
                case CalleeEffectKind.Fault:
                    UserMemoryRule.CheckFault(context, state, callee, effect.DescribeVia(), location);
                    break;
                case CalleeEffectKind.Wait:
                    WaitRule.Check(context, state, effect.Path.Length > 0 ? effect.Path[effect.Path.Length - 1] : callee, effect.DescribeVia(), location);
                    break;
                default:
                    if (effect.LockClass is not null)
                    {
                        var instance = effect.Instance.Rebase(receiver);
                        OrderRule.CheckBlockingAcquisition(context, state, effect.LockClass, instance, effect.Mode, effect.DescribeVia(), location);
                    }

                    break;
            }
        }

        /// <summary>Whether a call passes a delegate (or an array of them) as an argument.</summary>
        private static bool PassesDelegates(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && SynchronousInvokers.IsDelegateOrDelegates(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// LOCK014 at a blocking wait made under a lock: <c>Task.Wait()</c>, <c>.Result</c>, <c>Thread.Join()</c>, an event's
        /// <c>WaitOne()</c>, a <c>SemaphoreSlim</c> that is no lock, and <c>Monitor.Wait</c> on another lock than the innermost.
        /// </summary>
        private void CheckWait(IMethodSymbol target, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, ImmutableArray<LockAction> actions, LockState state, Location location)
        {
            var receiverType = LockCallClassifier.StripConversions(instance)?.Type;
            if (BlockingWaits.Describe(target, receiverType) is { } wait)
            {
                if (BlockingWaits.IsSynchronousCompletion(instance))
                {
                    return;
                }

                WaitRule.Check(context, state, wait, string.Empty, location);
                return;
            }

            if (target.ContainingType?.ContainingNamespace?.Name != "Threading")
            {
                return;
            }

            var call = BclLockCalls.Classify(target, receiverType);
            if (call.Kind == BclLockCallKind.MonitorWait && Argument(arguments, call.LockObject) is { } lockObject)
            {
                var lockClass = LockClassResolver.FromLockObject(lockObject, LockPrimitive.Monitor, context.Model.BclFacts, origins, context.CancellationToken);
                var lockInstance = LockInstance.From(LockCallClassifier.StripConversions(lockObject), origins);
                var waited = lockClass is null ? null : state.Find(lockClass, lockInstance) ?? FindByClass(state, lockClass);
                WaitRule.CheckMonitorWait(context, state, waited, "Monitor.Wait(" + lockObject.Syntax + ")", location);
            }
            else if (call is { Kind: BclLockCallKind.Acquire, Primitive: LockPrimitive.SemaphoreSlim } && actions.IsEmpty && target.Name == "Wait")
            {
                // A SemaphoreSlim that is no lock (its count is not one, or its creation is not in sight) is a wait.
                WaitRule.Check(context, state, "SemaphoreSlim.Wait", string.Empty, location);
            }
        }

        /// <summary>
        /// A delegate invoked under a lock runs its targets here: a lambda or method group the body can name, the handlers
        /// of an event the compilation subscribes; a delegate parameter of a method callers outside the compilation can call,
        /// an event they can subscribe to, or a delegate read from elsewhere is code the analysis cannot see (LOCK013).
        /// </summary>
        private void RunInvokedDelegate(IOperation? instance, LockState state, Location location)
        {
            if (DelegateTargets.ParameterOf(instance, origins) is { } parameter)
            {
                if (owner is not null && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, owner) && UnseenCodeRule.IsVisibleOutside(owner))
                {
                    UnseenCodeRule.Report(context, state, "The delegate parameter '" + parameter.Name + "'", UnseenCodeRule.DelegateParameter, location);
                }

                return;
            }

            var targets = DelegateTargets.Of(instance, origins, inSummary: false);
            foreach (var target in targets)
            {
                CheckTarget(state, ImmutableArray<string>.Empty, target, target.Describe(), location);
            }

            if (BodyEffectWalker.RaisedEvent(instance, origins) is { } raised)
            {
                var handlers = context.Summaries.Events.HandlersOf(raised, out bool many, context.CancellationToken);
                foreach (var handler in handlers)
                {
                    CheckTarget(state, ImmutableArray<string>.Empty, handler, "event " + raised.Name, location);
                }

                // With handlers in sight the analysis checks what raising runs; with none, whoever subscribes is unseen.
                if (handlers.IsEmpty && !many && UnseenCodeRule.IsVisibleOutside(raised))
                {
                    UnseenCodeRule.Report(context, state, "Raising event '" + raised.Name + "'", UnseenCodeRule.EventHandlers, location);
                }
            }
            else if (targets.IsEmpty)
            {
                UnseenCodeRule.Report(context, state, "The delegate '" + instance?.Syntax + "'", UnseenCodeRule.StoredDelegate, location);
            }
        }

        /// <summary>LOCK013 for a call of an abstract or interface member of the compilation that nothing in it implements.</summary>
        private void CheckUnseenImplementations(IMethodSymbol target, LockState state, Location location)
        {
            var normalized = SummaryProvider.Normalize(target);
            if (!normalized.IsAbstract || normalized.Locations.Length == 0 || !normalized.Locations[0].IsInSource)
            {
                return;
            }

            if (context.Summaries.Dispatch.TargetsOf(normalized, out bool polymorphic).IsEmpty && !polymorphic)
            {
                UnseenCodeRule.Report(context, state, "'" + MethodDisplayName.Of(normalized) + "'", UnseenCodeRule.NoImplementation, location);
            }
        }

        /// <summary>
        /// Delegates passed to a method that runs them before it returns (a method of the compilation whose summary says
        /// so, a BCL method such as <c>List&lt;T&gt;.ForEach</c>, a parameter marked <c>[InvokedSynchronously]</c>) run during
        /// the call, under the caller's locks and the ones the method holds where it runs them.
        /// </summary>
        private void RunDelegateArguments(IMethodSymbol target, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, LockState state, string callee, Location location)
        {
            var normalized = SummaryProvider.Normalize(target);
            MethodSummary? calleeSummary = null;
            var receiver = ReceiverInstance(instance);
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } parameter || !SynchronousInvokers.IsDelegateOrDelegates(parameter.Type) || parameter.Ordinal >= normalized.Parameters.Length)
                {
                    continue;
                }

                var invocation = SynchronousInvokers.RunsBeforeReturning(normalized, normalized.Parameters[parameter.Ordinal])
                    ? new ParameterInvocation(parameter.Ordinal, ImmutableArray<HeldAtInvocation>.Empty, ImmutableArray.Create(callee))
                    : (calleeSummary ??= context.Summaries.GetSummary(normalized, context.Tree, context.CancellationToken)).Invocation(parameter.Ordinal);
                if (invocation is null)
                {
                    continue;
                }

                var there = state;
                foreach (var held in invocation.Held)
                {
                    var heldInstance = held.Instance.Rebase(receiver);
                    if (!heldInstance.IsFresh || held.LockClass.IsLockOrderType)
                    {
                        there = there.Add(new HeldLock(held.LockClass, heldInstance, held.Mode, held.AcquiredAt, HeldLockOrigin.Acquired, isMaybe: false), out _);
                    }
                }

                if (!there.HasDefinitelyHeld)
                {
                    continue;
                }

                foreach (var value in BodyEffectWalker.DelegateValues(argument.Value))
                {
                    if (DelegateTargets.ParameterOf(value, origins) is not null)
                    {
                        // The body's own callback handed on: what it runs is its callers' business (its summary says so).
                        continue;
                    }

                    var targets = DelegateTargets.Of(value, origins, inSummary: false);
                    if (targets.IsEmpty)
                    {
                        UnseenCodeRule.Report(context, there, "The delegate '" + value.Syntax + "'", UnseenCodeRule.StoredDelegate, location);
                    }

                    foreach (var delegateTarget in targets)
                    {
                        CheckTarget(there, invocation.Path, delegateTarget, callee, location);
                    }
                }
            }
        }

        /// <summary>What a delegate's target may do, checked under <paramref name="state"/> at the call that runs it.</summary>
        private void CheckTarget(LockState state, ImmutableArray<string> path, DelegateTarget target, string callee, Location location)
        {
            var summary = context.Summaries.GetSummary(target.Method, context.Tree, context.CancellationToken);
            if (summary.Incomplete)
            {
                IncompleteBound ??= IncompleteAnalysisRule.SummaryBound;
            }

            foreach (var effect in summary.Effects)
            {
                CheckEffect(context, state, effect.ThroughCallback(path, target.Describe()), target.Receiver, callee, location);
            }
        }

        /// <summary>The value passed for the parameter at <paramref name="ordinal"/>.</summary>
        internal static IOperation? Argument(ImmutableArray<IArgumentOperation> arguments, int ordinal)
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

        /// <summary>Whether an effect within <paramref name="bound"/> could be reported under <paramref name="state"/> (the summary's effects are a subset).</summary>
        private bool MayReport(EffectBound bound, LockState state, LockInstance receiver)
        {
            foreach (var lockClass in bound.LockClasses)
            {
                var instance = bound.ThisRootedLockClasses.Contains(lockClass) ? InstanceOn(lockClass, receiver) : LockInstance.Unknown;
                if (OrderRule.WouldReport(context.Order, state, lockClass, instance))
                {
                    return true;
                }
            }

            return (bound.MayFault && UserMemoryRule.WouldReport(context.Order, state))
                || (bound.MayWait && state.HasDefinitelyHeld);
        }

        /// <summary>The object a this-rooted lock class (<see cref="EffectBound.ThisRootedLockClasses"/>) names at a call on <paramref name="receiver"/>.</summary>
        private static LockInstance InstanceOn(LockClass lockClass, LockInstance receiver) => lockClass.Kind switch
        {
            LockClassKind.This => receiver,
            LockClassKind.Member when lockClass.Member is IFieldSymbol field => LockInstance.OfMember(receiver, field),
            _ => LockInstance.Unknown,
        };

        /// <summary>Keeps the call for the inversion search, unless nothing definitely held could make an edge with it.</summary>
        private void RecordBoundedCall(IMethodSymbol target, LockInstance receiver, ImmutableDictionary<int, bool> knownArguments, LockState state, string callee, Location location, EffectBound bound)
        {
            if ((bound.LockClasses.Length > 0 || (bound.MayFault && context.Order.MmapLock is not null)) && state.HasDefinitelyHeld)
            {
                context.Sink.RecordBoundedCall(new BoundedCallUnderLock(context, target, receiver, knownArguments, state, callee, location, bound));
            }
        }

        /// <summary>
        /// A call settled by its bound: its possible edges are read off the held set and the bound; its exact ones come
        /// from the same checks as above, on the summary, into a sink of their own (nothing can be reported there, by
        /// <see cref="MayReport"/>).
        /// </summary>
        private sealed class BoundedCallUnderLock : BoundedCall
        {
            // Kept until compilation end: the body's own context (and its sink) is not.
            private readonly LockModel model;
            private readonly SummaryProvider summaries;
            private readonly SyntaxTree tree;
            private readonly IMethodSymbol target;
            private readonly LockInstance receiver;
            private readonly ImmutableDictionary<int, bool> knownArguments;
            private readonly LockState state;
            private readonly string callee;
            private readonly Location location;
            private readonly EffectBound bound;

            internal BoundedCallUnderLock(FlowContext context, IMethodSymbol target, LockInstance receiver, ImmutableDictionary<int, bool> knownArguments, LockState state, string callee, Location location, EffectBound bound)
            {
                model = context.Model;
                summaries = context.Summaries;
                tree = context.Tree;
                this.target = target;
                this.receiver = receiver;
                this.knownArguments = knownArguments;
                this.state = state;
                this.callee = callee;
                this.location = location;
                this.bound = bound;
            }

            internal override IEnumerable<ObservedEdge> PossibleEdges()
            {
                foreach (var held in state.Held)
                {
                    if (held.IsMaybe)
                    {
                        continue;
                    }

                    foreach (var lockClass in bound.LockClasses)
                    {
                        yield return new ObservedEdge(held.LockClass, lockClass, held.AcquiredAt, location, string.Empty);
                    }

                    if (bound.MayFault && model.Order.MmapLock is { } mmapLock)
                    {
                        yield return new ObservedEdge(held.LockClass, mmapLock, held.AcquiredAt, location, string.Empty);
                    }
                }
            }

            internal override IReadOnlyList<ObservedEdge> ExactEdges(CancellationToken cancellationToken)
            {
                var sink = new FindingSink();
                var exact = new FlowContext(model, summaries, tree, sink, cancellationToken);
                CheckEffects(exact, state, summaries.GetSummary(target, tree, cancellationToken), receiver, knownArguments, callee, location);
                return sink.Edges;
            }
        }

        private LockState Release(LockAction action, LockState state, Location location, bool report, out HeldLock? released)
        {
            released = action.Instance.IsKnown && !action.ClassOnly ? state.Find(action.LockClass, action.Instance) : null;
            released ??= FindByClass(state, action.LockClass);
            if (released is null)
            {
                if (report && IsReportableRelease(action))
                {
                    LockStateRule.ReleasedWhileNotHeld(context, action.LockClass, action.Instance, location);
                }

                return state;
            }

            // Releasing the caller's lock ([Requires]) is a drop: the body owes it back before it returns.
            return released.Origin is HeldLockOrigin.Required or HeldLockOrigin.Inherited && released.Depth == 1 ? state.Drop(released) : state.Remove(released);
        }

        /// <summary>
        /// Whether a release of a lock that is not held is worth a LOCK005. A LockOrder lock always is. A BCL lock is when
        /// this body takes locks of its class itself: a body that only releases one (a releaser's <c>Dispose</c>, a
        /// callback) works for a caller that holds it, which only a <c>[Releases]</c> contract could tell.
        /// </summary>
        private bool IsReportableRelease(LockAction action)
        {
            if (action.LockClass.IsLockOrderType)
            {
                return true;
            }

            if (classesTakenInBody is null)
            {
                classesTakenInBody = new HashSet<LockClass>();
                foreach (var operation in origins.Body?.DescendantsAndSelf() ?? System.Linq.Enumerable.Empty<IOperation>())
                {
                    var taken = operation switch
                    {
                        IInvocationOperation invocation when MayChangeHeldLocks(invocation.TargetMethod) => Classify(invocation),
                        ILockOperation lockStatement when LockCallClassifier.LockStatement(context.Model, lockStatement, origins, context.CancellationToken) is { } statement => ImmutableArray.Create(statement),
                        _ => ImmutableArray<LockAction>.Empty,
                    };

                    foreach (var takenAction in taken)
                    {
                        if (takenAction.Kind is LockActionKind.Acquire or LockActionKind.TryAcquire)
                        {
                            classesTakenInBody.Add(takenAction.LockClass);
                        }
                    }
                }
            }

            return classesTakenInBody.Contains(action.LockClass);
        }

        /// <summary>The most recently taken lock of <paramref name="lockClass"/> (or a class derived from it).</summary>
        private static HeldLock? FindByClass(LockState state, LockClass lockClass)
        {
            for (int i = state.Held.Length - 1; i >= 0; i--)
            {
                if (state.Held[i].LockClass.IsSameOrDerivedFrom(lockClass))
                {
                    return state.Held[i];
                }
            }

            return null;
        }

        private static bool IsScopeDisposal(IMethodSymbol target, IOperation? instance, LockState state, out HeldLock scope, out ValueKey key)
        {
            scope = null!;
            key = default;
            if (target.Name != "Dispose" || target.Parameters.Length != 0 || state.Scopes.IsEmpty)
            {
                return false;
            }

            switch (LockCallClassifier.StripConversions(instance))
            {
                case ILocalReferenceOperation local:
                    key = ValueKey.Of(local.Local);
                    break;
                case IFlowCaptureReferenceOperation capture:
                    key = ValueKey.Of(capture.Id);
                    break;
                default:
                    return false;
            }

            if (!state.Scopes.TryGetValue(key, out var found))
            {
                return false;
            }

            scope = found;
            return true;
        }

        private void NoteOverflow(bool overflow)
        {
            if (overflow)
            {
                // Past the bound the held set is missing locks: releases of them would look like errors. Report nothing but LOCK011.
                StoppedAtBound = true;
                IncompleteBound ??= IncompleteAnalysisRule.HeldLocksBound;
            }
        }

        /// <summary>At a return: what is still held must be released or promised by the method's own contract; what the contract promises must be held.</summary>
        internal void CheckReturn(LockState state, IOperation? returnedValue)
        {
            var returnLocation = ReturnLocation(returnedValue);
            bool? returnedBool = LockCallClassifier.StripConversions(returnedValue) is ILiteralOperation { ConstantValue: { HasValue: true, Value: bool literal } } ? literal : null;

            foreach (var held in state.Held)
            {
                if (held.IsMaybe || held.Origin is HeldLockOrigin.Required or HeldLockOrigin.Inherited)
                {
                    continue;
                }

                if (held.Origin == HeldLockOrigin.ToRelease)
                {
                    LockStateRule.ContractNotHonored(context, returnLocation, OwnerName, "[Releases(" + held.LockClass.ContractArguments(owner) + ", LockMode." + held.Mode + ")]", "returns with it still held on this path");
                    continue;
                }

                var promise = Promise(held.LockClass);
                if (promise is null)
                {
                    LockStateRule.HeldAtReturn(context, held, OwnerName, owner);
                }
                else if (promise.Kind == LockContractKind.TryAcquires && returnedBool == false)
                {
                    LockStateRule.ContractNotHonored(context, returnLocation, OwnerName, Describe(promise), "returns false here while holding '" + held.Describe() + "': a try-acquisition holds the lock exactly when it returns true");
                }
            }

            // A try-acquisition whose result lives in a local and was never tested (Monitor.TryEnter(o, t, ref taken)
            // with no 'if (taken) Monitor.Exit(o)') holds the lock on the path where it succeeded: a leak like any other.
            // The flag returned to the caller hands the question on instead.
            var returnedLocal = (LockCallClassifier.StripConversions(returnedValue) as ILocalReferenceOperation)?.Local;
            foreach (var pending in state.PendingTries)
            {
                if (pending.Key.Local is { } flag
                    && !SymbolEqualityComparer.Default.Equals(flag, returnedLocal)
                    && state.FindCounterpart(pending.Value) is not { IsMaybe: false }
                    && Promise(pending.Value.LockClass) is null)
                {
                    LockStateRule.HeldAtReturn(context, pending.Value, OwnerName, owner);
                }
            }

            foreach (var dropped in state.Dropped)
            {
                if (dropped.Origin == HeldLockOrigin.Inherited)
                {
                    LockStateRule.InheritedNotRetaken(context, returnLocation, OwnerName, dropped);
                }
                else
                {
                    LockStateRule.ContractNotHonored(context, returnLocation, OwnerName, "[Requires(" + dropped.LockClass.ContractArguments(owner) + ", LockMode." + dropped.Mode + ")]", "releases '" + dropped.Describe() + "', which its caller holds, and returns on this path without taking it again");
                }
            }

            foreach (var contract in ownerAnnotations.Contracts)
            {
                if (contract.LockClass is not { IsError: false } lockClass
                    || !(contract.Kind == LockContractKind.Acquires || (contract.Kind == LockContractKind.TryAcquires && returnedBool == true)))
                {
                    continue;
                }

                if (!HoldsAtLeast(state, lockClass, contract.Mode))
                {
                    LockStateRule.ContractNotHonored(context, returnLocation, OwnerName, Describe(contract), "returns without holding '" + lockClass.Display + "' (" + contract.Mode + ") on this path");
                }
            }
        }

        private static bool HoldsAtLeast(LockState state, LockClass lockClass, LockMode mode)
        {
            foreach (var held in state.Held)
            {
                if (held.LockClass.IsSameOrDerivedFrom(lockClass) && (held.IsMaybe || LockModes.Stronger(held.Mode, mode) == held.Mode))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The owner's <c>[Acquires]</c>/<c>[TryAcquires]</c> contract that lets it return holding <paramref name="lockClass"/>.</summary>
        private LockContract? Promise(LockClass lockClass)
        {
            LockContract? found = null;
            foreach (var contract in ownerAnnotations.Contracts)
            {
                if (contract.Kind is not (LockContractKind.Acquires or LockContractKind.TryAcquires))
                {
                    continue;
                }

                var promised = contract.LockClass ?? (owner?.ContainingType is { } containing ? LockClass.OfType(containing) : null);
                if (promised is not null && (lockClass.IsSameOrDerivedFrom(promised) || (contract.IsOnReceiver && promised.IsSameOrDerivedFrom(lockClass))))
                {
                    if (found is null || contract.Kind == LockContractKind.Acquires)
                    {
                        found = contract;
                    }
                }
            }

            return found;
        }

        private string Describe(LockContract contract)
        {
            string name = contract.Kind == LockContractKind.Acquires ? "Acquires" : "TryAcquires";
            return "[" + name + "(" + (contract.LockClass is null ? string.Empty : contract.LockClass.ContractArguments(owner) + ", ") + "LockMode." + contract.Mode + ")]";
        }

        private Location ReturnLocation(IOperation? returnedValue)
        {
            var syntax = returnedValue?.Syntax;
            if (syntax?.Parent is ReturnStatementSyntax or ArrowExpressionClauseSyntax)
            {
                return syntax.Parent.GetLocation();
            }

            return syntax?.GetLocation() ?? ownerLocation;
        }
    }
}
