using System;
using System.Collections.Generic;
using System.Text;

namespace LockOrder.Tool.Graph
{
    /// <summary>
    /// Identifiers for the nodes in Mermaid and DOT, where a node id must be a plain word: a lock class's id is a type
    /// or member name ("Cache._sync", "Table&lt;T&gt;._buckets[]", "lock \"name\""), full of characters both languages
    /// give a meaning to. Each id becomes "L_" and its letters, digits and underscores, with any other character as
    /// '_' (the prefix keeps clear of the languages' keywords — Mermaid's <c>end</c>, DOT's <c>node</c> — and of a
    /// leading digit); two ids that come out the same are told apart by a counter.
    /// </summary>
    internal sealed class GraphIds
    {
        private readonly Dictionary<string, string> byNodeId = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> used = new HashSet<string>(StringComparer.Ordinal);

        internal GraphIds(IEnumerable<string> nodeIds)
        {
            foreach (var nodeId in nodeIds)
            {
                _ = this[nodeId];
            }
        }

        /// <summary>The plain identifier of <paramref name="nodeId"/>, the same each time it is asked for.</summary>
        internal string this[string nodeId]
        {
            get
            {
                if (byNodeId.TryGetValue(nodeId, out var id))
                {
                    return id;
                }

                var plain = Plain(nodeId);
                id = plain;
                for (int n = 2; !used.Add(id); n++)
                {
                    id = plain + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                byNodeId[nodeId] = id;
                return id;
            }
        }

        private static string Plain(string nodeId)
        {
            var builder = new StringBuilder("L_", nodeId.Length + 2);
            foreach (var c in nodeId)
            {
                builder.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' ? c : '_');
            }

            return builder.ToString();
        }
    }
}
