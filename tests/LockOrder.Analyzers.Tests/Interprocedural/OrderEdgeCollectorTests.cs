using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LockOrder.Analyzers.Tests.Interprocedural
{
    /// <summary>
    /// LOCK008 from recorded edges: two paths that take lock classes in opposite orders deadlock when they run at
    /// the same time, even though each method alone is fine.
    /// </summary>
    public sealed class OrderEdgeCollectorTests
    {
        private const string Source = @"using LockOrder;
sealed class LockA : MutexLock { }
sealed class LockB : MutexLock { }
sealed class LockC : MutexLock { }
[AcquiredBefore(typeof(OrderedLater))] sealed class OrderedFirst : MutexLock { }
sealed class OrderedLater : MutexLock { }
class Paths
{
    LockA a = new LockA(); LockB b = new LockB(); LockC c = new LockC();
    void First() { a.Enter(); b.Enter(); b.Exit(); a.Exit(); }
    void Second() { b.Enter(); a.Enter(); a.Exit(); b.Exit(); }
    void Third() { c.Enter(); a.Enter(); a.Exit(); c.Exit(); }
    void Fourth() { b.Enter(); c.Enter(); c.Exit(); b.Exit(); }
    void Helper() { c.Enter(); c.Exit(); }
}
";

        private readonly SummaryTestCompilation test = SummaryTestCompilation.Create(Source);

        private LockClass Class(string name) => LockClass.OfType(test.Type(name));

        /// <summary>The location of the <paramref name="occurrence"/>-th (0-based) <paramref name="text"/> in the source.</summary>
        private Location At(string text, int occurrence = 0)
        {
            int index = -1;
            for (int i = 0; i <= occurrence; i++)
            {
                index = Source.IndexOf(text, index + 1, System.StringComparison.Ordinal);
            }

            Assert.True(index >= 0, "no " + text);
            var tree = test.Compilation.SyntaxTrees.Single();
            return Location.Create(tree, new TextSpan(index, text.Length));
        }

        private List<Diagnostic> Report(OrderEdgeCollector collector)
        {
            var diagnostics = new List<Diagnostic>();
            collector.ReportInversions(diagnostics.Add, CancellationToken.None);
            return diagnostics;
        }

        private static int Line(Location location) => location.GetLineSpan().StartLinePosition.Line + 1;

        [Fact]
        public void AbbaBetweenTwoMethodsIsReportedOnceWithBothEdges()
        {
            var collector = new OrderEdgeCollector(test.Model);
            collector.Record(Class("LockA"), Class("LockB"), At("a.Enter()", 0), At("b.Enter()", 0), "");
            collector.Record(Class("LockB"), Class("LockA"), At("b.Enter()", 1), At("a.Enter()", 1), "");

            var diagnostic = Assert.Single(Report(collector));

            Assert.Equal("LOCK008", diagnostic.Id);
            Assert.Equal(
                "Lock-order inversion LockA → LockB → LockA: LockA → LockB in Paths.First (Test.cs:10), LockB → LockA in Paths.Second (Test.cs:11); declare the order with [AcquiredBefore] and take the locks in that order everywhere",
                diagnostic.GetMessage());
            Assert.Equal(At("b.Enter()", 0), diagnostic.Location);
            Assert.Equal(new[] { At("a.Enter()", 1) }, diagnostic.AdditionalLocations);
        }

        [Fact]
        public void ThreeClassCycleThroughAHelperIsReportedOnceNamingTheHelper()
        {
            var collector = new OrderEdgeCollector(test.Model);
            collector.Record(Class("LockC"), Class("LockA"), At("c.Enter()", 0), At("a.Enter()", 2), "");
            collector.Record(Class("LockA"), Class("LockB"), At("a.Enter()", 0), At("b.Enter()", 0), "");
            collector.Record(Class("LockB"), Class("LockC"), At("b.Enter()", 2), At("c.Enter()", 1), " via Paths.Helper → LockC.Enter");

            var diagnostic = Assert.Single(Report(collector));

            Assert.Equal(
                "Lock-order inversion LockA → LockB → LockC → LockA: LockA → LockB in Paths.First (Test.cs:10), LockB → LockC in Paths.Fourth via Paths.Helper → LockC.Enter (Test.cs:13), LockC → LockA in Paths.Third (Test.cs:12); declare the order with [AcquiredBefore] and take the locks in that order everywhere",
                diagnostic.GetMessage());
            Assert.Equal(At("b.Enter()", 0), diagnostic.Location);
            Assert.Equal(new[] { Line(At("c.Enter()", 1)), Line(At("a.Enter()", 2)) }, diagnostic.AdditionalLocations.Select(Line));
        }

        [Fact]
        public void ViaWithoutPrefixIsDescribedTheSameWay()
        {
            var collector = new OrderEdgeCollector(test.Model);
            collector.Record(Class("LockA"), Class("LockB"), At("a.Enter()", 0), At("b.Enter()", 0), "Paths.Helper → LockB.Enter");
            collector.Record(Class("LockB"), Class("LockA"), At("b.Enter()", 1), At("a.Enter()", 1), "");

            Assert.Contains("LockA → LockB in Paths.First via Paths.Helper → LockB.Enter (Test.cs:10)", Assert.Single(Report(collector)).GetMessage());
        }

        [Fact]
        public void EachGroupOfLocksThatCanDeadlockIsReportedOnceByItsShortestCycle()
        {
            // A ⇄ B, B ⇄ C, A → C: one group {A, B, C} with the cycles A→B→A, B→C→B, A→C→B→A. One report names the
            // group by its shortest cycle (the first by class name among equals): a single wrong edge, or a knot of many
            // locks, is one finding, not one per cycle; fixing the order there changes the group's other cycles too.
            var collector = new OrderEdgeCollector(test.Model);
            collector.Record(Class("LockA"), Class("LockB"), At("a.Enter()", 0), At("b.Enter()", 0), "");
            collector.Record(Class("LockB"), Class("LockA"), At("b.Enter()", 1), At("a.Enter()", 1), "");
            collector.Record(Class("LockB"), Class("LockC"), At("b.Enter()", 2), At("c.Enter()", 1), "");
            collector.Record(Class("LockC"), Class("LockB"), At("c.Enter()", 0), At("a.Enter()", 2), "");
            collector.Record(Class("LockA"), Class("LockC"), At("a.Enter()", 0), At("c.Enter()", 2), "");

            var cycles = Report(collector).Select(d => d.GetMessage().Split(':')[0]).ToArray();

            Assert.Equal(new[] { "Lock-order inversion LockA → LockB → LockA" }, cycles);
        }

        [Fact]
        public void EdgeAgainstTheDeclaredOrderIsLeftToLock001()
        {
            var collector = new OrderEdgeCollector(test.Model);
            collector.Record(Class("OrderedFirst"), Class("OrderedLater"), At("a.Enter()", 0), At("b.Enter()", 0), "");
            collector.Record(Class("OrderedLater"), Class("OrderedFirst"), At("b.Enter()", 1), At("a.Enter()", 1), "");

            Assert.Empty(Report(collector));
        }

        [Fact]
        public void CycleThroughADeclaredEdgeAndUndeclaredOnesIsReported()
        {
            var collector = new OrderEdgeCollector(test.Model);
            collector.Record(Class("OrderedFirst"), Class("OrderedLater"), At("a.Enter()", 0), At("b.Enter()", 0), "");
            collector.Record(Class("OrderedLater"), Class("LockC"), At("b.Enter()", 1), At("a.Enter()", 1), "");
            collector.Record(Class("LockC"), Class("OrderedFirst"), At("c.Enter()", 0), At("a.Enter()", 2), "");

            var diagnostic = Assert.Single(Report(collector));

            Assert.StartsWith("Lock-order inversion LockC → OrderedFirst → OrderedLater → LockC:", diagnostic.GetMessage());
        }

        [Fact]
        public void WithoutAModelEveryEdgeTakesPartUntilTheModelIsSet()
        {
            var collector = new OrderEdgeCollector();
            collector.Record(Class("OrderedFirst"), Class("OrderedLater"), At("a.Enter()", 0), At("b.Enter()", 0), "");
            collector.Record(Class("OrderedLater"), Class("OrderedFirst"), At("b.Enter()", 1), At("a.Enter()", 1), "");

            Assert.Single(Report(collector));
            collector.Model = test.Model;
            Assert.Empty(Report(collector));
        }

        [Fact]
        public void ConsistentOrderSameClassAndSingleEdgesReportNothing()
        {
            var collector = new OrderEdgeCollector(test.Model);
            collector.Record(Class("LockA"), Class("LockB"), At("a.Enter()", 0), At("b.Enter()", 0), "");
            collector.Record(Class("LockA"), Class("LockB"), At("a.Enter()", 1), At("b.Enter()", 1), "");
            collector.Record(Class("LockB"), Class("LockC"), At("b.Enter()", 2), At("c.Enter()", 1), "");
            collector.Record(Class("LockA"), Class("LockA"), At("a.Enter()", 0), At("a.Enter()", 1), "");

            Assert.Empty(Report(collector));
        }

        [Fact]
        public void ReportDoesNotDependOnRecordingOrderAndNamesTheFirstSightingInSource()
        {
            var sightings = new (string Held, string Acquired, Location HeldAt, Location AcquiredAt)[]
            {
                ("LockA", "LockB", At("a.Enter()", 2), At("b.Enter()", 2)),
                ("LockA", "LockB", At("a.Enter()", 0), At("b.Enter()", 0)),
                ("LockB", "LockA", At("b.Enter()", 1), At("a.Enter()", 1)),
                ("LockB", "LockA", At("c.Enter()", 0), At("a.Enter()", 2)),
            };

            var forward = new OrderEdgeCollector(test.Model);
            foreach (var s in sightings)
            {
                forward.Record(Class(s.Held), Class(s.Acquired), s.HeldAt, s.AcquiredAt, "");
            }

            var backward = new OrderEdgeCollector(test.Model);
            foreach (var s in sightings.Reverse())
            {
                backward.Record(Class(s.Held), Class(s.Acquired), s.HeldAt, s.AcquiredAt, "");
            }

            var first = Assert.Single(Report(forward));
            var second = Assert.Single(Report(backward));
            Assert.Equal(first.GetMessage(), second.GetMessage());
            Assert.Equal(first.Location, second.Location);
            Assert.Contains("LockA → LockB in Paths.First (Test.cs:10), LockB → LockA in Paths.Second (Test.cs:11)", first.GetMessage());
        }
    }
}
