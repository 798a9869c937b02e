using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using LockOrder.Analyzers.Graph;

namespace LockOrder.Tool.Graph
{
    /// <summary>
    /// The graph as a fenced Mermaid flowchart, which GitHub renders in a pull request, an issue or a Markdown file.
    /// Declared orders are thick arrows labelled "declared", observed edges thin arrows labelled with their first
    /// location; every edge of a reported cycle is red and its label names the rule, so the mark survives where colour
    /// does not.
    /// </summary>
    internal static class MermaidWriter
    {
        private const string CycleColor = "#d1242f";

        internal static void Write(TextWriter output, SolutionGraph graph)
        {
            var ids = new GraphIds(graph.Nodes.Select(n => n.Id));
            output.WriteLine("```mermaid");
            output.WriteLine("flowchart LR");
            output.WriteLine($"    %% lockorder graph of {Comment(string.Join(", ", graph.Projects))}: {graph.Nodes.Length} lock classes, {graph.Edges.Length} edges, {graph.Cycles.Length} reported cycles");
            foreach (var node in graph.Nodes)
            {
                var label = Quoted(node.Name);
                output.WriteLine(node.Kind == LockGraphNodeKind.LockType ? $"    {ids[node.Id]}[{label}]" : $"    {ids[node.Id]}({label})");
            }

            var onCycle = new List<int>();
            for (int i = 0; i < graph.Edges.Length; i++)
            {
                var edge = graph.Edges[i];
                var arrow = edge.Kind == LockGraphEdgeKind.Declared ? "==>" : "-->";
                output.WriteLine($"    {ids[edge.From]} {arrow}|{Quoted(Label(edge))}| {ids[edge.To]}");
                if (edge.IsOnCycle)
                {
                    onCycle.Add(i);
                }
            }

            if (onCycle.Count > 0)
            {
                var cycleNodes = graph.Edges.Where(e => e.IsOnCycle).SelectMany(e => new[] { e.From, e.To }).Distinct().Select(id => ids[id]);
                output.WriteLine($"    classDef onCycle stroke:{CycleColor},stroke-width:2px");
                output.WriteLine($"    class {string.Join(",", cycleNodes)} onCycle");
                output.WriteLine($"    linkStyle {string.Join(",", onCycle)} stroke:{CycleColor},stroke-width:3px,color:{CycleColor}");
            }

            output.WriteLine("```");
        }

        /// <summary>"declared", or the first location; on a reported cycle, prefixed with the rule ("LOCK008 cycle: ...").</summary>
        internal static string Label(SolutionGraphEdge edge)
        {
            var label = edge.Kind == LockGraphEdgeKind.Declared ? "declared" : edge.Position?.ToString() ?? "observed";
            return edge.IsOnCycle ? $"{string.Join(", ", edge.CycleRules)} cycle: {label}" : label;
        }

        /// <summary>
        /// A label in double quotes. Inside them Mermaid reads '#…;' as a character code, so the characters that would
        /// end the quote, start a code, close an edge label or turn into markup are written as codes.
        /// </summary>
        internal static string Quoted(string text)
        {
            var builder = new StringBuilder(text.Length + 2).Append('"');
            foreach (var c in text)
            {
                builder.Append(c switch
                {
                    '"' => "#quot;",
                    '#' => "#35;",
                    '&' => "#amp;",
                    '<' => "#lt;",
                    '>' => "#gt;",
                    '|' => "#124;",
                    '`' => "#96;",
                    '\r' or '\n' or '\t' => " ",
                    _ => c.ToString(),
                });
            }

            return builder.Append('"').ToString();
        }

        /// <summary>A comment runs to the end of its line.</summary>
        private static string Comment(string text) => text.Replace('\r', ' ').Replace('\n', ' ');
    }
}
