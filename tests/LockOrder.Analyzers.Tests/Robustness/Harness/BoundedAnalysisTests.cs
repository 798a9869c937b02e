using System;
using System.Collections.Immutable;
using System.Linq;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LockOrder.Analyzers.Tests.Robustness.Harness
{
    /// <summary>
    /// The fuzz, pathological and typing tests are only worth something if the harness under them turns a crash or a
    /// hang into a failure: these run it on an analyzer that crashes and hangs on purpose.
    /// </summary>
    public sealed class BoundedAnalysisTests
    {
        private const string Program = """
            public sealed class Target
            {
                private void Report() { }
                private void Throw() { }
                private void Block() { }
                public void Good() => Report();
                public void Crash() => Throw();
                public void Hang() => Block();
            }
            """;

        [Fact]
        public void AWellBehavedAnalysisIsNoFailureAndItsDiagnosticsAreKept()
        {
            var analyzer = new MisbehavingAnalyzer();
            var run = Run(Program.Replace("=> Throw()", "=> Report()").Replace("=> Block()", "=> Report()"), analyzer, TimeSpan.FromSeconds(30));

            Assert.Null(run.Failure);
            Assert.Equal(3, run.Diagnostics.Count(diagnostic => diagnostic.Id == MisbehavingAnalyzer.Reported.Id));
        }

        [Fact]
        public void AnAnalyzerExceptionIsAFailureThatCarriesTheException()
        {
            var analyzer = new MisbehavingAnalyzer();
            var run = Run(Program.Replace("=> Block()", "=> Report()"), analyzer, TimeSpan.FromSeconds(30));

            Assert.False(run.TimedOut);
            Assert.NotNull(run.Failure);
            Assert.Contains(MisbehavingAnalyzer.ExceptionMessage, run.Failure, StringComparison.Ordinal);
        }

        [Fact]
        public void AnAnalysisThatIgnoresCancellationPastItsBoundIsAFailure()
        {
            var analyzer = new MisbehavingAnalyzer();
            try
            {
                // The bound must leave the driver time to reach the blocking action, cold start included.
                var run = Run(Program.Replace("=> Throw()", "=> Report()"), analyzer, TimeSpan.FromSeconds(10));

                Assert.True(analyzer.Blocking.IsSet, "the blocking action never ran");
                Assert.True(run.TimedOut);
                Assert.NotNull(run.Failure);
            }
            finally
            {
                analyzer.Release.Set();
            }
        }

        private static AnalysisRun Run(string source, DiagnosticAnalyzer analyzer, TimeSpan bound)
        {
            var compilation = BoundedAnalysis.Compile(source);
            Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
            return BoundedAnalysis.Run(compilation, ImmutableArray.Create(analyzer), bound, grace: TimeSpan.FromSeconds(2));
        }
    }
}
