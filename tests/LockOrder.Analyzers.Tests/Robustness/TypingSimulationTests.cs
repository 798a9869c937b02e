using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockOrder.Analyzers.Tests.Robustness.Fuzzing;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace LockOrder.Analyzers.Tests.Robustness
{
    /// <summary>
    /// In the IDE the analyzer sees every prefix of a file as it is typed. This types the sample device
    /// (<see cref="SeedPrograms.Device"/>, about 3 KB: the fault path, the drop-and-retake zap loop, the command write,
    /// the BAR loop and the two-device try-lock) into an empty document, reparsing incrementally and reanalyzing after
    /// each step as an editor does. To keep the run bounded it types one character at a time through the zap loop —
    /// the method with the most lock-state changes, where half-typed enter/exit pairs and loops are densest — and 16
    /// characters at a time elsewhere.
    /// </summary>
    public sealed class TypingSimulationTests
    {
        private const int ChunkOutsideWindow = 16;

        /// <summary>Generous, for a 3 KB document: only a hang or a runaway analysis reaches it.</summary>
        private static readonly TimeSpan StepBound = TimeSpan.FromSeconds(10);

        private readonly ITestOutputHelper output;

        public TypingSimulationTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void TypingTheSampleDeviceNeverCrashesAndEveryStepFinishesWithinTheBound()
        {
            Assert.NotEmpty(LockOrderComponents.CreateAnalyzers());
            var sample = SeedPrograms.Device.Replace("\r\n", "\n", StringComparison.Ordinal);
            var windowStart = sample.IndexOf("    // Drop VmaLock", StringComparison.Ordinal);
            var windowEnd = sample.IndexOf("    public void WriteCommand", StringComparison.Ordinal);
            Assert.True(windowStart > 0 && windowEnd > windowStart);

            var tree = BoundedAnalysis.Parse(string.Empty);
            Compilation compilation = BoundedAnalysis.Compile(new[] { tree });
            var failures = new List<string>();
            var steps = 0;
            var slowest = TimeSpan.Zero;
            for (var typed = 0; typed < sample.Length && failures.Count < 3;)
            {
                var step = typed >= windowStart && typed < windowEnd ? 1 : Math.Min(ChunkOutsideWindow, sample.Length - typed);
                var text = tree.GetText().WithChanges(new TextChange(new TextSpan(typed, 0), sample.Substring(typed, step)));
                typed += step;
                steps++;

                var next = tree.WithChangedText(text);
                compilation = compilation.ReplaceSyntaxTree(tree, next);
                tree = next;

                var run = BoundedAnalysis.Run(compilation, StepBound);
                slowest = run.Elapsed > slowest ? run.Elapsed : slowest;
                if (run.Failure is { } failure)
                {
                    var path = Path.Combine(Path.GetTempPath(), "lockorder-typing", $"step-{steps}.cs");
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, text.ToString());
                    failures.Add($"after typing {typed} characters (step {steps}, text saved to {path}): {failure}");
                }
            }

            output.WriteLine($"{steps} steps, slowest analysis {slowest.TotalMilliseconds:F0} ms.");
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

            // Fully typed, the sample is the correct device: it must come out clean.
            Assert.Equal(sample, tree.GetText().ToString());
            var complete = BoundedAnalysis.Run(compilation, StepBound);
            Assert.True(complete.LockOrderDiagnostics.IsEmpty, complete.Describe());
        }
    }
}
