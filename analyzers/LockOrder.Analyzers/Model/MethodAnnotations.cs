using System.Collections.Immutable;
using System.Linq;

namespace LockOrder.Analyzers.Model
{
    /// <summary>Everything the LockOrder attributes say about one method (its own, its overridden members', its property's).</summary>
    internal sealed class MethodAnnotations
    {
        internal static readonly MethodAnnotations None = new MethodAnnotations(ImmutableArray<LockContract>.Empty, mightFault: false, noLockAnalysis: false);

        internal MethodAnnotations(ImmutableArray<LockContract> contracts, bool mightFault, bool noLockAnalysis)
        {
            Contracts = contracts;
            MightFault = mightFault;
            NoLockAnalysis = noLockAnalysis;
        }

        internal ImmutableArray<LockContract> Contracts { get; }

        /// <summary>The method touches user memory (<c>[MightFault]</c>).</summary>
        internal bool MightFault { get; }

        /// <summary>The analyzer must not analyze the method's body (<c>[NoLockAnalysis]</c>).</summary>
        internal bool NoLockAnalysis { get; }

        internal bool IsEmpty => Contracts.IsEmpty && !MightFault && !NoLockAnalysis;

        /// <summary>Whether calling the method changes the caller's held set (acquire, try-acquire, release).</summary>
        internal bool ChangesHeldLocks => Contracts.Any(c => c.Kind is LockContractKind.Acquires or LockContractKind.TryAcquires or LockContractKind.Releases);

        internal ImmutableArray<LockContract> OfKind(LockContractKind kind) => Contracts.Where(c => c.Kind == kind).ToImmutableArray();
    }
}
