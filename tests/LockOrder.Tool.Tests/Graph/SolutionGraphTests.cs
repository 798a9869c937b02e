using System.Linq;
using LockOrder.Analyzers.Graph;
using Xunit;
using static LockOrder.Tool.Tests.Graph.TestGraphs;

namespace LockOrder.Tool.Tests.Graph
{
    /// <summary>Merging the projects' graphs: one node per lock class, one arrow per edge with its first location, cycle marks kept.</summary>
    public sealed class SolutionGraphTests
    {
        [Fact]
        public void EdgesSeenInSeveralProjectsAreOneArrowWithTheFirstLocation()
        {
            var first = ProjectGraph("App", new[] { Node("A.Bus", "Bus"), Node("A.Mem", "Mem") }, new[] { Observed("A.Bus", "A.Mem", "App/Reset.cs", 12) });
            var second = ProjectGraph("Tests", new[] { Node("A.Bus", "Bus"), Node("A.Mem", "Mem") }, new[] { Observed("A.Bus", "A.Mem", "Tests/ResetTests.cs", 40, onCycle: true) }, Cycle("LOCK008", "A.Bus", "A.Mem"));

            var graph = Solution(first, second);

            Assert.Equal(new[] { "App", "Tests" }, graph.Projects);
            Assert.Equal(new[] { "A.Bus", "A.Mem" }, graph.Nodes.Select(n => n.Id));
            var edge = Assert.Single(graph.Edges);
            Assert.Equal("App/Reset.cs:12", edge.Position!.ToString());
            Assert.Equal(new[] { "LOCK008" }, edge.CycleRules);
            Assert.Single(graph.Cycles);
        }

        [Fact]
        public void TargetFrameworksOfOneProjectAreOneProjectAndTheirCyclesOneCycle()
        {
            var cycle = Cycle("LOCK008", "A.X", "A.Y");
            var nodes = new[] { Node("A.X", "X"), Node("A.Y", "Y") };
            var edges = new[] { Observed("A.X", "A.Y", "P/X.cs", 3, onCycle: true), Observed("A.Y", "A.X", "P/Y.cs", 4, onCycle: true) };

            var graph = Solution(ProjectGraph("P", nodes, edges, cycle), ProjectGraph("P", nodes, edges, cycle));

            Assert.Equal(new[] { "P" }, graph.Projects);
            Assert.Single(graph.Cycles);
            Assert.Equal(2, graph.Edges.Length);
        }

        [Fact]
        public void DeclaredAndObservedArrowsBetweenTheSameLocksNameOnlyTheirOwnCycles()
        {
            // Earlier → Later is declared and also observed; only the declared arrows form the LOCK007 cycle.
            var graph = Solution(ProjectGraph(
                "P",
                new[] { Node("Earlier", "Earlier"), Node("Later", "Later") },
                new[] { Declared("Earlier", "Later", onCycle: true), Declared("Later", "Earlier", onCycle: true), Observed("Earlier", "Later", "P/Use.cs", 9) },
                Cycle("LOCK007", "Earlier", "Later")));

            Assert.Equal(new[] { "LOCK007" }, graph.Edges.Single(e => e.Kind == LockGraphEdgeKind.Declared && e.From == "Earlier").CycleRules);
            Assert.False(graph.Edges.Single(e => e.Kind == LockGraphEdgeKind.Observed).IsOnCycle);
            Assert.Null(graph.Edges.First(e => e.Kind == LockGraphEdgeKind.Declared).Position);
        }

        [Fact]
        public void ViaLosesTheAnalyzersLeadingWord()
        {
            var graph = Solution(ProjectGraph("P", new[] { Node("A", "A"), Node("B", "B") }, new[] { Observed("A", "B", "P/A.cs", 1, via: " via Helper.Take → B.Lock") }));

            Assert.Equal("Helper.Take → B.Lock", graph.Edges.Single().Via);
        }
    }
}
