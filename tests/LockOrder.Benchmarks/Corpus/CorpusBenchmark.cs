using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockOrder.Benchmarks.AnalyzerCost;

namespace LockOrder.Benchmarks.Corpus
{
    /// <summary>
    /// Measures the analyzer on a folder of real source the way the generated workloads are measured: every C# file
    /// under it as one compilation, against the same framework references (plus LockOrder.Runtime), warmed up the same
    /// way, the same rounds of the compiler, LockOrder, the control and the graph floor, the same ratio lines. A real
    /// code base is several projects with package references this program does not have, so some of it does not bind:
    /// the compiler's errors are counted and printed beside the ratio, for the reader to judge. What LockOrder reports
    /// can be written to a file to triage; an analyzer exception fails the run.
    /// </summary>
    internal static class CorpusBenchmark
    {
        internal const int DefaultRuns = 3;

        /// <returns>0; 1 if an analyzer threw; 2 if there is nothing to measure.</returns>
        internal static int Run(string folder, string? diagnosticsPath, bool quick, int runs, bool interprocedural)
        {
            if (!Directory.Exists(folder))
            {
                Console.Error.WriteLine($"corpus: no folder {folder}");
                return 2;
            }

            Console.Error.WriteLine($"reading the C# files under {folder}...");
            var corpus = CorpusReader.Read(folder);
            if (corpus.Files.Count == 0)
            {
                Console.Error.WriteLine($"corpus: no C# file under {folder} (outside bin, obj and hidden folders)");
                return 2;
            }

            var settings = ProjectSettings.Read(folder, corpus.ProjectFiles);
            var files = settings.GlobalUsings is { } globalUsings ? corpus.Files.Append(globalUsings).ToList() : corpus.Files.ToList();
            Console.Error.WriteLine($"  read {corpus.Files.Count:N0} files ({corpus.Lines:N0} lines); counting their methods...");
            int methods = CorpusReader.CountMethods(files, settings.ParseOptions);
            // The folder as given: "src" alone would not say whose.
            string name = folder.TrimEnd('/', Path.DirectorySeparatorChar);
            var source = WorkloadSource.Corpus(name, files, corpus.Lines, methods);

            var benchmark = AnalyzerBenchmark.Create(interprocedural, settings.ParseOptions, settings.CompilationOptions);
            Console.WriteLine($"corpus:     {Path.GetFullPath(folder)}: {corpus.Files.Count:N0} C# files{(settings.GlobalUsings is null ? string.Empty : " (and the implicit usings file the SDK would generate)")}, {corpus.Lines:N0} lines, {methods:N0} method bodies, as one compilation");
            Console.WriteLine($"            left out: {corpus.SkippedFolders} bin, obj, node_modules, hidden or linked folders; {corpus.Skipped.Count} files that could not be read{(corpus.Skipped.Count > 0 ? " (" + string.Join("; ", corpus.Skipped.Take(3)) + (corpus.Skipped.Count > 3 ? "; ..." : string.Empty) + ")" : string.Empty)}");
            Console.WriteLine($"settings:   from {settings.Projects} project files: nullable {(settings.Nullable ? "enabled" : "disabled")} ({settings.NullableReason}), implicit usings {(settings.ImplicitUsingsOn ? "added" : "not added")} ({settings.ImplicitUsingsReason}); unsafe code allowed; the SDK's net{Environment.Version.Major}.0 Release symbols");
            Console.WriteLine();

            benchmark.WarmUp(quick);
            var result = benchmark.Measure(source, runs, progress: true)
                ?? throw new InvalidOperationException("A corpus is measured whatever the compiler says of it.");
            AnalyzerReport.Print(new List<WorkloadResult> { result }, Console.Out);
            if (diagnosticsPath is not null)
            {
                DiagnosticsFile.Write(diagnosticsPath, Path.GetFullPath(folder), result);
                Console.WriteLine($"diagnostics: {result.Diagnostics.Count} LockOrder diagnostics and {result.Failures.Count} analyzer exceptions written to {diagnosticsPath}");
            }

            foreach (var failure in result.Failures)
            {
                Console.Error.WriteLine($"ANALYZER EXCEPTION (AD0001): {failure.Describe()}\n{failure.Context}");
            }

            // The analyzer must never throw, on any code.
            return result.Failures.Count > 0 ? 1 : 0;
        }
    }
}
