using System;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using LockOrder.Analyzers.Interprocedural;
using Xunit;
using Xunit.Abstractions;

namespace LockOrder.Analyzers.Tests.Robustness.Bounds
{
    /// <summary>
    /// No input may make the analysis unbounded, so it stops at documented bounds (docs/bounds.md). Past a
    /// bound a user must be told — one LOCK011 "Lock analysis incomplete" — and must never get a wrong error: the
    /// analysis may only report less.
    /// </summary>
    public sealed class AnalysisBoundTests
    {
        /// <summary>Deadlock detector only.</summary>
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

        /// <summary>Over <c>BodyEffectWalker.MaxOperationsPerBody</c> (50,000) operations at three or more per statement.</summary>
        private const int StatementsBeyondTheBodyBound = 40_000;

        /// <summary>Over <c>SummaryProvider.MaxMethodsPerComputation</c> (4,096).</summary>
        private const int MethodsBeyondTheExplorationBound = 4_600;

        private readonly ITestOutputHelper output;

        public AnalysisBoundTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void FaultInACalleeTooLargeToSummarizeIsReportedAsIncompleteAnalysis()
        {
            var source = BoundCrossingSources.CalleeTooLargeToSummarize(StatementsBeyondTheBodyBound, faultInTheMiddle: true);
            Verify(source, Completeness.MustBeIncomplete);
        }

        [Fact]
        public void CorrectCalleeTooLargeToSummarizeGetsNoError()
        {
            var source = BoundCrossingSources.CalleeTooLargeToSummarize(StatementsBeyondTheBodyBound, faultInTheMiddle: false);
            Verify(source, Completeness.MustBeIncomplete);
        }

        [Fact]
        public void FaultAtTheEndOfACallChainLongerThanTheExplorationBoundIsFoundOrReportedAsIncomplete()
        {
            var source = BoundCrossingSources.CallChainLongerThanTheExplorationBound(MethodsBeyondTheExplorationBound);
            Verify(source, Completeness.MayBeIncomplete);
        }

        [Fact]
        public void AnOverridePastTheFanOutBoundIsNotFollowed()
        {
            // A plug-in point: which override runs depends on the object, so none is guessed — no diagnostic, and no
            // LOCK011 either (the analysis of the call is as complete as the program text allows).
            var source = BoundCrossingSources.DispatchWiderThanTheFanOutBound(DispatchIndex.MaxTargets + 1, followed: false);
            Verify(source, Completeness.Complete);
        }

        [Fact]
        public void AnOverrideWithinTheFanOutBoundIsFollowed()
        {
            var source = BoundCrossingSources.DispatchWiderThanTheFanOutBound(DispatchIndex.MaxTargets, followed: true);
            Verify(source, Completeness.Complete);
        }

        [Fact]
        public void InversionsBeyondTheCycleSearchBoundAreReportedAsIncompleteAnalysis()
        {
            // More separate groups of undeclared classes taken in both orders than the search reports: every one is a
            // real inversion (LOCK008), and the ones past the bound are said to be missing (LOCK011).
            var source = BoundCrossingSources.InversionsBeyondTheSearchBound(pairs: InversionCycleFinder.MaxCycles + 10);
            Verify(source, Completeness.MustBeIncomplete, "LOCK008");
        }

        private void Verify(string source, Completeness completeness, params string[] correctAnywhere)
        {
            var compilation = BoundedAnalysis.Compile(source, nullable: false);
            ValidInput.AssertCompiles(compilation);
            var run = BoundedAnalysis.Run(compilation, Bound);
            output.WriteLine(ExpectedDiagnostics.Verify(run, completeness, exactWithinType: null, correctAnywhere));
        }
    }
}
