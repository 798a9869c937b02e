using System.IO;
using System.Linq;
using System.Text;
using LockOrder.Analyzers.Graph;

namespace LockOrder.Tool.Graph
{
    /// <summary>
    /// The graph in Graphviz's DOT language (<c>dot -Tsvg graph.dot -o graph.svg</c>): the same nodes, arrows, labels and
    /// cycle marks as the Mermaid flowchart; an observed edge made through calls shows the path inside the callee as
    /// its tooltip.
    /// </summary>
    internal static class DotWriter
    {
        private const string CycleColor = "#d1242f";

        internal static void Write(TextWriter output, SolutionGraph graph)
        {
            var ids = new GraphIds(graph.Nodes.Select(n => n.Id));
            var cycleNodes = graph.Edges.Where(e => e.IsOnCycle).SelectMany(e => new[] { e.From, e.To }).ToHashSet();
            output.WriteLine("digraph lockorder {");
            output.WriteLine($"    // lockorder graph of {string.Join(", ", graph.Projects).Replace('\n', ' ')}");
            output.WriteLine("    rankdir=LR;");
            output.WriteLine("    node [shape=box, fontname=\"Helvetica\"];");
            output.WriteLine("    edge [fontname=\"Helvetica\", fontsize=10];");
            foreach (var node in graph.Nodes)
            {
                var style = node.Kind == LockGraphNodeKind.LockType ? string.Empty : ", style=rounded";
                var color = cycleNodes.Contains(node.Id) ? $", color=\"{CycleColor}\", penwidth=2" : string.Empty;
                output.WriteLine($"    {ids[node.Id]} [label={Quoted(node.Name)}, tooltip={Quoted(node.Id)}{style}{color}];");
            }

            foreach (var edge in graph.Edges)
            {
                var attributes = new StringBuilder($"label={Quoted(MermaidWriter.Label(edge))}");
                if (edge.Kind == LockGraphEdgeKind.Declared)
                {
                    attributes.Append(", style=bold");
                }

                if (edge.Via.Length > 0)
                {
                    attributes.Append($", tooltip={Quoted("via " + edge.Via)}");
                }

                if (edge.IsOnCycle)
                {
                    attributes.Append($", color=\"{CycleColor}\", fontcolor=\"{CycleColor}\", penwidth=2");
                }

                output.WriteLine($"    {ids[edge.From]} -> {ids[edge.To]} [{attributes}];");
            }

            output.WriteLine("}");
        }

        /// <summary>A DOT string: a backslash would start an escape (\N is the node's name), a quote would end it.</summary>
        internal static string Quoted(string text)
        {
            var builder = new StringBuilder(text.Length + 2).Append('"');
            foreach (var c in text)
            {
                builder.Append(c switch
                {
                    '\\' => "\\\\",
                    '"' => "\\\"",
                    '\r' => string.Empty,
                    '\n' => "\\n",
                    _ => c.ToString(),
                });
            }

            return builder.Append('"').ToString();
        }
    }
}
