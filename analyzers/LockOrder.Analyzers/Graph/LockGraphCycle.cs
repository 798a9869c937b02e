using System.Collections.Immutable;

namespace LockOrder.Analyzers.Graph
{
    /// <summary>A cycle a rule reports: its lock classes in order (the first is implied again at the end).</summary>
    internal sealed class LockGraphCycle
    {
        internal LockGraphCycle(string ruleId, ImmutableArray<string> nodeIds)
        {
            RuleId = ruleId;
            NodeIds = nodeIds;
        }

        /// <summary>LOCK007 for a contradictory declaration, LOCK008 for an inversion between methods.</summary>
        internal string RuleId { get; }

        internal ImmutableArray<string> NodeIds { get; }
    }
}
