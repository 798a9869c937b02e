using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace LockOrder.Analyzers.Tests.Robustness
{
    /// <summary>
    /// In the IDE the analyzer sees every prefix of a file as it is typed. This types a real sample file — the
    /// four-lock cycle of <c>samples/BrokenDriver/BusResetCycle.cs</c>, in its project next to the sample's other
    /// files — into an empty document one character at a time, reparsing incrementally and reanalyzing the document
    /// after each keystroke as an editor does.
    /// </summary>
    public sealed class TypingSimulationTests
    {
        private const string SampleFolder = "samples/BrokenDriver";

        private const string TypedFile = "BusResetCycle.cs";

        /// <summary>What <c>ImplicitUsings</c> gives an SDK project, as the samples are built.</summary>
        private const string ImplicitUsings = """
            global using global::System;
            global using global::System.Collections.Generic;
            global using global::System.IO;
            global using global::System.Linq;
            global using global::System.Net.Http;
            global using global::System.Threading;
            global using global::System.Threading.Tasks;
            """;

        /// <summary>Generous, for one small document: only a hang or a runaway analysis reaches it.</summary>
        private static readonly TimeSpan StepBound = TimeSpan.FromSeconds(30);

        private readonly ITestOutputHelper output;

        public TypingSimulationTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void TypingARealSampleNeverCrashesAndEveryKeystrokeIsAnalyzedWithinTheBound()
        {
            Assert.NotEmpty(LockOrderComponents.CreateAnalyzers());
            var folder = Path.Combine(RepositoryRoot.Path, SampleFolder);
            var sample = File.ReadAllText(Path.Combine(folder, TypedFile)).Replace("\r\n", "\n", StringComparison.Ordinal);
            var project = Directory.EnumerateFiles(folder, "*.cs")
                .Where(path => Path.GetFileName(path) != TypedFile)
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => BoundedAnalysis.Parse(File.ReadAllText(path), Path.GetFileName(path)))
                .Append(BoundedAnalysis.Parse(ImplicitUsings, "GlobalUsings.g.cs"))
                .ToList();

            var tree = BoundedAnalysis.Parse(string.Empty, TypedFile);
            Compilation compilation = BoundedAnalysis.Compile(project.Append(tree));
            var failures = new List<string>();
            var slowest = TimeSpan.Zero;
            for (var typed = 0; typed < sample.Length && failures.Count < 3;)
            {
                var text = tree.GetText().WithChanges(new TextChange(new TextSpan(typed, 0), sample.Substring(typed, 1)));
                typed++;

                var next = tree.WithChangedText(text);
                compilation = compilation.ReplaceSyntaxTree(tree, next);
                tree = next;

                var run = BoundedAnalysis.RunOnDocument(compilation, tree, StepBound);
                slowest = run.Elapsed > slowest ? run.Elapsed : slowest;
                if (run.Failure is { } failure)
                {
                    var path = Path.Combine(Path.GetTempPath(), "lockorder-typing", $"after-{typed}-characters.cs");
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, text.ToString());
                    failures.Add($"after typing {typed} characters (text saved to {path}): {failure}");
                }
            }

            output.WriteLine($"{sample.Length} keystrokes, slowest analysis {slowest.TotalMilliseconds:F0} ms.");
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

            // Fully typed, the document must get exactly what the same file gets when opened whole: nothing of the
            // half-typed states may linger in what the analysis reports.
            Assert.Equal(sample, tree.GetText().ToString());
            var typedIn = BoundedAnalysis.Run(compilation, StepBound);
            var opened = BoundedAnalysis.Run(BoundedAnalysis.Compile(project.Append(BoundedAnalysis.Parse(sample, TypedFile))), StepBound);
            Assert.Null(typedIn.Failure);
            Assert.Null(opened.Failure);
            Assert.NotEmpty(opened.LockOrderDiagnostics);
            Assert.Equal(Describe(opened), Describe(typedIn));
        }

        private static List<string> Describe(AnalysisRun run) =>
            run.LockOrderDiagnostics
                .Select(diagnostic => $"{diagnostic.Location.GetLineSpan()} {AnalysisRun.Describe(diagnostic)}")
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToList();
    }
}
