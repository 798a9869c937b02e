using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>
    /// Every diagnostic LockOrder reports, in one table. IDs are a public contract; the documentation pages in
    /// <c>docs/rules/</c>, the README's rule table and <c>AnalyzerReleases.Unshipped.md</c> are checked against
    /// this table by a test.
    /// </summary>
    internal static class Descriptors
    {
        internal const string Category = "LockOrder";

        internal const string HelpLinkBase = "https://github.com/lockorder/LockOrder/blob/main/docs/rules/";

        /// <summary>{0} acquired lock, {1} its mode, {2} " via A → B" or "", {3} held lock, {4} its mode, {5} the declared order.</summary>
        internal static readonly DiagnosticDescriptor AcquisitionAgainstOrder = Create(
            "LOCK001",
            "Lock acquired against the declared order",
            "Blocking acquisition of '{0}' ({1}){2} while holding '{3}' ({4}) breaks the declared order {5}",
            DiagnosticSeverity.Error,
            "A thread that holds a lock must not wait for a lock declared to come before it: another thread taking them in the declared order deadlocks with it.");

        /// <summary>{0} what touches user memory, {1} " via A → B" or "", {2} held lock, {3} its mode.</summary>
        internal static readonly DiagnosticDescriptor UserMemoryUnderExclusiveLock = Create(
            "LOCK002",
            "User memory touched while a lock ordered after MmapLock is held exclusively",
            "'{0}' touches user memory{1} while '{2}' is held ({3}): a page fault takes 'MmapLock' (shared), which is ordered before '{2}'",
            DiagnosticSeverity.Error,
            "Touching user memory can page-fault, and the fault takes MmapLock for read and then the device's own locks. Copy user data in before taking the lock and copy results out after releasing it.");

        /// <summary>{0} what touches user memory, {1} " via A → B" or "", {2} held lock.</summary>
        internal static readonly DiagnosticDescriptor UserMemoryUnderSharedLock = Create(
            "LOCK003",
            "User memory touched while a reader-writer lock ordered after MmapLock is held shared",
            "'{0}' touches user memory{1} while '{2}' is held shared: a page fault takes 'MmapLock' (shared), which is ordered before '{2}', and with a writer queued a second read deadlocks",
            DiagnosticSeverity.Warning,
            "A fair reader-writer lock makes a new reader wait behind a queued writer, which waits for the first reader. Hold the read lock only around each device access and copy user memory outside it.");

        /// <summary>{0} acquired instance, {1} its mode, {2} " via A → B" or "", {3} lock class, {4} held instance, {5} held mode, {6} why.</summary>
        internal static readonly DiagnosticDescriptor RecursiveAcquisition = Create(
            "LOCK004",
            "Blocking acquisition of a lock class already held",
            "Blocking acquisition of '{0}' ({1}){2} while '{4}' of the same class '{3}' is held ({5}): {6}",
            DiagnosticSeverity.Error,
            "LockOrder locks, SemaphoreSlim, SpinLock and ReaderWriterLockSlim without recursion are not re-entrant, a read lock cannot become a write lock, and two instances of one lock class have no order between them. Take a second instance only with a try-acquisition and back off on failure.");

        /// <summary>{0} the mismatch, in a sentence.</summary>
        internal static readonly DiagnosticDescriptor LockStateMismatch = Create(
            "LOCK005",
            "Lock state mismatch",
            "{0}",
            DiagnosticSeverity.Warning,
            "Every acquisition should be released on every path, and methods with lock contracts must honor them; otherwise a lock leaks or is released twice.");

        /// <summary>{0} the callee, {1} the broken contract, in a sentence.</summary>
        internal static readonly DiagnosticDescriptor CallContractViolation = Create(
            "LOCK006",
            "Call breaks the callee's lock contract",
            "Call to '{0}' breaks its lock contract: {1}",
            DiagnosticSeverity.Error,
            "[Requires] methods must be called with the lock held, [Excludes] methods without it.");

        /// <summary>{0} the cycle, "A → B → A".</summary>
        internal static readonly DiagnosticDescriptor ContradictoryOrder = Create(
            "LOCK007",
            "Declared lock order is contradictory",
            "The declared lock order is contradictory: {0}",
            DiagnosticSeverity.Error,
            "A cycle in [AcquiredBefore]/[AcquiredAfter] makes every acquisition order wrong somewhere.");

        /// <summary>{0} the cycle, "A → B → A", {1} each edge with where it was seen.</summary>
        internal static readonly DiagnosticDescriptor InversionBetweenMethods = Create(
            "LOCK008",
            "Lock-order inversion between methods",
            "Lock-order inversion {0}: {1}; declare the order with [AcquiredBefore] and take the locks in that order everywhere",
            DiagnosticSeverity.Warning,
            "Two code paths that take the same lock classes in opposite orders deadlock when they run at the same time.");

        /// <summary>{0} held lock, {1} its mode.</summary>
        internal static readonly DiagnosticDescriptor LockHeldAcrossAwait = Create(
            "LOCK009",
            "Lock held across await",
            "'{0}' ({1}) is held across 'await': the continuation can run on another thread and the lock stays held while the task waits",
            DiagnosticSeverity.Warning,
            "LockOrder locks, monitors, Lock, reader-writer locks, Mutex and SpinLock are owned by threads and must not stay held while a method is suspended (SemaphoreSlim is not, and is the async mutex).");

        /// <summary>{0} the try-acquisition.</summary>
        internal static readonly DiagnosticDescriptor TryAcquisitionResultIgnored = Create(
            "LOCK010",
            "Result of a try-acquisition ignored",
            "The result of '{0}' is ignored: the lock is held only when it returns true",
            DiagnosticSeverity.Warning,
            "Code after an unchecked try-acquisition runs with or without the lock.");

        /// <summary>{0} the method, {1} the bound that was reached.</summary>
        internal static readonly DiagnosticDescriptor AnalysisIncomplete = Create(
            "LOCK011",
            "Lock analysis incomplete",
            "Lock analysis of '{0}' stopped at its {1}; lock diagnostics for it may be missing",
            DiagnosticSeverity.Info,
            "The analysis is bounded so that no input can slow the build or the IDE; past a bound it reports less, never wrongly.");

        /// <summary>{0} acquired instance, {1} " via A → B" or "", {2} held instance, {3} lock class.</summary>
        internal static readonly DiagnosticDescriptor AnotherInstanceAcquired = Create(
            "LOCK012",
            "Another instance of a lock class already held",
            "Blocking acquisition of '{0}'{1} while '{2}', another instance of the same lock class '{3}', is held: two threads taking two instances in opposite orders deadlock",
            DiagnosticSeverity.Warning,
            "Two instances of one lock class (the same field of two objects, two elements of one array) have no order between them. Take them in a fixed order (by an id), or take the second with a try-acquisition and back off on failure. Taking the same instance again is fine for re-entrant locks.");

        /// <summary>{0} what runs ("The delegate parameter 'callback'"), {1} held lock, {2} its mode, {3} why it matters.</summary>
        internal static readonly DiagnosticDescriptor UnseenCodeUnderLock = Create(
            "LOCK013",
            "Code the compilation cannot see runs while a lock is held",
            "{0} runs while '{1}' is held ({2}): {3}",
            DiagnosticSeverity.Info,
            "A delegate from a caller, an event's handlers or an override outside the compilation run under the lock; if any of them takes another lock or waits, it can deadlock with this one, and the analysis cannot see it. Invoke it after releasing the lock, or document what it may do.");

        /// <summary>{0} the wait, {1} " via A → B" or "", {2} held lock, {3} its mode.</summary>
        internal static readonly DiagnosticDescriptor BlockingWaitUnderLock = Create(
            "LOCK014",
            "Blocking wait while a lock is held",
            "'{0}'{1} blocks while '{2}' is held ({3}): the thread waits with the lock held, and what it waits for may need that lock",
            DiagnosticSeverity.Warning,
            "Task.Wait, .Result, GetAwaiter().GetResult(), Thread.Join, waits on events and Monitor.Wait on another lock block the thread with the lock held; if the work being waited for needs the lock (a continuation, a callback, another thread), neither side moves. Wait after releasing the lock, or await.");

        /// <summary>{0} the attribute as written, {1} what is wrong with it.</summary>
        internal static readonly DiagnosticDescriptor InvalidLockAnnotation = Create(
            "LOCK015",
            "Lock annotation does not name a lock",
            "{0} does not name a lock: {1}",
            DiagnosticSeverity.Error,
            "An order or contract attribute that names a member must name a field or property that holds a lock (an object, Lock, SemaphoreSlim, ReaderWriterLockSlim, ReaderWriterLock, Mutex, SpinLock or a LockOrder lock type); otherwise the order or contract it declares would be silently ignored.");

        private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity, string description) =>
            new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                Category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLinkBase + id + ".md");
    }
}
