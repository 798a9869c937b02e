using System;
using System.Linq;
using LockOrder.Analyzers.Flow;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LockOrder.Analyzers.Tests.Robustness.Pathological
{
    /// <summary>
    /// Inputs at the extremes — huge methods, deep nesting, long call cycles, huge files, nonsense annotations — must
    /// be analyzed without a crash, within a deadlock-style bound, and still with the right diagnostics (or, past a
    /// documented bound, fewer diagnostics plus LOCK011; never a wrong one).
    /// </summary>
    public sealed class PathologicalInputTests
    {
        /// <summary>Far beyond any expected duration: only a hang or a runaway analysis reaches it.</summary>
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

        /// <summary>
        /// Added to <see cref="Bound"/> per second the compiler itself needed to bind the input (the analysis binds it
        /// again, then analyzes): the compiler's own cost on some extremes is superlinear and not what is under test.
        /// </summary>
        private static readonly TimeSpan CompilerTimeAllowance = TimeSpan.FromSeconds(4);

        private readonly ITestOutputHelper output;

        public PathologicalInputTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void MethodOf20000StatementsIsAnalyzed()
        {
            var source = PathologicalSources.HugeMethod(statements: 20_000);
            Analyze(source, Completeness.Complete, exerciseFixes: true);
        }

        [Fact]
        public void UsingScopesNested500DeepAreAnalyzed()
        {
            // 500 locks held at once is far past the held-set bound: the analysis stops short, says so, and reports
            // nothing wrong about the locks it no longer tracks.
            const int Depth = 500;
            Assert.True(Depth > LockState.MaxHeldLocks);
            var source = PathologicalSources.NestedUsings(Depth);
            Analyze(source, Completeness.MustBeIncomplete, exerciseFixes: true);
        }

        [Fact]
        public void UsingScopesNestedUpToTheHeldSetBoundAreAnalyzedCompletely()
        {
            // The nested scopes and the memory lock inside them: exactly as many locks held at once as the bound allows.
            var source = PathologicalSources.NestedUsings(depth: LockState.MaxHeldLocks - 1);
            Analyze(source, Completeness.Complete, exerciseFixes: true);
        }

        [Fact]
        public void LoopWith1000TryAcquisitionsIsAnalyzed()
        {
            var source = PathologicalSources.LoopOfTryAcquisitions(tries: 1_000);
            Analyze(source, Completeness.Complete, exerciseFixes: true);
        }

        [Fact]
        public void CallCycleOf5000MethodsTouchingUserMemoryIsAnalyzed()
        {
            // The fault is 2,500 calls deep: past the summary depth, the analysis may stop short and say so.
            var source = PathologicalSources.CallCycle(methods: 5_000);
            Analyze(source, Completeness.MayBeIncomplete, exerciseFixes: true);
        }

        [Fact]
        public void SwitchWith5000CasesIsAnalyzed()
        {
            var source = PathologicalSources.HugeSwitch(cases: 5_000);
            Analyze(source, Completeness.Complete, exerciseFixes: true);
        }

        [Fact]
        public void FileOf100000LinesIsAnalyzed()
        {
            var source = PathologicalSources.HugeFile(lines: 100_000);
            Assert.True(source.Count(character => character == '\n') >= 100_000);
            Analyze(source, Completeness.Complete, exerciseFixes: false);
        }

        [Fact]
        public void AnnotationsNamingTypesThatDoNotExistAreTolerated()
        {
            var source = PathologicalSources.AnnotationsNamingMissingTypes();
            Analyze(source, Completeness.Complete, exerciseFixes: true, exactWithinType: "RealViolation");
        }

        [Fact]
        public void AnnotationsWithArgumentsOfTheWrongTypeAreTolerated()
        {
            var source = PathologicalSources.AnnotationsWithWrongArguments();
            Analyze(source, Completeness.Complete, exerciseFixes: true, exactWithinType: "RealViolation");
        }

        private void Analyze(string source, Completeness completeness, bool exerciseFixes, string? exactWithinType = null)
        {
            // Nullable off: the compiler's own nullable analysis is superlinear on these shapes and is not under test.
            var compilation = BoundedAnalysis.Compile(source, nullable: false);
            var bound = Bound;
            if (exactWithinType is null)
            {
                // A generated input that does not compile would test error recovery, not the extreme it is named after.
                bound += CompilerTimeAllowance * ValidInput.AssertCompiles(compilation).TotalSeconds;
            }

            var run = BoundedAnalysis.Run(compilation, bound);
            output.WriteLine(ExpectedDiagnostics.Verify(run, completeness, exactWithinType));
            if (exerciseFixes)
            {
                var failures = CodeFixExerciser.Exercise(source, run, bound, maxDiagnostics: 1);
                Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
            }
        }
    }
}
