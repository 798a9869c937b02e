using System;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>One held → acquired lock-class edge, with where it was seen.</summary>
    internal sealed class ObservedEdge
    {
        internal ObservedEdge(LockClass held, LockClass acquired, Location heldAt, Location acquiredAt, string via)
        {
            Held = held;
            Acquired = acquired;
            HeldAt = heldAt;
            AcquiredAt = acquiredAt;
            Via = via;
        }

        internal LockClass Held { get; }

        internal LockClass Acquired { get; }

        /// <summary>Where the held lock was taken.</summary>
        internal Location HeldAt { get; }

        /// <summary>The blocking acquisition, or the call through which it happens.</summary>
        internal Location AcquiredAt { get; }

        /// <summary>The path inside a callee ("A → B", or " via A → B"); empty for a direct acquisition.</summary>
        internal string Via { get; }

        /// <summary>
        /// Whether this sighting is a better representative of its class pair than <paramref name="other"/>: the first
        /// in source order (file, position), so that the report does not depend on which thread analyzed what first.
        /// </summary>
        internal bool IsPreferredOver(ObservedEdge other)
        {
            int comparison = CompareLocations(AcquiredAt, other.AcquiredAt);
            if (comparison == 0)
            {
                comparison = string.CompareOrdinal(Via, other.Via);
            }

            if (comparison == 0)
            {
                comparison = CompareLocations(HeldAt, other.HeldAt);
            }

            return comparison < 0;
        }

        private static int CompareLocations(Location left, Location right)
        {
            int comparison = string.CompareOrdinal(left.SourceTree?.FilePath ?? string.Empty, right.SourceTree?.FilePath ?? string.Empty);
            if (comparison != 0)
            {
                return comparison;
            }

            comparison = left.SourceSpan.Start.CompareTo(right.SourceSpan.Start);
            return comparison != 0 ? comparison : left.SourceSpan.Length.CompareTo(right.SourceSpan.Length);
        }

        /// <summary>The via text for a message: " via A → B", or "" for a direct acquisition.</summary>
        internal string DescribeVia()
        {
            var via = Via.Trim();
            if (via.Length == 0)
            {
                return string.Empty;
            }

            return via.StartsWith("via ", StringComparison.Ordinal) ? " " + via : " via " + via;
        }
    }
}
