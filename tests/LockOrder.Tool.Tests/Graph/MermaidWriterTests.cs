using System.IO;
using System.Linq;
using LockOrder.Analyzers.Graph;
using LockOrder.Tool.Graph;
using LockOrder.Tool.Tests.Infrastructure;
using Xunit;
using static LockOrder.Tool.Tests.Graph.TestGraphs;

namespace LockOrder.Tool.Tests.Graph
{
    /// <summary>
    /// The Mermaid flowchart: one well-formed line per node and arrow whatever the lock classes are called (BCL lock
    /// members have dots, brackets, generics and quotes in their names), and every arrow of a reported cycle painted.
    /// </summary>
    public sealed class MermaidWriterTests
    {
        [Theory]
        [InlineData("Cache._sync", "Cache._sync")]
        [InlineData("Table<T>._buckets[]", "Table#lt;T#gt;._buckets[]")]
        [InlineData("lock \"device\"", "lock #quot;device#quot;")]
        [InlineData("A|B #1 & `x`", "A#124;B #35;1 #amp; #96;x#96;")]
        [InlineData("two\nlines", "two lines")]
        public void LabelsAreQuotedWithTheCharactersMermaidReadsAsCodes(string name, string label)
        {
            Assert.Equal("\"" + label + "\"", MermaidWriter.Quoted(name));
        }

        [Fact]
        public void BclLockMembersMakeWellFormedLines()
        {
            var graph = Solution(ProjectGraph(
                "Cache",
                new[]
                {
                    Node("Shop.Cache._sync", "Cache._sync", LockGraphNodeKind.Member),
                    Node("Shop.Table<T>._buckets[]", "Table<T>._buckets[]", LockGraphNodeKind.Elements),
                    Node("\"orders\"", "lock \"orders\"", LockGraphNodeKind.StringLiteral),
                },
                new[]
                {
                    Observed("Shop.Cache._sync", "Shop.Table<T>._buckets[]", "Shop/Cache.cs", 20, onCycle: true),
                    Observed("Shop.Table<T>._buckets[]", "Shop.Cache._sync", "Shop/Table.cs", 31, onCycle: true),
                    Observed("Shop.Cache._sync", "\"orders\"", "Shop/Cache.cs", 44),
                },
                Cycle("LOCK008", "Shop.Cache._sync", "Shop.Table<T>._buckets[]")));

            var chart = MermaidChart.Parse(Render(graph));

            Assert.Equal(new[] { "lock #quot;orders#quot;", "Cache._sync", "Table#lt;T#gt;._buckets[]" }, chart.Labels.Values);
            Assert.Equal(
                new[]
                {
                    ("Cache._sync", "lock #quot;orders#quot;", "-->", "Shop/Cache.cs:44"),
                    ("Cache._sync", "Table#lt;T#gt;._buckets[]", "-->", "LOCK008 cycle: Shop/Cache.cs:20"),
                    ("Table#lt;T#gt;._buckets[]", "Cache._sync", "-->", "LOCK008 cycle: Shop/Table.cs:31"),
                },
                chart.Edges);
            Assert.Equal(new[] { 1, 2 }, chart.Styled.OrderBy(i => i));
        }

        [Fact]
        public void DeclaredOrdersAreThickArrowsAndAGraphWithoutCyclesIsNotPainted()
        {
            var graph = Solution(ProjectGraph(
                "Runtime",
                new[] { Node("LockOrder.MmapLock", "MmapLock"), Node("LockOrder.VmaLock", "VmaLock") },
                new[] { Declared("LockOrder.MmapLock", "LockOrder.VmaLock"), Observed("LockOrder.MmapLock", "LockOrder.VmaLock", "Vfio/PciDevice.cs", 127) }));

            var text = Render(graph);
            var chart = MermaidChart.Parse(text);

            Assert.Equal(new[] { ("MmapLock", "VmaLock", "==>", "declared"), ("MmapLock", "VmaLock", "-->", "Vfio/PciDevice.cs:127") }, chart.Edges);
            Assert.Empty(chart.Styled);
            Assert.DoesNotContain("classDef", text);
        }

        private static string Render(SolutionGraph graph)
        {
            using var writer = new StringWriter();
            MermaidWriter.Write(writer, graph);
            return writer.ToString();
        }
    }
}
