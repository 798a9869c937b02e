using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using LockOrder.Analyzers.Tests.Robustness.Fuzzing;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using LockOrder.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace LockOrder.Analyzers.Tests.Flow
{
    /// <summary>
    /// The analyzer settles most bodies with a walk over their operation trees and leaves the rest to the analysis
    /// over their control-flow graphs, and summarizes callees whose syntax proves them effect-free without binding
    /// them. Users must not be able to tell: on every program of the repository (every embedded test program, the
    /// samples, the reference device) and on seeded mutations of them, the shipped analyzer reports exactly — rule,
    /// location, additional locations, message — what the reference analyzer with both shortcuts off reports,
    /// LOCK008 inversions included.
    /// </summary>
    public sealed class StructuredFastPathEquivalenceTests
    {
        /// <summary>Mutated variants compared per run (each is analyzed twice); bounded by <see cref="Budget"/> as well.</summary>
        private const int MutatedVariants = 400;

        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

        private readonly ITestOutputHelper output;

        public StructuredFastPathEquivalenceTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void EveryCorpusProgramGetsTheSameDiagnosticsWithAndWithoutTheShortcuts()
        {
            var corpus = SourceCorpus.All;
            Assert.NotEmpty(corpus);
            var differences = new List<string>();
            int withDiagnostics = 0;
            foreach (var entry in corpus)
            {
                var (difference, reported) = Compare(entry.Text, entry.Name);
                withDiagnostics += reported ? 1 : 0;
                if (difference is not null)
                {
                    differences.Add(difference);
                }
            }

            output.WriteLine($"{corpus.Length} programs compared, {withDiagnostics} with LockOrder diagnostics.");

            // A comparison that saw no diagnostic would prove nothing (many corpus entries are fragments that do not compile).
            Assert.True(withDiagnostics >= 20, $"only {withDiagnostics} of {corpus.Length} programs had diagnostics");
            Assert.True(differences.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, differences.Take(5)));
        }

        [Fact]
        public void MutatedProgramsGetTheSameDiagnosticsWithAndWithoutTheShortcuts()
        {
            var settings = FuzzSettings.FromEnvironment();
            var corpus = SourceCorpus.All;
            var differences = new List<string>();
            var stopwatch = Stopwatch.StartNew();
            int compared = 0;
            int compilerFailures = 0;
            for (int index = settings.First; index < settings.First + MutatedVariants && stopwatch.Elapsed < Budget; index++)
            {
                var variant = SourceMutator.Variant(settings, index, corpus);
                var (difference, _) = Compare(variant.Text, $"seed {settings.Seed}, variant {index} from {variant.Origin.Name} ({string.Join("; ", variant.Mutations)})");
                if (difference == CompilerFailed)
                {
                    compilerFailures++;
                    continue;
                }

                compared++;
                if (difference is not null)
                {
                    differences.Add(difference);
                }
            }

            output.WriteLine($"{compared} mutated variants compared in {stopwatch.Elapsed.TotalSeconds:F1} s ({compilerFailures} on which the compiler itself failed, so there was nothing to compare).");
            Assert.True(compared > 0);
            Assert.True(differences.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, differences.Take(5)));
        }

        /// <summary>What <see cref="Compare"/> says when the compiler itself threw on the program (a mutation can hit a compiler bug).</summary>
        private const string CompilerFailed = "the compiler failed";

        /// <summary>The difference between the two analyzers on <paramref name="source"/> (null when none), and whether anything was reported.</summary>
        private static (string? Difference, bool Reported) Compare(string source, string name)
        {
            var program = LockOrderVerifier.AsProgram(source);
            var compilation = BoundedAnalysis.Compile(program);
            var shipped = Run(compilation, shortcuts: true);
            if (shipped.IsDefault)
            {
                return (CompilerFailed, false);
            }

            var reference = Run(compilation, shortcuts: false);
            if (reference.IsDefault)
            {
                return (CompilerFailed, false);
            }

            if (shipped.SequenceEqual(reference))
            {
                return (null, shipped.Length > 0);
            }

            var saved = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lockorder-fastpath-" + (uint)name.GetHashCode() + ".cs");
            System.IO.File.WriteAllText(saved, program);
            return ($"{name} (saved to {saved}):{Environment.NewLine}  shipped:{Environment.NewLine}    {string.Join(Environment.NewLine + "    ", shipped)}"
                + $"{Environment.NewLine}  reference (no shortcuts):{Environment.NewLine}    {string.Join(Environment.NewLine + "    ", reference)}", true);
        }

        /// <summary>An exception out of the compilation itself, not out of an analyzer callback (those are reported as analyzer exceptions).</summary>
        private static bool IsCompilerCrash(string crash) =>
            crash.StartsWith("the analysis itself threw: ", StringComparison.Ordinal) && !crash.Contains("LockOrder.Analyzers.", StringComparison.Ordinal);

        /// <summary>The analyzer's diagnostics, described; default when the compiler itself threw on the program.</summary>
        private static ImmutableArray<string> Run(Compilation compilation, bool shortcuts)
        {
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new LockOrderAnalyzer(shortcuts));
            var run = BoundedAnalysis.Run(compilation, analyzers, Bound, Bound);
            if (!run.TimedOut && run.Crashes.Length > 0 && run.Crashes.All(IsCompilerCrash))
            {
                return default;
            }

            Assert.True(run.Failure is null, run.Failure);
            return run.LockOrderDiagnostics
                .Select(diagnostic => AnalysisRun.Describe(diagnostic) + " [also at " + string.Join(", ", diagnostic.AdditionalLocations.Select(location => location.GetLineSpan().StartLinePosition)) + "]")
                .OrderBy(text => text, StringComparer.Ordinal)
                .ToImmutableArray();
        }
    }
}
