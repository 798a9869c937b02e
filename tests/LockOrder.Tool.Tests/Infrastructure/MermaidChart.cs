using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace LockOrder.Tool.Tests.Infrastructure
{
    /// <summary>
    /// Reads back the flowchart <c>lockorder graph</c> writes: node labels by id, the arrows in the order they are
    /// declared (Mermaid's linkStyle counts them in that order), and the arrows linkStyle paints.
    /// </summary>
    internal sealed class MermaidChart
    {
        private static readonly Regex Node = new Regex(@"^    (?<id>L_\w+)(\[|\()""(?<label>[^""]*)""(\]|\))$");
        private static readonly Regex Edge = new Regex(@"^    (?<from>L_\w+) (?<arrow>-->|==>)\|""(?<label>[^""]*)""\| (?<to>L_\w+)$");
        private static readonly Regex LinkStyle = new Regex(@"^    linkStyle (?<indices>[\d,]+) ");

        private MermaidChart(Dictionary<string, string> labels, List<(string From, string To, string Arrow, string Label)> edges, HashSet<int> styled)
        {
            Labels = labels;
            Edges = edges;
            Styled = styled;
        }

        /// <summary>Node label by Mermaid id.</summary>
        internal Dictionary<string, string> Labels { get; }

        /// <summary>The arrows, with their ends as node labels, in declaration order.</summary>
        internal List<(string From, string To, string Arrow, string Label)> Edges { get; }

        /// <summary>The indices of the arrows linkStyle paints.</summary>
        internal HashSet<int> Styled { get; }

        /// <summary>
        /// Parses <paramref name="text"/>, which must be exactly one fenced block, each line of which is a node, an
        /// arrow, a comment or a style statement.
        /// </summary>
        internal static MermaidChart Parse(string text)
        {
            var lines = text.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Equal("```mermaid", lines[0]);
            Assert.Equal("```", lines[^1]);
            Assert.Equal("flowchart LR", lines[1]);
            var labels = new Dictionary<string, string>();
            var edges = new List<(string, string, string, string)>();
            var styled = new HashSet<int>();
            foreach (var line in lines.Skip(2).Take(lines.Count - 3))
            {
                Match match;
                if ((match = Node.Match(line)).Success)
                {
                    labels.Add(match.Groups["id"].Value, match.Groups["label"].Value);
                }
                else if ((match = Edge.Match(line)).Success)
                {
                    edges.Add((labels[match.Groups["from"].Value], labels[match.Groups["to"].Value], match.Groups["arrow"].Value, match.Groups["label"].Value));
                }
                else if ((match = LinkStyle.Match(line)).Success)
                {
                    styled.UnionWith(match.Groups["indices"].Value.Split(',').Select(int.Parse));
                }
                else
                {
                    Assert.Matches(@"^    (%% |classDef |class )", line);
                }
            }

            return new MermaidChart(labels, edges, styled);
        }
    }
}
