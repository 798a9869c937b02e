using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LockOrder.Analyzers.Tests.Robustness.Fuzzing
{
    /// <summary>
    /// The analyzer runs on every keystroke, on code it has never seen: it must not crash (AD0001) or stall on any
    /// text. These tests feed it the repository's own programs and thousands of mutations of them, and offer every
    /// code fix on whatever it reports.
    /// </summary>
    public sealed class AnalyzerFuzzTests
    {
        /// <summary>After this many failing variants the run stops: they are enough to start debugging.</summary>
        private const int MaxFailures = 5;

        /// <summary>Code fixes are offered for at most this many diagnostics per variant, to keep the run bounded.</summary>
        private const int FixedDiagnosticsPerVariant = 2;

        private readonly ITestOutputHelper output;

        public AnalyzerFuzzTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void EveryCorpusProgramIsAnalyzedAndFixedWithoutCrashing()
        {
            var settings = FuzzSettings.FromEnvironment();
            var corpus = SourceCorpus.All;
            Assert.NotEmpty(LockOrderComponents.CreateAnalyzers());
            Assert.NotEmpty(corpus);

            var failures = new List<string>();
            foreach (var entry in corpus)
            {
                var failure = Check(entry.Text, settings.VariantBound, interprocedural: true, out _);
                if (failure is not null)
                {
                    failures.Add(Report(entry.Text, $"unmutated {entry.Name}", Array.Empty<string>(), failure, $"corpus-{failures.Count}"));
                    if (failures.Count == MaxFailures)
                    {
                        break;
                    }
                }
            }

            output.WriteLine($"{corpus.Length} corpus programs analyzed.");
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
        }

        [Fact]
        public void MutatedProgramsAreAnalyzedAndFixedWithoutCrashingWithinTheBound()
        {
            var settings = FuzzSettings.FromEnvironment();
            var corpus = SourceCorpus.All;
            Assert.NotEmpty(LockOrderComponents.CreateAnalyzers());
            Assert.NotEmpty(corpus);

            var failures = new List<string>();
            var reported = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var stopwatch = Stopwatch.StartNew();
            var analyzed = 0;
            for (var index = settings.First; index < settings.First + settings.Variants && stopwatch.Elapsed < settings.Budget; index++)
            {
                var variant = SourceMutator.Variant(settings, index, corpus);

                // One variant in four runs with calls carrying annotations only, the escape hatch users turn on.
                var interprocedural = index % 4 != 0;
                var failure = Check(variant.Text, settings.VariantBound, interprocedural, out var run);
                analyzed++;
                foreach (var diagnostic in run?.LockOrderDiagnostics ?? default)
                {
                    reported[diagnostic.Id] = reported.TryGetValue(diagnostic.Id, out var count) ? count + 1 : 1;
                }

                if (failure is not null)
                {
                    var replay = $"seed {settings.Seed}, variant {index} (replay: LOCKORDER_FUZZ_SEED={settings.Seed} LOCKORDER_FUZZ_FIRST={index} LOCKORDER_FUZZ_VARIANTS=1)";
                    var what = $"{replay} from {variant.Origin.Name}{(interprocedural ? string.Empty : ", lockorder.interprocedural = false")}";
                    failures.Add(Report(variant.Text, what, variant.Mutations, failure, $"seed-{settings.Seed}-variant-{index}"));
                    if (failures.Count == MaxFailures)
                    {
                        break;
                    }
                }
            }

            output.WriteLine($"{settings}: {analyzed} variants of {corpus.Length} programs in {stopwatch.Elapsed.TotalSeconds:F1} s.");
            output.WriteLine("LockOrder diagnostics on the variants: " + string.Join(", ", reported.Select(pair => $"{pair.Key} x{pair.Value}")));
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
        }

        /// <summary>Analyzes <paramref name="source"/> and offers fixes for what is reported; the failure, if any.</summary>
        private static string? Check(string source, TimeSpan bound, bool interprocedural, out AnalysisRun? run)
        {
            var options = interprocedural ? null : GlobalAnalyzerOptions.Create(new Dictionary<string, string> { ["lockorder.interprocedural"] = "false" });
            run = BoundedAnalysis.Run(BoundedAnalysis.Compile(source), bound, options);
            if (run.Failure is { } failure)
            {
                return failure;
            }

            var fixFailures = CodeFixExerciser.Exercise(source, run, bound, FixedDiagnosticsPerVariant);
            return fixFailures.IsEmpty ? null : string.Join(Environment.NewLine, fixFailures);
        }

        /// <summary>Saves the failing text where a developer can open it and describes how to get it back.</summary>
        private static string Report(string source, string what, IReadOnlyList<string> mutations, string failure, string fileName)
        {
            var directory = Path.Combine(Path.GetTempPath(), "lockorder-fuzz");
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, fileName + ".cs");
            File.WriteAllText(path, source);

            var text = new StringBuilder();
            text.AppendLine($"Failing input: {what}");
            if (mutations.Count > 0)
            {
                text.AppendLine("Mutations: " + string.Join("; ", mutations));
            }

            text.AppendLine($"Source saved to {path}");
            text.Append(failure);
            return text.ToString();
        }
    }
}
