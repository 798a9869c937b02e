using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Method summaries for one compilation, cached and safe under concurrent execution: what calling a method may
    /// do to the caller's locks — which lock classes it may wait for, whether it may touch user memory — computed
    /// from its body, transitively through everything it calls, recursion included.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Division of work with the flow analysis, so that nothing is reported twice: at a call the flow applies the
    /// callee's own contracts itself — <c>[Acquires]</c>, <c>[TryAcquires]</c> (with the order check for a blocking
    /// one), <c>[Releases]</c>, <c>[Requires]</c>, <c>[Excludes]</c>. A summary is everything else the call may do:
    /// the callee's <c>[MayAcquire]</c> and <c>[MightFault]</c>, and the effects of its body. The body's acquisitions
    /// of the lock classes the callee's own <c>[Acquires]</c>/blocking <c>[TryAcquires]</c> contracts name are left
    /// out: they are how the body honors the contract, and the flow already checks the order of that acquisition.
    /// One call further out they are effects again — a method that calls an <c>[Acquires(typeof(VmaLock))]</c> helper
    /// may wait for <c>VmaLock</c>, so its summary says so. A method declared as a non-blocking try-acquisition
    /// (<c>[TryAcquires]</c> without <c>Blocking</c>) is taken at its word: its body's acquisitions are no effect. A
    /// <c>[MightFault]</c> method is summarized by its fault: the locks of the fault path inside it (<c>MmapLock</c> and
    /// the classes ordered after it) are what the fault stands for, so they are not effects a second time.
    /// </para>
    /// <para>
    /// Followed: calls to methods, local functions, constructors, property and event accessors and user-defined
    /// operators and conversions whose bodies are in this compilation; a virtual or interface call also reaches every
    /// override and implementation the compilation has (<see cref="DispatchIndex"/>, DESIGN §14); a delegate the body
    /// runs (a lambda or method group in a local, an event's subscribed handlers) and a delegate it hands to a method that
    /// runs it before returning (one whose summary says so, or a BCL runner such as <c>List&lt;T&gt;.ForEach</c>) are
    /// followed as calls, and the delegate parameters a method runs are part of its summary, with the locks held there
    /// (<see cref="ParameterInvocation"/>). Not followed, annotations only: methods from metadata, extern members, members
    /// without a body and <c>[NoLockAnalysis]</c> members. Lambdas and local functions a body only creates are not run by
    /// it (deferred execution) and are not folded in. Try-acquisitions never block and are no effect.
    /// Following a body means binding it, so a callee is first offered to <see cref="SyntacticEffectScreen"/>: when
    /// its syntax proves that nothing it reaches can act, its facts are empty without binding. Before asking for a
    /// summary at all, the flow asks for <see cref="GetBound"/>: when the lock classes the callee may wait for at most
    /// could not be reported under what is held, the call needs no summary.
    /// </para>
    /// <para>
    /// Bounds (no input makes this unbounded): at most <see cref="BodyEffectWalker.MaxOperationsPerBody"/> operations
    /// per body, <see cref="MaxMethodsPerComputation"/> methods explored per request, <see cref="MaxFixpointIterations"/>
    /// rounds per group of mutually recursive methods, <see cref="CalleeEffect.MaxPathLength"/> steps per path.
    /// Past a bound the summary is marked <see cref="MethodSummary.Incomplete"/> and has fewer effects, never invented
    /// ones; a summary cut short by the per-request bound is not cached, so a later request can still complete it.
    /// </para>
    /// </remarks>
    internal sealed class SummaryProvider
    {
        internal const int MaxMethodsPerComputation = 4096;

        internal const int MaxFixpointIterations = 64;

        private static readonly BodyFacts NotAnalyzable = new BodyFacts(ImmutableArray<CalleeEffect>.Empty, ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<CallSite>.Empty, incomplete: false);

        private readonly LockModel model;
        private readonly AnalyzerOptions? options;
        private readonly SyntacticEffectScreen? screen;
        private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> summaries = new ConcurrentDictionary<IMethodSymbol, MethodSummary>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> annotationSummaries = new ConcurrentDictionary<IMethodSymbol, MethodSummary>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, BodyFacts> bodyFacts = new ConcurrentDictionary<IMethodSymbol, BodyFacts>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> semanticModels = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly ConcurrentDictionary<SyntaxTree, bool> enabledByTree = new ConcurrentDictionary<SyntaxTree, bool>();
        private readonly EventSubscriptions events;
        private readonly DispatchIndex dispatch;

        /// <param name="screenBySyntax">
        /// Whether a callee whose syntax proves it cannot wait for a lock or fault is summarized without binding its
        /// body (<see cref="SyntacticEffectScreen"/>); false only for the reference the screen is tested against.
        /// </param>
        internal SummaryProvider(LockModel model, AnalyzerOptions options, bool screenBySyntax = true)
        {
            this.model = model;
            this.options = options;
            events = new EventSubscriptions(model.Compilation);
            dispatch = new DispatchIndex(model.Compilation);
            screen = screenBySyntax ? new SyntacticEffectScreen(model, dispatch) : null;
        }

        /// <summary>
        /// The effects of calling <paramref name="callee"/> from code in <paramref name="callerTree"/> (whose
        /// .editorconfig may turn interprocedural analysis off: then only the callee's annotations count).
        /// </summary>
        internal MethodSummary GetSummary(IMethodSymbol callee, SyntaxTree callerTree, CancellationToken cancellationToken)
        {
            callee = Normalize(callee);
            return IsEnabled(callerTree) ? GetSummary(callee, cancellationToken) : GetAnnotationSummary(callee);
        }

        /// <summary>
        /// A bound on the effects of <see cref="GetSummary(IMethodSymbol, SyntaxTree, CancellationToken)"/>, read from
        /// syntax without binding any body (<see cref="SyntacticEffectScreen.Bound"/>). Null where the syntax does not
        /// bound them, and where the summary itself costs nothing: it is known already, or only annotations count.
        /// </summary>
        /// <remarks>
        /// Why: on code where every method takes locks, most calls under a lock reach callees that take later locks, so
        /// the screen's "no effect at all" fails and their bodies were bound — half of the analyzer's time, for
        /// summaries that in correct code report nothing. A bound that already shows nothing can be reported settles
        /// such a call without them.
        /// </remarks>
        internal EffectBound? GetBound(IMethodSymbol callee, SyntaxTree callerTree, CancellationToken cancellationToken)
        {
            callee = Normalize(callee);
            if (screen is null || !IsEnabled(callerTree) || summaries.ContainsKey(callee))
            {
                return null;
            }

            return screen.Bound(callee, cancellationToken);
        }

        private bool IsEnabled(SyntaxTree callerTree)
        {
            if (!enabledByTree.TryGetValue(callerTree, out bool enabled))
            {
                enabled = enabledByTree.GetOrAdd(callerTree, InterproceduralOption.IsEnabled(options, callerTree));
            }

            return enabled;
        }

        /// <summary>The effects of calling <paramref name="callee"/>, following its body when the compilation has it.</summary>
        internal MethodSummary GetSummary(IMethodSymbol callee, CancellationToken cancellationToken)
        {
            callee = Normalize(callee);
            if (summaries.TryGetValue(callee, out var known))
            {
                return known;
            }

            if (GetFacts(callee, cancellationToken) == NotAnalyzable)
            {
                return GetAnnotationSummary(callee);
            }

            return Compute(callee, cancellationToken);
        }

        /// <summary>The handlers the compilation subscribes to each event.</summary>
        internal EventSubscriptions Events => events;

        /// <summary>The overrides and implementations a virtual or interface call may reach.</summary>
        internal DispatchIndex Dispatch => dispatch;

        /// <summary>The member whose annotations and body a call to <paramref name="method"/> reaches.</summary>
        internal static IMethodSymbol Normalize(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            method = method.OriginalDefinition;
            return method.PartialImplementationPart ?? method;
        }

        /// <summary>What the annotations alone say a call may do: <c>[MightFault]</c> and <c>[MayAcquire]</c>.</summary>
        internal MethodSummary GetAnnotationSummary(IMethodSymbol callee)
        {
            callee = Normalize(callee);
            if (annotationSummaries.TryGetValue(callee, out var known))
            {
                return known;
            }

            var builder = new EffectSetBuilder();
            AddOwnEffects(builder, callee);
            var effects = builder.ToImmutable();
            return annotationSummaries.GetOrAdd(callee, effects.IsEmpty ? MethodSummary.Empty : new MethodSummary(effects, incomplete: false));
        }

        private void AddOwnEffects(EffectSetBuilder builder, IMethodSymbol method)
        {
            var annotations = model.Annotations.Get(method);
            if (annotations.IsEmpty)
            {
                return;
            }

            var name = ImmutableArray.Create(MethodDisplayName.Of(method));
            if (annotations.MightFault)
            {
                builder.Add(new CalleeEffect(CalleeEffectKind.Fault, null, LockMode.Shared, name));
            }

            foreach (var contract in annotations.Contracts)
            {
                if (contract.Kind == LockContractKind.MayAcquire && contract.LockClass is { IsError: false } lockClass)
                {
                    var instance = contract.NamedMember is { } member ? LockInstance.OfMember(LockInstance.This, member) : LockInstance.Unknown;
                    builder.Add(new CalleeEffect(CalleeEffectKind.Acquire, lockClass, contract.Mode, name, instance));
                }
            }
        }

        /// <summary>
        /// Summaries of <paramref name="root"/> and of every method it reaches that is not summarized yet: Tarjan's
        /// strongly connected components over the call graph (an explicit stack, so deep call chains cannot overflow
        /// the thread's stack), each component solved bottom-up by a bounded fixpoint.
        /// </summary>
        private MethodSummary Compute(IMethodSymbol root, CancellationToken cancellationToken)
        {
            var comparer = SymbolEqualityComparer.Default;
            var index = new Dictionary<IMethodSymbol, int>(comparer);
            var lowLink = new Dictionary<IMethodSymbol, int>(comparer);
            var onStack = new HashSet<IMethodSymbol>(comparer);
            var componentStack = new Stack<IMethodSymbol>();
            var frames = new Stack<Frame>();
            var solved = new Dictionary<IMethodSymbol, MethodSummary>(comparer);
            var cutShort = new HashSet<IMethodSymbol>(comparer);
            var tainted = new HashSet<IMethodSymbol>(comparer);

            Enter(root, GetFacts(root, cancellationToken));
            while (frames.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var frame = frames.Peek();
                if (frame.NextCallee < frame.Facts.Callees.Length)
                {
                    var callee = frame.Facts.Callees[frame.NextCallee++];
                    if (summaries.ContainsKey(callee) || solved.ContainsKey(callee))
                    {
                        continue;
                    }

                    if (index.TryGetValue(callee, out int calleeIndex))
                    {
                        if (onStack.Contains(callee) && calleeIndex < lowLink[frame.Method])
                        {
                            lowLink[frame.Method] = calleeIndex;
                        }

                        continue;
                    }

                    var facts = GetFacts(callee, cancellationToken);
                    if (facts == NotAnalyzable)
                    {
                        continue;
                    }

                    if (index.Count >= MaxMethodsPerComputation)
                    {
                        // Left unexplored: the caller's summary is incomplete, and (being an artifact of where this
                        // request started) is not cached.
                        cutShort.Add(frame.Method);
                        continue;
                    }

                    Enter(callee, facts);
                    continue;
                }

                frames.Pop();
                if (frames.Count > 0)
                {
                    var parent = frames.Peek().Method;
                    if (lowLink[frame.Method] < lowLink[parent])
                    {
                        lowLink[parent] = lowLink[frame.Method];
                    }
                }

                if (lowLink[frame.Method] == index[frame.Method])
                {
                    var component = new List<IMethodSymbol>();
                    IMethodSymbol member;
                    do
                    {
                        member = componentStack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (!comparer.Equals(member, frame.Method));

                    Solve(component, solved, cutShort, tainted, cancellationToken);
                }
            }

            // The root is the first method entered, so its component is the last one solved.
            return solved[root];

            void Enter(IMethodSymbol method, BodyFacts facts)
            {
                index[method] = lowLink[method] = index.Count;
                componentStack.Push(method);
                onStack.Add(method);
                frames.Push(new Frame(method, facts));
            }
        }

        /// <summary>
        /// Solves one group of mutually recursive methods (or a single method): every member starts from its own
        /// annotations and grows by its callees' effects until nothing changes. Effect sets only grow and each
        /// effect's representative only improves in a fixed total order, so the rounds converge; the cap is a guard.
        /// </summary>
        private void Solve(List<IMethodSymbol> component, Dictionary<IMethodSymbol, MethodSummary> solved, HashSet<IMethodSymbol> cutShort, HashSet<IMethodSymbol> tainted, CancellationToken cancellationToken)
        {
            var comparer = SymbolEqualityComparer.Default;
            var current = new Dictionary<IMethodSymbol, MethodSummary>(comparer);
            bool isTainted = false;
            foreach (var member in component)
            {
                current[member] = GetAnnotationSummary(member);
                isTainted |= cutShort.Contains(member);
                foreach (var callee in GetFacts(member, cancellationToken).Callees)
                {
                    isTainted |= tainted.Contains(callee);
                }
            }

            bool converged = false;
            for (int round = 0; round < MaxFixpointIterations && !converged; round++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                converged = true;
                foreach (var member in component)
                {
                    var next = Compose(member, cutShort.Contains(member), Lookup, cancellationToken);
                    if (!next.IsSameAs(current[member]))
                    {
                        current[member] = next;
                        converged = false;
                    }
                }
            }

            foreach (var member in component)
            {
                var summary = current[member];
                if (!converged && !summary.Incomplete)
                {
                    summary = new MethodSummary(summary.Effects, incomplete: true);
                }

                solved[member] = summary;
                if (isTainted)
                {
                    tainted.Add(member);
                }
                else
                {
                    summaries.TryAdd(member, summary);
                }
            }

            MethodSummary? Lookup(IMethodSymbol callee)
            {
                if (current.TryGetValue(callee, out var inComponent) || solved.TryGetValue(callee, out inComponent) || summaries.TryGetValue(callee, out inComponent))
                {
                    return inComponent;
                }

                return GetFacts(callee, cancellationToken) == NotAnalyzable ? GetAnnotationSummary(callee) : null;
            }
        }

        private MethodSummary Compose(IMethodSymbol method, bool cutShort, System.Func<IMethodSymbol, MethodSummary?> lookup, CancellationToken cancellationToken)
        {
            var facts = GetFacts(method, cancellationToken);
            var builder = new EffectSetBuilder();
            bool incomplete = facts.Incomplete || cutShort;
            AddOwnEffects(builder, method);

            var contractClasses = ContractClasses(method);
            bool declaredNonBlocking = IsDeclaredNonBlocking(method);
            bool declaredFault = model.Annotations.Get(method).MightFault;
            var name = MethodDisplayName.Of(method);
            foreach (var effect in facts.OwnAcquisitions)
            {
                if (!declaredNonBlocking && !IsContractAcquisition(effect, contractClasses) && !(declaredFault && IsFaultPath(effect)))
                {
                    builder.Add(effect.CalledFrom(name, LockInstance.This));
                }
            }

            foreach (var site in facts.CallSites)
            {
                var summary = lookup(site.Callee);
                if (summary is null)
                {
                    incomplete = true;
                    continue;
                }

                incomplete |= summary.Incomplete;
                foreach (var effect in summary.Effects)
                {
                    if (effect.Kind == CalleeEffectKind.Fault || (!declaredNonBlocking && !IsContractAcquisition(effect, contractClasses) && !(declaredFault && IsFaultPath(effect))))
                    {
                        if (!site.TryGuardInCaller(effect.Guard, out var guard))
                        {
                            // The call passes the value that rules the effect out (`lockHeld: true`).
                            continue;
                        }

                        var seen = effect.CalledFrom(name, site.Receiver).WithGuard(guard);
                        if (!seen.Instance.IsFresh || seen.LockClass is null || seen.LockClass.IsLockOrderType)
                        {
                            // A lock of an object this body created cannot be contended by the callers: no effect for them.
                            builder.Add(seen);
                        }
                    }
                }
            }

            // Delegates the body passes to methods that run them before returning: their effects happen during this body.
            foreach (var argument in facts.DelegateArguments)
            {
                if (!RunsParameter(argument.Callee, argument.Ordinal, lookup))
                {
                    continue;
                }

                var summary = lookup(argument.Target.Method);
                if (summary is null)
                {
                    incomplete = true;
                    continue;
                }

                incomplete |= summary.Incomplete;
                foreach (var effect in summary.Effects)
                {
                    builder.Add(effect.CalledFrom(name, argument.Target.Receiver).WithGuard(null));
                }
            }

            var invocations = new ParameterInvocationsBuilder();
            foreach (var (ordinal, held) in facts.ParameterInvocations)
            {
                invocations.Add(ordinal, held, ImmutableArray.Create(name));
            }

            foreach (var handOff in facts.HandOffs)
            {
                if (handOff.Callee.Parameters.Length > handOff.CalleeOrdinal && SynchronousInvokers.RunsBeforeReturning(handOff.Callee, handOff.Callee.Parameters[handOff.CalleeOrdinal]))
                {
                    invocations.Add(handOff.OwnOrdinal, handOff.Held, ImmutableArray.Create(name, MethodDisplayName.Of(handOff.Callee)));
                }
                else if (lookup(handOff.Callee)?.Invocation(handOff.CalleeOrdinal) is { } inner)
                {
                    invocations.Add(handOff.OwnOrdinal, handOff.Held.AddRange(inner.Held.Select(h => h.Rebase(handOff.Receiver))), inner.Path.Insert(0, name));
                }
            }

            var effects = builder.ToImmutable();
            var invoked = invocations.ToImmutable();
            return effects.IsEmpty && invoked.IsEmpty && !incomplete ? MethodSummary.Empty : new MethodSummary(effects, invoked, incomplete);
        }

        /// <summary>Whether <paramref name="callee"/> runs the delegate passed for parameter <paramref name="ordinal"/> before it returns.</summary>
        private static bool RunsParameter(IMethodSymbol callee, int ordinal, System.Func<IMethodSymbol, MethodSummary?> lookup) =>
            ordinal < callee.Parameters.Length
            && (SynchronousInvokers.RunsBeforeReturning(callee, callee.Parameters[ordinal]) || lookup(callee)?.Invocation(ordinal) is not null);

        /// <summary>The lock classes <paramref name="method"/> itself promises to acquire (the flow checks those at the call).</summary>
        private List<LockClass> ContractClasses(IMethodSymbol method)
        {
            var classes = new List<LockClass>();
            var annotations = model.Annotations.Get(method);
            foreach (var contract in annotations.Contracts)
            {
                if (BodyEffectWalker.IsBlockingAcquisition(contract, annotations))
                {
                    if (contract.LockClass is { } named)
                    {
                        classes.Add(named);
                        continue;
                    }

                    for (ITypeSymbol? lockType = method.ContainingType; lockType is not null; lockType = lockType.BaseType)
                    {
                        // A receiver contract on a derived lock class is honored by calling the base class's Enter.
                        classes.Add(LockClass.OfType(lockType));
                    }
                }
            }

            return classes;
        }

        /// <summary>
        /// Whether <paramref name="method"/> declares itself a try-acquisition (<c>[TryAcquires]</c> without
        /// <c>Blocking</c>). Such a method is taken at its word — calling it never waits — so its body's acquisitions
        /// are not effects of the call. The typical case is a zap loop with a try-only flag (the multi-device hot reset
        /// calls it in try mode while holding another device's locks): a flow-insensitive summary of its body would
        /// see the blocking branch too. Faults still count: a try-acquisition does not make user memory safe.
        /// </summary>
        private bool IsDeclaredNonBlocking(IMethodSymbol method)
        {
            foreach (var contract in model.Annotations.Get(method).Contracts)
            {
                if (contract.Kind == LockContractKind.TryAcquires && !contract.Blocking)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether an acquisition inside a <c>[MightFault]</c> method is part of the page fault that the annotation
        /// already declares: <c>MmapLock</c> itself, or a lock ordered after it (what a fault handler takes). The call is
        /// reported once, as user memory touched under the held lock (LOCK002/LOCK003, or LOCK004 under
        /// <c>MmapLock</c>), instead of once more for each lock on the fault path. Acquisitions of other classes
        /// remain effects of the call.
        /// </summary>
        private bool IsFaultPath(CalleeEffect effect)
        {
            if (effect.Kind != CalleeEffectKind.Acquire || effect.LockClass is null)
            {
                return false;
            }

            var order = model.Order;
            return effect.LockClass.Equals(order.MmapLock) || order.IsOrderedAfterMmapLock(effect.LockClass);
        }

        private static bool IsContractAcquisition(CalleeEffect effect, List<LockClass> contractClasses)
        {
            if (effect.Kind != CalleeEffectKind.Acquire || contractClasses.Count == 0)
            {
                return false;
            }

            foreach (var lockClass in contractClasses)
            {
                if (lockClass.Equals(effect.LockClass))
                {
                    return true;
                }
            }

            return false;
        }

        private BodyFacts GetFacts(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (bodyFacts.TryGetValue(method, out var known))
            {
                return known;
            }

            var declarations = BodySyntax.Of(method, model, cancellationToken);
            var overrides = dispatch.TargetsOf(method, out _);
            BodyFacts facts;
            if (declarations.Count == 0)
            {
                facts = NotAnalyzable;
            }
            else if (screen is not null && screen.IsProvablyEffectFree(method, cancellationToken))
            {
                // Nothing the body (or an override it may dispatch to) can reach waits for a lock or faults: its summary
                // is empty, and binding it would only have confirmed that.
                facts = BodyFacts.None;
                overrides = ImmutableArray<IMethodSymbol>.Empty;
            }
            else
            {
                var body = FindBody(declarations, cancellationToken);
                facts = body is null ? NotAnalyzable : BodyEffectWalker.Walk(body, method, model, events, cancellationToken);
            }

            if (!overrides.IsEmpty)
            {
                facts = WithOverrides(facts == NotAnalyzable ? BodyFacts.None : facts, overrides);
            }

            return bodyFacts.GetOrAdd(method, facts);
        }

        /// <summary>A virtual or interface member's facts, with each override in sight called on the same object.</summary>
        private static BodyFacts WithOverrides(BodyFacts facts, ImmutableArray<IMethodSymbol> overrides)
        {
            var callees = facts.Callees.AddRange(overrides);
            var callSites = facts.CallSites;
            foreach (var target in overrides)
            {
                // The override gets the very arguments the member was called with.
                var passedOn = ImmutableArray.CreateBuilder<BoolArgument>();
                foreach (var parameter in target.Parameters)
                {
                    if (parameter is { Type.SpecialType: SpecialType.System_Boolean, RefKind: RefKind.None })
                    {
                        passedOn.Add(new BoolArgument(parameter.Ordinal, null, parameter.Ordinal));
                    }
                }

                callSites = callSites.Add(new CallSite(target, LockInstance.This, guard: null, passedOn.ToImmutable()));
            }

            return new BodyFacts(facts.OwnAcquisitions, callees, callSites, facts.DelegateArguments, facts.ParameterInvocations, facts.HandOffs, facts.Incomplete);
        }

        private IOperation? FindBody(List<SyntaxNode> declarations, CancellationToken cancellationToken)
        {
            foreach (var node in declarations)
            {
                var operation = GetSemanticModel(node.SyntaxTree).GetOperation(node, cancellationToken);
                if (operation is not null)
                {
                    return operation;
                }
            }

            return null;
        }

        private SemanticModel GetSemanticModel(SyntaxTree tree)
        {
            if (semanticModels.TryGetValue(tree, out var known))
            {
                return known;
            }

#pragma warning disable RS1030 // Interprocedural analysis must see callee bodies, which live in trees other than the one being analyzed; the models are cached per compilation.
            var semanticModel = model.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            return semanticModels.GetOrAdd(tree, semanticModel);
        }

        private sealed class Frame
        {
            internal Frame(IMethodSymbol method, BodyFacts facts)
            {
                Method = method;
                Facts = facts;
            }

            internal IMethodSymbol Method { get; }

            internal BodyFacts Facts { get; }

            internal int NextCallee { get; set; }
        }
    }
}
