using LockOrder.Analyzers.Flow;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>
    /// LOCK001, LOCK004 and LOCK012 for one blocking acquisition (direct, or a call's effect), and the held → acquired
    /// edges that LOCK008 looks for cycles in.
    /// </summary>
    internal static class OrderRule
    {
        internal static void CheckBlockingAcquisition(FlowContext context, LockState state, LockClass acquired, LockInstance instance, LockMode mode, string via, Location at)
        {
            // Taking again a lock of a class already held — the same lock, or one that may be — waits for no other
            // thread (a re-entry) or waits for itself (LOCK004): either way it orders nothing after the locks taken in
            // between, and an edge from them would be a cycle with the first acquisition that no schedule can close.
            // A BCL lock of an object this body created and nobody else can see yet cannot be contended: it orders
            // nothing. (LockOrder's own lock types are ordered by class, whatever the instance, as lockdep does.)
            bool uncontended = instance.IsFresh && !acquired.IsLockOrderType;
            bool mayBeHeldAlready = uncontended || MayBeHeldAlready(state, acquired, instance);
            foreach (var held in state.Held)
            {
                if (held.IsMaybe)
                {
                    continue;
                }

                if (held.LockClass.Equals(acquired))
                {
                    CheckSameClass(context, held, acquired, instance, mode, via, at);
                    continue;
                }

                if (!mayBeHeldAlready)
                {
                    context.Sink.RecordEdge(held.LockClass, acquired, held.AcquiredAt, at, via);
                }

                if (!uncontended && IsAgainstOrder(context.Order, held, acquired))
                {
                    context.Sink.Report(
                        Descriptors.AcquisitionAgainstOrder,
                        at,
                        held.AcquiredAt,
                        acquired.Display,
                        mode,
                        via,
                        held.Describe(),
                        held.Mode,
                        context.Order.DescribeChain(acquired, held.LockClass));
                }
            }
        }

        /// <summary>
        /// Whether <see cref="CheckBlockingAcquisition"/> could report (LOCK001, LOCK004 or LOCK012) an acquisition of
        /// <paramref name="acquired"/> under <paramref name="state"/>: of <paramref name="instance"/>, or whatever the instance where it is unknown; the edges it records are not
        /// reports.
        /// </summary>
        internal static bool WouldReport(DeclaredOrder order, LockState state, LockClass acquired, LockInstance instance)
        {
            foreach (var held in state.Held)
            {
                if (!held.IsMaybe && ((held.LockClass.Equals(acquired) && !IsReentry(held, instance)) || IsAgainstOrder(order, held, acquired)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether taking <paramref name="instance"/> under <paramref name="held"/> of the same class is the same lock taken
        /// again by a lock that allows it whatever the mode (a monitor, a <c>Lock</c>, a mutex): nothing to report, no edge.
        /// </summary>
        private static bool IsReentry(HeldLock held, LockInstance instance) =>
            held.LockClass.Primitive is LockPrimitive.Monitor or LockPrimitive.Lock or LockPrimitive.Mutex
            && instance.IsKnown
            && held.Instance.Equals(instance);

        /// <summary>Whether a lock of <paramref name="acquired"/>'s class that may be this very lock is held definitely.</summary>
        private static bool MayBeHeldAlready(LockState state, LockClass acquired, LockInstance instance)
        {
            foreach (var held in state.Held)
            {
                if (!held.IsMaybe && held.LockClass.Equals(acquired) && !(held.Instance.IsKnown && instance.IsKnown && !held.Instance.Equals(instance)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>LOCK001: the acquired class is declared to come before the held one.</summary>
        private static bool IsAgainstOrder(DeclaredOrder order, HeldLock held, LockClass acquired) => order.IsBefore(acquired, held.LockClass);

        /// <summary>
        /// A class taken while a lock of it is held: the same lock again (fine where the lock is re-entrant, LOCK004
        /// where it is not), or another instance (LOCK012 for a re-entrant BCL lock, LOCK004 otherwise). Where either
        /// instance is unknown, only a class that is never re-entrant is reported: no diagnostic is better than a wrong
        /// one.
        /// </summary>
        private static void CheckSameClass(FlowContext context, HeldLock held, LockClass acquired, LockInstance instance, LockMode mode, string via, Location at)
        {
            // Two paths name two instances only where both say which object they are: a local of unknown value may be
            // the very object the other path names.
            bool known = held.Instance.IsIdentified && instance.IsIdentified && !instance.IsFresh;
            bool same = held.Instance.IsKnown && held.Instance.Equals(instance);
            string? why;
            if (acquired.IsLockOrderType)
            {
                why = WhyRecursive(held, instance, mode);
            }
            else if (known && !same)
            {
                if (acquired.IsReentrant)
                {
                    // Re-entering the same object is fine, so "another instance" must be sure it is another: a path that
                    // reaches the lock through another object's field may come back to the held one (a back-pointer).
                    if (!instance.IsReachedThroughAnotherObject && !held.Instance.IsReachedThroughAnotherObject)
                    {
                        context.Sink.Report(Descriptors.AnotherInstanceAcquired, at, held.AcquiredAt, instance.Path!, via, held.Instance.Path!, acquired.Display);
                    }

                    return;
                }

                why = OtherInstance;
            }
            else
            {
                why = WhyBclRecursive(held, acquired, mode, same);
            }

            if (why is null)
            {
                return;
            }

            context.Sink.Report(
                Descriptors.RecursiveAcquisition,
                at,
                held.AcquiredAt,
                instance.IsKnown ? instance.Path! : acquired.Display,
                mode,
                via,
                acquired.Display,
                held.Instance.IsKnown ? held.Instance.Path! : held.LockClass.Display,
                held.Mode,
                why);
        }

        private const string OtherInstance = "two instances of one lock class have no order between them, so two threads taking them in opposite orders deadlock; take the second with a try-acquisition and back off on failure";

        private static string WhyRecursive(HeldLock held, LockInstance instance, LockMode mode)
        {
            if (held.Instance.IsKnown && instance.IsKnown)
            {
                if (!held.Instance.Equals(instance))
                {
                    return OtherInstance;
                }

                return held.Mode == LockMode.Shared && mode == LockMode.Shared
                    ? "a second read waits behind a queued writer, which waits for the first read"
                    : "the lock is not recursive, so the thread waits for itself";
            }

            return "it is the same lock (not recursive, the thread waits for itself) or another instance of its class (no order between instances)";
        }

        /// <summary>
        /// Why taking a BCL lock again is wrong (the same instance, or one of unknown identity), or null where it is a
        /// re-entry the primitive allows — a monitor, a <c>Lock</c>, a mutex, a recursive reader-writer lock, and the
        /// write lock taken under one's own upgradeable read lock.
        /// </summary>
        private static string? WhyBclRecursive(HeldLock held, LockClass acquired, LockMode mode, bool same)
        {
            bool upgradesRead = held.Mode == LockMode.Shared && mode != LockMode.Shared;
            switch (acquired.Primitive)
            {
                case LockPrimitive.SemaphoreSlim:
                    return same
                        ? "a SemaphoreSlim is not re-entrant: the second wait waits for the first, which this flow holds"
                        : "a SemaphoreSlim is not re-entrant: it is the same semaphore (the flow waits for itself) or another one of its class (no order between instances)";
                case LockPrimitive.SpinLock:
                    return "a SpinLock is not re-entrant: the thread spins on itself (or throws LockRecursionException)";
                case LockPrimitive.ReaderWriterLockSlim when held.Mode == LockMode.Upgradeable && mode == LockMode.Exclusive:
                    return null;
                case LockPrimitive.ReaderWriterLockSlim when upgradesRead:
                    return "a read lock cannot be upgraded: ReaderWriterLockSlim throws LockRecursionException (take EnterUpgradeableReadLock first, then EnterWriteLock)";
                case LockPrimitive.ReaderWriterLockSlim when !acquired.IsRecursionAllowed:
                    return "this ReaderWriterLockSlim is not created with LockRecursionPolicy.SupportsRecursion, so a second entry throws LockRecursionException";
                case LockPrimitive.ReaderWriterLock when upgradesRead && mode == LockMode.Exclusive:
                    return "a reader lock upgraded with AcquireWriterLock waits for itself (use UpgradeToWriterLock)";
                default:
                    return null;
            }
        }
    }
}
