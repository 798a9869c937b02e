using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Proves from syntax and declarations alone that calling a method can neither wait for a lock nor touch user
    /// memory, so its summary is known to be empty without binding its body; and, where it may, bounds which lock
    /// classes it may wait for (<see cref="Bound"/>).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Why: a summary binds the body of every method reachable from a call made under a lock, and binding a body
    /// costs about what the compiler pays for it. In ordinary code nearly all of those bodies turn out to do nothing
    /// a held lock cares about (100k generated lines of ordinary code: 122 bodies bound, every one with an empty
    /// summary), so that binding was most of what the analyzer cost there.
    /// </para>
    /// <para>
    /// How: the proof explores an over-approximation of the call graph, <see cref="SyntacticCallSites"/> (a name
    /// stands for every member it could bind to), and succeeds only if no member it reaches may act by its own
    /// annotations — <c>[MightFault]</c>, <c>[MayAcquire]</c>, a blocking <c>[Acquires]</c> or
    /// <c>[TryAcquires(Blocking = true)]</c>. Every effect a bound summary can hold comes from such a member on a
    /// path of calls the bound walk follows, and every such call is an edge here, so a proof implies an empty,
    /// complete summary. Whatever the screen does not read, and any proof larger than
    /// <see cref="MaxMethodsPerProof"/> methods, fails, and the callee is bound as before: the screen can cost a
    /// summary nothing but the reading.
    /// </para>
    /// </remarks>
    internal sealed class SyntacticEffectScreen
    {
        /// <summary>Members one proof may visit; past it the proof fails and the callee's body is bound.</summary>
        internal const int MaxMethodsPerProof = 4096;

        private readonly LockModel model;
        private readonly DispatchIndex dispatch;
        private readonly Lazy<CompilationNameIndex> index;
        private readonly Lazy<bool> operatorsMayAct;
        private readonly ConcurrentDictionary<IMethodSymbol, bool> proofs = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, SyntacticCallees?> callSites = new ConcurrentDictionary<IMethodSymbol, SyntacticCallees?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, EffectBound?> bounds = new ConcurrentDictionary<IMethodSymbol, EffectBound?>(SymbolEqualityComparer.Default);
        private readonly Func<IMethodSymbol, bool> waitsOnReceiver;
        private HashSet<IMethodSymbol>? spareVisited;

        internal SyntacticEffectScreen(LockModel model)
            : this(model, new DispatchIndex(model.Compilation))
        {
        }

        internal SyntacticEffectScreen(LockModel model, DispatchIndex dispatch)
        {
            this.model = model;
            this.dispatch = dispatch;
            waitsOnReceiver = method => WaitsOnReceiver(method, model.Annotations);
            index = new Lazy<CompilationNameIndex>(() => { var sw = System.Diagnostics.Stopwatch.StartNew(); var r = CompilationNameIndex.Build(model, CancellationToken.None); 
 return r; }, LazyThreadSafetyMode.ExecutionAndPublication);

            // Any body may call a user-defined conversion without naming it, so the operators are proved once, together.
            operatorsMayAct = new Lazy<bool>(
                () => index.Value.ImplicitCallsMayAct || (!index.Value.Operators.IsEmpty && !Prove(index.Value.Operators, CancellationToken.None)),
                LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>
        /// Whether the annotations of <paramref name="method"/> alone make a call to it an effect: it may fault, or it
        /// may wait for a lock.
        /// </summary>
        internal static bool MayActByItself(IMethodSymbol method, AnnotationReader annotations)
        {
            var own = annotations.Get(method);
            if (own.MightFault)
            {
                return true;
            }

            foreach (var contract in own.Contracts)
            {
                // [Acquires], [MayAcquire] and [TryAcquires(Blocking = true)]: the contracts that may wait.
                if (contract.Blocking)
                {
                    return true;
                }
            }

            // A BCL lock method (DESIGN §11) may wait for its lock; a blocking wait (LOCK014) is an effect too.
            return (method.ContainingType?.ContainingNamespace?.Name == "Threading" && BclLockCalls.MayWait(method))
                || BlockingWaits.Describe(method, method.ContainingType, throughCalls: true) is not null;
        }

        /// <summary>Whether a call of <paramref name="method"/> may wait for the lock it is called on (<c>Lock()</c>, <c>Read()</c>, … of a lock type).</summary>
        internal static bool WaitsOnReceiver(IMethodSymbol method, AnnotationReader annotations)
        {
            foreach (var contract in annotations.Get(method).Contracts)
            {
                if (contract.Blocking && contract.IsOnReceiver)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True only if no call <paramref name="method"/> can make, however indirect, may wait for a lock or fault.</summary>
        internal bool IsProvablyEffectFree(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (proofs.TryGetValue(method, out bool known))
            {
                return known;
            }

            if (operatorsMayAct.Value)
            {
                return false;
            }

            return Prove(ImmutableArray.Create(method), cancellationToken);
        }

        /// <summary>
        /// Explores everything <paramref name="roots"/> may call, depth first. When nothing reached may act, every member
        /// visited is proved effect-free (what it reaches was visited too). When something may act, so may every member
        /// on the path of calls that led to it: they are remembered as unprovable, so a long call chain is explored
        /// once, not once per caller. A proof stopped by the bound says nothing about the members it passed.
        /// </summary>
        private bool Prove(ImmutableArray<IMethodSymbol> roots, CancellationToken cancellationToken)
        {
            // A proof's visited set can grow to thousands of members (up to MaxMethodsPerProof), one proof per summary
            // request; reusing the last one spares growing (and collecting) those tables again for every request.
            var visited = Interlocked.Exchange(ref spareVisited, null) ?? new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var path = new Stack<Frame>();
            try
            {
                return Prove(roots, visited, path, cancellationToken);
            }
            finally
            {
                visited.Clear();
                spareVisited = visited;
            }
        }

        private bool Prove(ImmutableArray<IMethodSymbol> roots, HashSet<IMethodSymbol> visited, Stack<Frame> path, CancellationToken cancellationToken)
        {
            foreach (var root in roots)
            {
                if (!visited.Add(root))
                {
                    continue;
                }

                var outcome = Visit(root, path, cancellationToken);
                while (outcome == Outcome.Explored && path.Count > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var frame = path.Peek();
                    if (frame.Next == frame.Callees.Length)
                    {
                        path.Pop();
                        continue;
                    }

                    var callee = frame.Callees[frame.Next++];
                    if (!visited.Add(callee))
                    {
                        continue;
                    }

                    if (visited.Count > MaxMethodsPerProof)
                    {
                        if (roots.Length == 1)
                        {
                            proofs.TryAdd(roots[0], false);
                        }

                        return false;
                    }

                    outcome = Visit(callee, path, cancellationToken);
                }

                if (outcome == Outcome.MayAct)
                {
                    foreach (var frame in path)
                    {
                        proofs.TryAdd(frame.Method, false);
                    }

                    proofs.TryAdd(root, false);
                    return false;
                }
            }

            foreach (var member in visited)
            {
                proofs.TryAdd(member, true);
            }

            return true;
        }

        /// <summary>Checks one member; if its body has to be explored, pushes it onto <paramref name="path"/>.</summary>
        private Outcome Visit(IMethodSymbol method, Stack<Frame> path, CancellationToken cancellationToken)
        {
            if (proofs.TryGetValue(method, out bool known))
            {
                return known ? Outcome.Explored : Outcome.MayAct;
            }

            if (MayActByItself(method, model.Annotations))
            {
                return Outcome.MayAct;
            }

            var callees = CallSitesOf(method, cancellationToken);
            if (callees is null || callees.TakesLockDirectly || !callees.LockClasses.IsEmpty)
            {
                return Outcome.MayAct;
            }

            if (!callees.Methods.IsEmpty)
            {
                path.Push(new Frame(method, callees.Methods));
            }

            return Outcome.Explored;
        }

        /// <summary>
        /// A bound on every effect a call of <paramref name="method"/> may have, from syntax and declarations alone:
        /// the lock classes that anything it reaches may wait for, and whether anything may fault. Null when the
        /// syntax does not bound it — a body it does not read, a call of a lock's <c>Lock()</c> on a receiver whose
        /// type it does not read — or when the bound summary could stop at one of its own bounds, which the bound
        /// cannot tell apart from "no effect": more than <see cref="MaxMethodsPerProof"/> members reached (the summary's
        /// per-request bound is as large), or a group of mutually recursive members as large as the summary's fixpoint
        /// rounds.
        /// </summary>
        /// <remarks>
        /// Every effect of a bound summary comes from a member reached through calls the bound walk follows — its
        /// <c>[MightFault]</c>, its <c>[MayAcquire]</c>, or the blocking contract of a member it calls, of the class the
        /// contract names or of the call's receiver — and each such call is an edge of the syntactic call graph, whose
        /// receiver types the syntax gives exactly where it gives them at all.
        /// </remarks>
        internal EffectBound? Bound(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (bounds.TryGetValue(method, out var known))
            {
                return known;
            }

            var bound = operatorsMayAct.Value ? null : ComputeBound(method, cancellationToken);
            return bounds.GetOrAdd(method, bound);
        }

        /// <summary>Explores what <paramref name="root"/> reaches (Tarjan's components, to see the recursive groups), collecting effects.</summary>
        private EffectBound? ComputeBound(IMethodSymbol root, CancellationToken cancellationToken)
        {
            var comparer = SymbolEqualityComparer.Default;
            var order = new Dictionary<IMethodSymbol, int>(comparer);
            var lowLink = new Dictionary<IMethodSymbol, int>(comparer);
            var onStack = new HashSet<IMethodSymbol>(comparer);
            var componentStack = new Stack<IMethodSymbol>();
            var frames = new Stack<Frame>();
            var lockClasses = new HashSet<LockClass>();
            bool mayFault = false;
            bool mayWait = false;

            if (!Enter(root))
            {
                return null;
            }

            while (frames.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var frame = frames.Peek();
                if (frame.Next < frame.Callees.Length)
                {
                    var callee = frame.Callees[frame.Next++];
                    if (order.TryGetValue(callee, out int calleeOrder))
                    {
                        if (onStack.Contains(callee) && calleeOrder < lowLink[frame.Method])
                        {
                            lowLink[frame.Method] = calleeOrder;
                        }
                    }
                    else if (order.Count >= MaxMethodsPerProof || !Enter(callee))
                    {
                        return null;
                    }

                    continue;
                }

                frames.Pop();
                if (frames.Count > 0 && lowLink[frame.Method] < lowLink[frames.Peek().Method])
                {
                    lowLink[frames.Peek().Method] = lowLink[frame.Method];
                }

                if (lowLink[frame.Method] == order[frame.Method])
                {
                    int size = 0;
                    IMethodSymbol member;
                    do
                    {
                        member = componentStack.Pop();
                        onStack.Remove(member);
                        size++;
                    }
                    while (!comparer.Equals(member, frame.Method));

                    if (size >= SummaryProvider.MaxFixpointIterations)
                    {
                        return null;
                    }
                }
            }

            return new EffectBound(lockClasses.ToImmutableArray(), mayFault, mayWait, ThisRootedClasses(root, lockClasses, cancellationToken));

            bool Enter(IMethodSymbol method)
            {
                var callees = CallSitesOf(method, cancellationToken);
                if (callees is null || callees.ReceiverLockUnread || callees.TakesLockDirectly)
                {
                    return false;
                }

                var own = model.Annotations.Get(method);
                mayFault |= own.MightFault;
                mayWait |= BlockingWaits.Describe(method, method.ContainingType, throughCalls: true) is not null;
                foreach (var contract in own.Contracts)
                {
                    if (contract.Blocking && contract.LockClass is { } lockClass)
                    {
                        lockClasses.Add(lockClass);
                    }
                }

                foreach (var lockClass in callees.LockClasses)
                {
                    lockClasses.Add(lockClass);
                }

                order[method] = lowLink[method] = order.Count;
                componentStack.Push(method);
                onStack.Add(method);
                frames.Push(new Frame(method, callees.Methods));
                return true;
            }
        }

        /// <summary>
        /// The classes of <paramref name="all"/> that every acquisition <paramref name="root"/> reaches takes on an object
        /// the class alone names, given the object the call is made on: acquisitions that are this-rooted in their body
        /// (<see cref="SyntacticCallees.ThisRootedLockClasses"/>), reached only through calls on the same object.
        /// </summary>
        /// <remarks>
        /// Why: a call under a lock whose callee takes that very lock again is the common case of helpers (a public method
        /// locks <c>_sync</c> and calls a private one that locks it too). The class alone cannot tell a re-entry, which is
        /// fine for a monitor, from another instance; this tells it without binding the callee.
        /// </remarks>
        private ImmutableHashSet<LockClass> ThisRootedClasses(IMethodSymbol root, HashSet<LockClass> all, CancellationToken cancellationToken)
        {
            var comparer = SymbolEqualityComparer.Default;
            var onThis = new HashSet<IMethodSymbol>(comparer) { root };
            var elsewhere = new HashSet<IMethodSymbol>(comparer);
            var pending = new Stack<(IMethodSymbol Method, bool OnThis)>();
            pending.Push((root, true));
            var foreign = new HashSet<LockClass>();
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (method, isOnThis) = pending.Pop();
                if (CallSitesOf(method, cancellationToken) is not { } callees)
                {
                    // Not read (the bound walk that succeeded read every member it reached; this is a guard).
                    return ImmutableHashSet<LockClass>.Empty;
                }

                foreach (var lockClass in callees.LockClasses)
                {
                    if (!isOnThis || !callees.ThisRootedLockClasses.Contains(lockClass))
                    {
                        foreign.Add(lockClass);
                    }
                }

                foreach (var callee in callees.Methods)
                {
                    bool calleeOnThis = isOnThis && callees.CalledOnThisOnly.Contains(callee);
                    if (calleeOnThis ? !elsewhere.Contains(callee) && onThis.Add(callee) : elsewhere.Add(callee))
                    {
                        pending.Push((callee, calleeOnThis));
                    }
                }
            }

            var rooted = ImmutableHashSet.CreateBuilder<LockClass>();
            foreach (var lockClass in all)
            {
                if (!foreign.Contains(lockClass))
                {
                    rooted.Add(lockClass);
                }
            }

            return rooted.ToImmutable();
        }

        /// <summary>
        /// What <paramref name="method"/>'s body could call, read once; none for a member a summary does not follow
        /// (its annotations are all it does), null when its syntax does not say.
        /// </summary>
        private SyntacticCallees? CallSitesOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (callSites.TryGetValue(method, out var known))
            {
                return known;
            }

            var declarations = BodySyntax.Of(method, model, cancellationToken);
            var callees = declarations.Count == 0 ? SyntacticCallees.None : SyntacticCallSites.Of(method, declarations, index.Value, model.BclFacts, waitsOnReceiver, cancellationToken);
            var overrides = dispatch.TargetsOf(method, out _);
            if (callees is not null && !overrides.IsEmpty)
            {
                // A call of a virtual or interface member runs the override in sight: it is a callee too.
                callees = callees.WithMoreMethods(overrides);
            }

            return callSites.GetOrAdd(method, callees);
        }

        private enum Outcome
        {
            /// <summary>Nothing found that may act (yet): exploration goes on.</summary>
            Explored,

            /// <summary>The member may act, or its syntax does not say: so may everything on the path to it.</summary>
            MayAct,
        }

        private sealed class Frame
        {
            internal Frame(IMethodSymbol method, ImmutableArray<IMethodSymbol> callees)
            {
                Method = method;
                Callees = callees;
            }

            internal IMethodSymbol Method { get; }

            internal ImmutableArray<IMethodSymbol> Callees { get; }

            internal int Next { get; set; }
        }
    }
}
