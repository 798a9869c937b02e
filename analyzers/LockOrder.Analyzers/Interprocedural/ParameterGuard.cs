using System;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// An effect that happens only when a <c>bool</c> parameter of the summarized method has one value: the lock taken in
    /// <c>if (!lockHeld) { Wait(); … }</c> is taken only when the caller passes <c>false</c>. A call that passes the
    /// other value (a constant, or a parameter the caller's flow knows) has no such effect.
    /// </summary>
    /// <remarks>
    /// Why: "lock already held" flags are how real code lets one method serve callers inside and outside the lock
    /// (RabbitMQ's <c>recordedEntitiesSemaphoreHeld</c>); without the guard every caller that holds the lock and passes
    /// <c>true</c> was told it waits for the lock again (LOCK004).
    /// </remarks>
    internal sealed class ParameterGuard : IEquatable<ParameterGuard>
    {
        internal ParameterGuard(int ordinal, bool runsWhen)
        {
            Ordinal = ordinal;
            RunsWhen = runsWhen;
        }

        /// <summary>The parameter's position in the summarized method.</summary>
        internal int Ordinal { get; }

        /// <summary>The parameter's value for which the effect happens.</summary>
        internal bool RunsWhen { get; }

        /// <summary>An effect that happens under either of two guards: guarded only where both are the same guard.</summary>
        internal static ParameterGuard? Either(ParameterGuard? first, ParameterGuard? second) =>
            first is not null && first.Equals(second) ? first : null;

        public bool Equals(ParameterGuard? other) => other is not null && Ordinal == other.Ordinal && RunsWhen == other.RunsWhen;

        public override bool Equals(object? obj) => Equals(obj as ParameterGuard);

        public override int GetHashCode() => (Ordinal * 2) + (RunsWhen ? 1 : 0);

        public override string ToString() => "when parameter " + Ordinal + " is " + (RunsWhen ? "true" : "false");
    }
}
