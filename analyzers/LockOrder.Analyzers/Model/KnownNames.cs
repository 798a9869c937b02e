using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// Names of the LockOrder types the analyzer understands. They are matched by full name rather than by symbol,
    /// so a project that declares its own copies of the attributes (without referencing the runtime) also works.
    /// </summary>
    internal static class KnownNames
    {
        internal const string Namespace = "LockOrder";

        internal const string AcquiredBefore = "AcquiredBeforeAttribute";
        internal const string AcquiredAfter = "AcquiredAfterAttribute";
        internal const string Acquires = "AcquiresAttribute";
        internal const string TryAcquires = "TryAcquiresAttribute";
        internal const string Releases = "ReleasesAttribute";
        internal const string Requires = "RequiresAttribute";
        internal const string Excludes = "ExcludesAttribute";
        internal const string MayAcquire = "MayAcquireAttribute";
        internal const string MightFault = "MightFaultAttribute";
        internal const string NoLockAnalysis = "NoLockAnalysisAttribute";
        internal const string InvokedSynchronously = "InvokedSynchronouslyAttribute";

        internal const string MutexLock = "MutexLock";
        internal const string RwSemaphore = "RwSemaphore";

        internal const string MmapLockMetadataName = "LockOrder.MmapLock";

        /// <summary>The assembly that declares the annotations and the lock types.</summary>
        internal const string RuntimeAssembly = "LockOrder.Runtime";

        /// <summary>The named argument of <c>[TryAcquires]</c> that marks a wait that can fail.</summary>
        internal const string BlockingArgument = "Blocking";

        /// <summary>Whether <paramref name="type"/> is <c>LockOrder.{name}</c>, whichever assembly declares it.</summary>
        internal static bool Is(INamedTypeSymbol? type, string name) =>
            type is { Name: var actual, ContainingType: null, ContainingNamespace: { Name: Namespace } ns }
            && actual == name
            && ns.ContainingNamespace is { IsGlobalNamespace: true };
    }
}
