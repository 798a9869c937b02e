using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LockOrder.Benchmarks.Generation;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>Prints the analyzer benchmark's table and its summary lines (the last line is the one CI and the docs quote).</summary>
    internal static class AnalyzerReport
    {
        // DESIGN §10.
        private const double LockHeavyRatioTarget = 0.25;
        private const double OrdinaryRatioTarget = 0.05;
        private const double GrowthTarget = 1.3;

        // Issue 19: code that locks with the BCL's primitives.
        private const double BclLockHeavyRatioTarget = 0.20;

        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        private static string Verdict(bool met) => met ? "met" : "NOT MET";

        internal static void Print(IReadOnlyList<WorkloadResult> results, TextWriter output)
        {
            output.WriteLine(string.Format(
                Inv,
                "{0,-14} {1,8} {2,7} {3,4} {4,8} {5,11} {6,11} {7,6} {8,8} {9,11} | {10,11} {11,11} {12,6} {13,8} | {14,6} {15,9} {16,6} | {17}",
                "shape", "lines", "methods", "runs", "parse ms", "compiler ms", "analyzer ms", "ratio", "µs/line", "CWA wall ms", "compiler", "analyzer", "ratio", "µs/line", "graphs", "graphs", "ratio", "analyzer diagnostics"));
            output.WriteLine(string.Format(
                Inv,
                "{0,-14} {1,8} {2,7} {3,4} {4,8} {5,11} {6,11} {7,6} {8,8} {9,11} | {10,11} {11,11} {12,6} {13,8} | {14,6} {15,9} {16,6} |",
                string.Empty, string.Empty, string.Empty, string.Empty, "(wall)", "(wall)", "(telemetry)", string.Empty, string.Empty, "(wall)", "cpu ms", "cpu ms", "cpu", "cpu", "bodies", "cpu ms", "cpu"));
            foreach (var r in results)
            {
                output.WriteLine(string.Format(
                    Inv,
                    "{0,-14} {1,8} {2,7} {3,4} {4,8:F0} {5,11:F0} {6,11:F1} {7,6:F3} {8,8:F2} {9,11:F0} | {10,11:F0} {11,11:F1} {12,6:F3} {13,8:F2} | {14,6} {15,9:F1} {16,6:F3} | {17}",
                    r.Source.Generated is null ? "corpus" : r.Source.Name,
                    r.Source.Lines,
                    r.Source.Methods,
                    r.Runs,
                    r.ParseMs,
                    r.CompilerMs,
                    r.Analyzer.TelemetryMs,
                    r.Ratio,
                    r.AnalyzerMicrosecondsPerLine,
                    r.Analyzer.RunWallMs,
                    r.CompilerCpuMs,
                    r.Analyzer.CpuMs,
                    r.CpuRatio,
                    r.AnalyzerCpuMicrosecondsPerLine,
                    r.GraphBodies,
                    r.GraphCpuMs,
                    r.GraphCpuRatio,
                    Diagnostics(r.DiagnosticsById)));
            }

            output.WriteLine();
            foreach (var r in results)
            {
                PrintDetails(r, output);
            }

            output.WriteLine();
            var generated = results.Where(r => r.Source.Generated is not null).ToList();
            if (generated.Count > 0)
            {
                int falsePositives = generated.Sum(r => r.DiagnosticsById.Values.Sum());
                output.WriteLine(falsePositives == 0
                    ? "analyzer diagnostics on the generated (clean by construction) code: 0"
                    : $"analyzer diagnostics on the generated (clean by construction) code: {falsePositives} — FALSE POSITIVES, see the table");
            }

            PrintOrdinary(Of(results, CodeShape.Ordinary), "ordinary code", output);
            PrintOrdinary(Of(results, CodeShape.BclOrdinary), "BCL ordinary code", output);
            PrintLockHeavy(Of(results, CodeShape.BclLockHeavy), "BCL lock-heavy code", BclLockHeavyRatioTarget, output);
            foreach (var r in results.Where(r => r.Source.Generated is null))
            {
                PrintCorpus(r, output);
            }

            var heavy = Of(results, CodeShape.LockHeavy);
            if (PrintLockHeavy(heavy, "lock-heavy code", LockHeavyRatioTarget, output))
            {
                var max = heavy.OrderByDescending(r => r.Ratio).First();
                double? growth = PerLineGrowth(heavy[0], heavy[heavy.Count - 1], r => r.Analyzer.TelemetryMs);
                output.WriteLine(string.Format(
                    Inv,
                    "analyzer/compiler: max ratio {0:F3} (at {1} lines), per-line growth {2}",
                    max.Ratio,
                    max.Source.Lines,
                    growth is double value ? value.ToString("F2", Inv) : "n/a"));
            }
        }

        private static List<WorkloadResult> Of(IReadOnlyList<WorkloadResult> results, CodeShape shape) =>
            results.Where(r => r.Source.Generated?.Shape == shape).OrderBy(r => r.Source.Lines).ToList();

        private static void PrintDetails(WorkloadResult r, TextWriter output)
        {
            if (r.Source.Generated is { } code)
            {
                output.WriteLine(code.Shape.IsBcl() ? BclStatistics(code) : DeviceStatistics(code));
            }
            else
            {
                output.WriteLine(string.Format(
                    Inv,
                    "corpus {0}: {1} files, {2} lines, {3} method bodies; the compiler: {4} errors{5}, {6} warnings{7}",
                    r.Source.Name,
                    r.Source.Files.Count,
                    r.Source.Lines,
                    r.Source.Methods,
                    r.Check.Errors,
                    ById(r.Check.ErrorsById),
                    r.Check.Warnings,
                    ById(r.Check.WarningsById)));
            }

            output.WriteLine(string.Format(
                Inv,
                "  analyzer CPU ratio {0:F3}; building Roslyn's control-flow graphs for the {1} bodies that take a lock (call a lock contract or take a BCL lock) alone would cost {2:F3} (what the structured fast path saves on the bodies it settles){3}",
                r.CpuRatio,
                r.GraphBodies,
                r.GraphCpuRatio,
                r.GraphFailures > 0 ? $"; {r.GraphFailures} bodies Roslyn made no graph of" : string.Empty));
            output.WriteLine(string.Format(
                Inv,
                "  analyzer telemetry {0:F0} ms: {1:F0} ms of CPU, {2:F0} ms suspended for garbage collections, {3:F0} ms else (waiting for a core, the driver)",
                r.Analyzer.TelemetryMs,
                r.Analyzer.CpuMs,
                r.Analyzer.GcPauseMs,
                r.Analyzer.OtherMs));
            output.WriteLine(string.Format(
                Inv,
                "  the analysis run: {0:F0} ms, {1:F0} ms of it ({2:P0}) suspended for collections",
                r.Analyzer.RunWallMs,
                r.Analyzer.RunGcPauseMs,
                r.Analyzer.RunGcPauseShare));
            var c = r.Control;
            output.WriteLine(string.Format(
                Inv,
                "  the control ({0:F0} µs of CPU per body, nothing else): telemetry {1:F0} ms: {2:F0} ms of CPU, {3:F0} ms suspended, {4:F0} ms else; its run {5:F0} ms, {6:F0} ms of it ({7:P0}) suspended",
                AnalyzerBenchmark.ControlCpuPerBody.TotalMicroseconds,
                c.TelemetryMs,
                c.CpuMs,
                c.GcPauseMs,
                c.OtherMs,
                c.RunWallMs,
                c.RunGcPauseMs,
                c.RunGcPauseShare));
            output.WriteLine(string.Format(
                Inv,
                "  allocated: {0:F0} MB by the analyzer's callbacks of {1:F0} MB in the whole analysis run ({2:P1})",
                r.Analyzer.AllocatedMegabytes,
                r.Analyzer.RunAllocatedMegabytes,
                r.Analyzer.RunAllocatedMegabytes > 0 ? r.Analyzer.AllocatedMegabytes / r.Analyzer.RunAllocatedMegabytes : 0));
            if (r.AnalyzerMsByType.Count > 1)
            {
                output.WriteLine("  by analyzer: " + string.Join(", ", r.AnalyzerMsByType.Select(p => string.Format(Inv, "{0} {1:F1} ms", p.Key, p.Value))));
            }

            foreach (var diagnostic in r.Diagnostics.Take(5))
            {
                output.WriteLine("  diagnostic: " + diagnostic.Describe());
            }

            if (r.Diagnostics.Count > 5)
            {
                output.WriteLine($"  ... and {r.Diagnostics.Count - 5} more diagnostics");
            }

            foreach (var failure in r.Failures.Take(5))
            {
                output.WriteLine("  ANALYZER EXCEPTION (AD0001): " + failure.Describe());
            }
        }

        private static string ById(IReadOnlyList<KeyValuePair<string, int>> counts) =>
            counts.Count > 0 ? " (" + string.Join(", ", counts.Take(8).Select(p => $"{p.Key}×{p.Value}")) + ")" : string.Empty;

        private static string DeviceStatistics(GeneratedCode code)
        {
            var s = code.Statistics;
            return string.Format(
                Inv,
                "{0} {1} lines: {2} locking methods, {3} acquisitions, {4} methods touching user memory, {5} calls ({6} under a lock, {7} moved after the release to stay clean)",
                code.Shape.Name(),
                code.Lines,
                s.LockingMethods,
                s.Acquisitions,
                s.FaultingMethods,
                s.Calls,
                s.CallsUnderLock,
                s.CallsMovedOutOfLock);
        }

        private static string BclStatistics(GeneratedCode code)
        {
            var s = code.Statistics;
            return string.Format(
                Inv,
                "{0} {1} lines: {2} locking methods ({3} of them async), {4} acquisitions ({5}), {6} calls ({7} under a lock, {8} of them re-entering the lock held; {9} moved after the release to stay clean)",
                code.Shape.Name(),
                code.Lines,
                s.LockingMethods,
                s.AsyncMethods,
                s.Acquisitions,
                string.Join(", ", s.AcquisitionsByForm.OrderBy(p => p.Key).Select(p => $"{BclModuleWriter.Label(p.Key)} {p.Value}")),
                s.Calls,
                s.CallsUnderLock,
                s.CallsReenteringHeldLock,
                s.CallsMovedOutOfLock);
        }

        private static void PrintOrdinary(IReadOnlyList<WorkloadResult> ordinary, string label, TextWriter output)
        {
            foreach (var r in ordinary)
            {
                output.WriteLine(string.Format(Inv, "{0} (thread CPU time): analyzer/compiler ratio {1:F3} (at {2} lines) — target ≤ {3:F2}: {4}", label, r.CpuRatio, r.Source.Lines, OrdinaryRatioTarget, Verdict(r.CpuRatio <= OrdinaryRatioTarget)));
                output.WriteLine(string.Format(Inv, "{0} (telemetry, wall): analyzer/compiler ratio {1:F3} (at {2} lines) — target ≤ {3:F2}: {4}", label, r.Ratio, r.Source.Lines, OrdinaryRatioTarget, Verdict(r.Ratio <= OrdinaryRatioTarget)));
            }
        }

        /// <summary>A real code base is mostly ordinary code, so DESIGN §17 holds it to the ordinary-code target; compiler errors (missing references) are printed beside it, since code that does not bind costs the compiler less and gives the analyzer less to see.</summary>
        private static void PrintCorpus(WorkloadResult r, TextWriter output)
        {
            output.WriteLine(string.Format(Inv, "corpus {0} (thread CPU time): analyzer/compiler ratio {1:F3} ({2} lines, {3} compiler errors) — ordinary-code target ≤ {4:F2} (DESIGN §17): {5}", r.Source.Name, r.CpuRatio, r.Source.Lines, r.Check.Errors, OrdinaryRatioTarget, Verdict(r.CpuRatio <= OrdinaryRatioTarget)));
            output.WriteLine(string.Format(Inv, "corpus {0} (telemetry, wall): analyzer/compiler ratio {1:F3} ({2} lines, {3} compiler errors) — ordinary-code target ≤ {4:F2} (DESIGN §17): {5}", r.Source.Name, r.Ratio, r.Source.Lines, r.Check.Errors, OrdinaryRatioTarget, Verdict(r.Ratio <= OrdinaryRatioTarget)));
            output.WriteLine(string.Format(Inv, "corpus {0}: {1} LockOrder diagnostics ({2}), {3} analyzer exceptions", r.Source.Name, r.Diagnostics.Count, Diagnostics(r.DiagnosticsById), r.Failures.Count));
        }

        /// <summary>The ratio at every size and the per-line growth from the smallest size to the largest, beside the compiler's and the control's; false if there is no such workload.</summary>
        private static bool PrintLockHeavy(IReadOnlyList<WorkloadResult> heavy, string label, double ratioTarget, TextWriter output)
        {
            if (heavy.Count == 0)
            {
                return false;
            }

            var first = heavy[0];
            var last = heavy[heavy.Count - 1];
            var maxCpu = heavy.OrderByDescending(r => r.CpuRatio).First();
            double? growthCpu = PerLineGrowth(first, last, r => r.Analyzer.CpuMs);
            output.WriteLine(string.Format(
                Inv,
                "{0} (thread CPU time): max analyzer/compiler ratio {1:F3} (at {2} lines) — target ≤ {3:F2}: {4}; per-line growth {5} — target ≤ {6:F1}: {7}",
                label,
                maxCpu.CpuRatio,
                maxCpu.Source.Lines,
                ratioTarget,
                Verdict(maxCpu.CpuRatio <= ratioTarget),
                growthCpu is double gc ? gc.ToString("F2", Inv) : "n/a",
                GrowthTarget,
                growthCpu is double gc2 ? Verdict(gc2 <= GrowthTarget) : "n/a"));

            var max = heavy.OrderByDescending(r => r.Ratio).First();
            double? growth = PerLineGrowth(first, last, r => r.Analyzer.TelemetryMs);
            output.WriteLine(string.Format(Inv, "{0} (telemetry, wall): max analyzer/compiler ratio {1:F3} — target ≤ {2:F2}: {3}", label, max.Ratio, ratioTarget, Verdict(max.Ratio <= ratioTarget)));
            output.WriteLine(growth is double g
                ? string.Format(Inv, "{0} (telemetry, wall): per-line growth {1:F2} from {2} to {3} lines — target ≤ {4:F1}: {5}", label, g, first.Source.Lines, last.Source.Lines, GrowthTarget, Verdict(g <= GrowthTarget))
                : label + ": per-line growth not measurable (no analyzer time)");
            // The target is linear cost, so the compiler's own growth over the same sizes and runs is the yardstick
            // for how much of the analyzer's is the process (a larger heap, longer collections) rather than its work.
            output.WriteLine(string.Format(
                Inv,
                "{0}, for comparison: the compiler's own per-line growth from {1} to {2} lines, same runs: wall {3:F2}, CPU {4:F2}",
                label,
                first.Source.Lines,
                last.Source.Lines,
                PerLineGrowth(first, last, r => r.CompilerMs),
                PerLineGrowth(first, last, r => r.CompilerCpuMs)));
            // The control's cost is linear by construction, so its growth in the same runs is what the harness (the
            // driver's collections and threads, which grow with the compilation) adds to any analyzer's.
            output.WriteLine(string.Format(
                Inv,
                "{0}, for comparison: the control's per-line growth from {1} to {2} lines, same runs: telemetry (wall) {3:F2}, CPU {4:F2}",
                label,
                first.Source.Lines,
                last.Source.Lines,
                PerLineGrowth(first, last, r => r.Control.TelemetryMs),
                PerLineGrowth(first, last, r => r.Control.CpuMs)));
            return true;
        }

        /// <summary>Cost per line at the largest size over cost per line at the smallest; null when the smallest cost nothing.</summary>
        private static double? PerLineGrowth(WorkloadResult first, WorkloadResult last, Func<WorkloadResult, double> ms) =>
            ms(first) > 0 ? (ms(last) / last.Source.Lines) / (ms(first) / first.Source.Lines) : (double?)null;

        private static string Diagnostics(IReadOnlyDictionary<string, int> byId) =>
            byId.Count == 0 ? "none" : string.Join(" ", byId.Select(p => $"{p.Key}×{p.Value}"));
    }
}
