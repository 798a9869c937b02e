using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace LockOrder
{
    /// <summary>
    /// Lockdep for .NET: when enabled, every acquisition through the LockOrder lock types is checked before it
    /// blocks, and a possible deadlock throws <see cref="LockOrderViolationException"/>. Off by default; turned on by
    /// <see cref="Enable"/> or by the environment variable <c>LOCKORDER_VALIDATE=1</c> at start-up.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A blocking acquisition (including a killable one) of class X while the thread holds locks H1..Hn is checked,
    /// in this order, for: <see cref="LockViolationKind.Recursive"/> (some Hi is of class X),
    /// <see cref="LockViolationKind.DeclaredOrder"/> (X is declared before some Hi), and
    /// <see cref="LockViolationKind.Inversion"/> (the orders observed so far on any thread, with the declared order,
    /// already lead from X to some Hi, so Hi → X would close a cycle). If it passes, the orders Hi → X are
    /// remembered with where they were first seen. Try-acquisitions cannot block: they are never checked and add no
    /// order, but the lock they take is held, so what is taken after it is checked against it.
    /// </para>
    /// <para>Memory is bounded: one remembered order per pair of lock classes, and each thread's held locks.</para>
    /// </remarks>
    public static class LockValidator
    {
        /// <summary>The environment variable that turns validation on at start-up when set to <c>1</c>.</summary>
        public const string EnvironmentVariable = "LOCKORDER_VALIDATE";

        // Read by every acquisition and release: with validation off this is the whole cost, one predictable branch.
        internal static bool s_enabled = IsRequestedByEnvironment();

        private static readonly object s_gate = new object();
        private static readonly LockOrderGraph s_graph = new LockOrderGraph(new DeclaredLockOrder());

        // Bumped by Reset and by turning validation on: per-thread held stacks from an older epoch are stale.
        private static int s_epoch;

        /// <summary>Whether validation is on.</summary>
        public static bool IsEnabled => Volatile.Read(ref s_enabled);

        /// <summary>Turns validation on for every thread. Locks already held when it is turned on are not known to it.</summary>
        public static void Enable()
        {
            if (!Volatile.Read(ref s_enabled))
            {
                Interlocked.Increment(ref s_epoch);
                Volatile.Write(ref s_enabled, true);
            }
        }

        /// <summary>Turns validation off. The orders observed so far are kept until <see cref="Reset"/>.</summary>
        public static void Disable() => Volatile.Write(ref s_enabled, false);

        /// <summary>Forgets every lock order observed so far, and what each thread was seen to hold.</summary>
        public static void Reset()
        {
            lock (s_gate)
            {
                s_graph.Clear();
                Interlocked.Increment(ref s_epoch);
            }
        }

        /// <summary>Call at the top of any method that touches user memory: it may page-fault and so take <see cref="MmapLock"/> for read.</summary>
        /// <exception cref="LockOrderViolationException">Validation is on and the thread holds a lock ordered after <see cref="MmapLock"/> (declared or observed), or holds an <see cref="MmapLock"/> for write.</exception>
        [MightFault]
        public static void MightFault()
        {
            if (!s_enabled)
            {
                return;
            }

            var stack = HeldLockStack.ForCurrentThread(Volatile.Read(ref s_epoch));
            var held = stack.Held;
            if (held.Count == 0)
            {
                return;
            }

            var where = LockReport.Capture();
            var mmap = typeof(MmapLock);
            lock (s_gate)
            {
                var involved = new List<(HeldLock Held, List<OrderEdge> Chain)>();
                foreach (var lockHeld in held)
                {
                    if (lockHeld.Class == mmap)
                    {
                        if (lockHeld.Mode == LockMode.Exclusive)
                        {
                            involved.Add((lockHeld, new List<OrderEdge>()));
                        }

                        continue;
                    }

                    var chain = s_graph.FindPath(mmap, c => c == lockHeld.Class);
                    if (chain != null)
                    {
                        involved.Add((lockHeld, chain));
                    }
                }

                if (involved.Count > 0)
                {
                    throw new LockOrderViolationException(LockViolationKind.UserMemoryAccess, LockReport.UserMemoryAccess(where, involved, held));
                }

                // The fault takes MmapLock after everything held here: remember that like any other acquisition, so
                // that a later path taking one of these locks under MmapLock is reported as the inversion it is.
                string? faultAt = null;
                foreach (var lockHeld in held)
                {
                    if (lockHeld.Class != mmap && !s_graph.HasObserved(lockHeld.Class, mmap))
                    {
                        faultAt ??= LockReport.Render(where, "       ");
                        s_graph.AddObserved(OrderEdge.Observed(
                            lockHeld.Class,
                            mmap,
                            Environment.CurrentManagedThreadId,
                            LockReport.Render(lockHeld.Where, "       "),
                            faultAt,
                            "needed by a possible page fault (user memory touched)"));
                    }
                }
            }
        }

        /// <summary>Checks a blocking (or killable) acquisition before it waits; throws if it could deadlock.</summary>
        internal static void BeforeBlockingAcquire(object lockObject, LockMode mode)
        {
            var stack = HeldLockStack.ForCurrentThread(Volatile.Read(ref s_epoch));
            var where = LockReport.Capture();
            stack.SetPending(lockObject, where);
            var held = stack.Held;
            if (held.Count == 0)
            {
                return;
            }

            var lockClass = lockObject.GetType();
            foreach (var lockHeld in held)
            {
                if (lockHeld.Class == lockClass)
                {
                    throw new LockOrderViolationException(LockViolationKind.Recursive, LockReport.Recursive(lockObject, mode, where, lockHeld));
                }
            }

            lock (s_gate)
            {
                List<HeldLock>? declaredLater = null;
                foreach (var lockHeld in held)
                {
                    if (s_graph.Declared.IsBefore(lockClass, lockHeld.Class))
                    {
                        (declaredLater ??= new List<HeldLock>()).Add(lockHeld);
                    }
                }

                if (declaredLater != null)
                {
                    throw new LockOrderViolationException(
                        LockViolationKind.DeclaredOrder,
                        LockReport.DeclaredOrder(lockObject, mode, where, declaredLater, s_graph.Declared));
                }

                // An order already remembered was checked when it was first seen, and every order added since was
                // checked against it: only new orders can close a cycle.
                bool allKnown = true;
                foreach (var lockHeld in held)
                {
                    if (!s_graph.HasObserved(lockHeld.Class, lockClass))
                    {
                        allKnown = false;
                        break;
                    }
                }

                if (allKnown)
                {
                    return;
                }

                var cycle = s_graph.FindPath(lockClass, c => Holds(held, c));
                if (cycle != null)
                {
                    var closing = Latest(held, cycle[cycle.Count - 1].To);
                    throw new LockOrderViolationException(
                        LockViolationKind.Inversion,
                        LockReport.Inversion(lockObject, mode, where, closing, cycle, held));
                }

                string? acquiredAt = null;
                foreach (var lockHeld in held)
                {
                    if (!s_graph.HasObserved(lockHeld.Class, lockClass))
                    {
                        acquiredAt ??= LockReport.Render(where, "       ");
                        s_graph.AddObserved(OrderEdge.Observed(
                            lockHeld.Class,
                            lockClass,
                            Environment.CurrentManagedThreadId,
                            LockReport.Render(lockHeld.Where, "       "),
                            acquiredAt,
                            "acquired (" + LockMisuse.ModeName(mode) + ")"));
                    }
                }
            }
        }

        /// <summary>Records a lock the thread now holds; <paramref name="blocking"/> is false for try-acquisitions.</summary>
        internal static void Acquired(object lockObject, LockMode mode, bool blocking)
        {
            var stack = HeldLockStack.ForCurrentThread(Volatile.Read(ref s_epoch));
            // Only a blocking acquisition was checked (and its stack captured) before it waited.
            var where = blocking ? stack.TakePending(lockObject) : LockReport.Capture();
            stack.Push(new HeldLock(lockObject, mode, viaTry: !blocking, where));
        }

        /// <summary>Forgets a released hold, in whatever order holds are released.</summary>
        internal static void Released(object lockObject, LockMode mode)
        {
            // A hold the validator never saw (taken while it was off, or before a Reset) is not an error here; the
            // lock itself has already checked that the thread holds it.
            HeldLockStack.ForCurrentThread(Volatile.Read(ref s_epoch)).Remove(lockObject, mode);
        }

        /// <summary>Turns the thread's write hold into a read hold in place: a downgrade never blocks.</summary>
        internal static void Downgraded(object lockObject)
        {
            var held = HeldLockStack.ForCurrentThread(Volatile.Read(ref s_epoch)).Find(lockObject, LockMode.Exclusive);
            if (held != null)
            {
                held.Mode = LockMode.Shared;
            }
        }

        /// <summary>Number of class-to-class orders remembered; lets tests see that an acquisition added none.</summary>
        internal static int ObservedOrderCount
        {
            get
            {
                lock (s_gate)
                {
                    return s_graph.ObservedEdgeCount;
                }
            }
        }

        private static bool Holds(IReadOnlyList<HeldLock> held, Type lockClass)
        {
            foreach (var lockHeld in held)
            {
                if (lockHeld.Class == lockClass)
                {
                    return true;
                }
            }

            return false;
        }

        private static HeldLock Latest(IReadOnlyList<HeldLock> held, Type lockClass)
        {
            for (int i = held.Count - 1; i >= 0; i--)
            {
                if (held[i].Class == lockClass)
                {
                    return held[i];
                }
            }

            throw new InvalidOperationException("unreachable: the cycle ends at a held lock class");
        }

        internal static bool IsRequestedByEnvironment()
        {
            try
            {
                return Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";
            }
            catch (System.Security.SecurityException)
            {
                return false;
            }
        }
    }
}
