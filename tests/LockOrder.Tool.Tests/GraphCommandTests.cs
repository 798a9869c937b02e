using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LockOrder.Tool.Tests.Infrastructure;
using Xunit;

namespace LockOrder.Tool.Tests
{
    /// <summary>
    /// <c>lockorder graph</c>: BrokenDriver's four-lock bus-reset cycle (the 2024 vfio-pci deadlock) with every edge
    /// marked, in each format; the runtime's reference device with its declared chain and no cycle.
    /// </summary>
    [Collection(ToolCollection.Name)]
    public sealed class GraphCommandTests
    {
        /// <summary>BusLock → MmapLock → VmaLock → MemoryLock → BusLock, as LOCK008 reports it on BusResetCycle.cs:52.</summary>
        private static readonly (string From, string To)[] BusResetCycle =
        {
            ("BusLock", "MmapLock"), ("MmapLock", "VmaLock"), ("VmaLock", "MemoryLock"), ("MemoryLock", "BusLock"),
        };

        private readonly SampleProjects samples;

        public GraphCommandTests(SampleProjects samples)
        {
            this.samples = samples;
        }

        [Fact]
        public async Task MermaidIsTheDefaultAndMarksEveryEdgeOfTheBusResetCycle()
        {
            var run = await samples.BrokenDriverGraphAsync();

            Assert.True(run.ExitCode == 0, run.ToString());
            var chart = MermaidChart.Parse(run.Output);
            foreach (var (from, to) in BusResetCycle)
            {
                var index = chart.Edges.FindIndex(e => e.From == from && e.To == to && e.Arrow == "-->");
                Assert.True(index >= 0, $"no observed edge {from} → {to} in\n{run.Output}");
                Assert.Contains(index, chart.Styled);
                Assert.StartsWith("LOCK008 cycle: BusResetCycle.cs:", chart.Edges[index].Label, StringComparison.Ordinal);
            }

            // The first sighting of BusLock → MmapLock is the call on line 54, the line LOCK008 is reported on.
            Assert.Equal("LOCK008 cycle: BusResetCycle.cs:52", chart.Edges.Single(e => e.From == "BusLock" && e.To == "MmapLock").Label);

            // Arrows on no reported cycle are not painted: NaiveZap's VmaLock → MmapLock is LOCK001, against the declared order.
            var naive = chart.Edges.FindIndex(e => e.From == "VmaLock" && e.To == "MmapLock");
            Assert.Equal("NaiveZap.cs:17", chart.Edges[naive].Label);
            Assert.DoesNotContain(naive, chart.Styled);
        }

        [Fact]
        public async Task JsonHoldsTheBusResetCycleAndMarksItsEdges()
        {
            var run = await samples.BrokenDriverGraphAsync("json");

            Assert.True(run.ExitCode == 0, run.ToString());
            using var graph = JsonDocument.Parse(run.Output);
            var names = graph.RootElement.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("name").GetString()!);
            var cycles = graph.RootElement.GetProperty("cycles").EnumerateArray()
                .Select(c => (Rule: c.GetProperty("rule").GetString(), Nodes: c.GetProperty("nodes").EnumerateArray().Select(n => names[n.GetString()!]).ToArray()))
                .ToList();
            Assert.Contains(cycles, c => c.Rule == "LOCK008" && c.Nodes.SequenceEqual(new[] { "BusLock", "MmapLock", "VmaLock", "MemoryLock" }));
            Assert.Contains(cycles, c => c.Rule == "LOCK007");

            var edges = graph.RootElement.GetProperty("edges").EnumerateArray().ToList();
            foreach (var (from, to) in BusResetCycle)
            {
                var edge = Assert.Single(edges, e => names[e.GetProperty("from").GetString()!] == from && names[e.GetProperty("to").GetString()!] == to && e.GetProperty("kind").GetString() == "observed");
                Assert.True(edge.GetProperty("onCycle").GetBoolean(), $"{from} → {to} is not marked");
                Assert.Equal("BusResetCycle.cs", edge.GetProperty("location").GetProperty("path").GetString());
            }

            var throughCall = edges.Single(e => names[e.GetProperty("from").GetString()!] == "BusLock");
            Assert.Equal("BusResetCycle.ForEachSlotOrBus → PciBus.WalkBus → PciBus.Walk → callback BusResetCycle.GetResetInfo.lambda → BusResetCycle.FillDeviceInfo → UserBuffer.CopyToUser", throughCall.GetProperty("via").GetString());
        }

        [Fact]
        public async Task DotMarksEveryEdgeOfTheBusResetCycleAndWritesTheFileAsked()
        {
            var file = Path.Combine(samples.BrokenDriver.Folder, "graphs", "locks.dot");
            var run = await samples.Once(samples.BrokenDriver.Folder, "graph", ".", "--format", "dot", "-o", file);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(string.Empty, run.Output);
            var dot = File.ReadAllText(file);
            Assert.StartsWith("digraph lockorder {", dot, StringComparison.Ordinal);
            foreach (var (from, to) in BusResetCycle)
            {
                // The observed arrow; MmapLock → VmaLock and VmaLock → MemoryLock also have a declared (bold) one.
                var edge = dot.Split('\n').Single(l => l.Contains($"_{from} -> ", StringComparison.Ordinal) && l.Contains($"_{to} [", StringComparison.Ordinal) && !l.Contains("style=bold", StringComparison.Ordinal));
                Assert.Contains("label=\"LOCK008 cycle: BusResetCycle.cs:", edge, StringComparison.Ordinal);
                Assert.Contains("color=", edge, StringComparison.Ordinal);
            }
        }

        [Fact]
        public async Task ReadmeShowsTheGraphTheToolDrawsForBrokenDriver()
        {
            var run = await samples.BrokenDriverGraphAsync();
            var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            var section = readme.Substring(readme.IndexOf("## Checking a solution and drawing its lock graph", StringComparison.Ordinal));
            var start = section.IndexOf("```mermaid", StringComparison.Ordinal);
            var block = section.Substring(start, section.IndexOf("\n```\n", start, StringComparison.Ordinal) + 4 - start);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(run.Output.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), block.TrimEnd());
        }

        [Fact]
        public async Task ReferenceDeviceHasTheDeclaredChainAndNoCycle()
        {
            var project = Path.Combine("runtime", "LockOrder.Runtime", "LockOrder.Runtime.csproj");
            var json = await samples.Once(RepositoryRoot.Path, "graph", project, "--format", "json");
            var mermaid = await samples.Once(RepositoryRoot.Path, "graph", project);

            Assert.True(json.ExitCode == 0, json.ToString());
            using var graph = JsonDocument.Parse(json.Output);
            var names = graph.RootElement.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("name").GetString()!);
            var declared = graph.RootElement.GetProperty("edges").EnumerateArray()
                .Where(e => e.GetProperty("kind").GetString() == "declared")
                .Select(e => (names[e.GetProperty("from").GetString()!], names[e.GetProperty("to").GetString()!]))
                .ToHashSet();
            Assert.Contains(("MmapLock", "VmaLock"), declared);
            Assert.Contains(("VmaLock", "MemoryLock"), declared);
            Assert.Equal(0, graph.RootElement.GetProperty("cycles").GetArrayLength());
            Assert.All(graph.RootElement.GetProperty("edges").EnumerateArray(), e => Assert.False(e.GetProperty("onCycle").GetBoolean()));

            Assert.True(mermaid.ExitCode == 0, mermaid.ToString());
            var chart = MermaidChart.Parse(mermaid.Output);
            Assert.Contains(("MmapLock", "VmaLock", "==>", "declared"), chart.Edges);
            Assert.Contains(("VmaLock", "MemoryLock", "==>", "declared"), chart.Edges);
            Assert.Empty(chart.Styled);
        }
    }
}
