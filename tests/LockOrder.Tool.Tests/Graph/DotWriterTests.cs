using System.IO;
using System.Linq;
using LockOrder.Analyzers.Graph;
using LockOrder.Tool.Graph;
using Xunit;
using static LockOrder.Tool.Tests.Graph.TestGraphs;

namespace LockOrder.Tool.Tests.Graph
{
    /// <summary>The DOT graph: plain node ids, labels as DOT strings (a backslash or a quote in a name stays text), cycle arrows coloured.</summary>
    public sealed class DotWriterTests
    {
        [Theory]
        [InlineData("Cache._sync", "\"Cache._sync\"")]
        [InlineData("lock \"orders\"", "\"lock \\\"orders\\\"\"")]
        [InlineData(@"C:\locks\N", "\"C:\\\\locks\\\\N\"")]
        [InlineData("two\nlines", "\"two\\nlines\"")]
        public void LabelsAreDotStrings(string name, string quoted)
        {
            Assert.Equal(quoted, DotWriter.Quoted(name));
        }

        [Fact]
        public void NodesAndArrowsUsePlainIdsAndCycleArrowsAreColoured()
        {
            var graph = Solution(ProjectGraph(
                "Cache",
                new[] { Node("Shop.Cache._sync", "Cache._sync", LockGraphNodeKind.Member), Node("node", "node") },
                new[]
                {
                    Observed("Shop.Cache._sync", "node", "Shop/Cache.cs", 20, onCycle: true, via: " via Cache.Fill → Node.Take"),
                    Observed("node", "Shop.Cache._sync", "Shop/Node.cs", 8, onCycle: true),
                },
                Cycle("LOCK008", "Shop.Cache._sync", "node")));

            using var writer = new StringWriter();
            DotWriter.Write(writer, graph);
            var lines = writer.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

            Assert.Equal("digraph lockorder {", lines[0]);
            Assert.Equal("}", lines.Last(l => l.Length > 0));
            Assert.Contains("    L_Shop_Cache__sync [label=\"Cache._sync\", tooltip=\"Shop.Cache._sync\", style=rounded, color=\"#d1242f\", penwidth=2];", lines);
            Assert.Contains("    L_Shop_Cache__sync -> L_node [label=\"LOCK008 cycle: Shop/Cache.cs:20\", tooltip=\"via Cache.Fill → Node.Take\", color=\"#d1242f\", fontcolor=\"#d1242f\", penwidth=2];", lines);
            Assert.Contains(lines, l => l.StartsWith("    L_node -> L_Shop_Cache__sync [label=\"LOCK008 cycle: Shop/Node.cs:8\"", System.StringComparison.Ordinal));
        }
    }
}
