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

        private static string Verdict(bool met) => met ? "met" : "NOT MET";

        internal static void Print(IReadOnlyList<WorkloadResult> results, TextWriter output)
        {
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine(string.Format(
                inv,
                "{0,-10} {1,8} {2,7} {3,4} {4,8} {5,11} {6,11} {7,6} {8,8} {9,11} | {10,11} {11,11} {12,6} {13,8} | {14,6} {15,9} {16,6} | {17}",
                "shape", "lines", "methods", "runs", "parse ms", "compiler ms", "analyzer ms", "ratio", "µs/line", "CWA wall ms", "compiler", "analyzer", "ratio", "µs/line", "graphs", "graphs", "ratio", "analyzer diagnostics"));
            output.WriteLine(string.Format(
                inv,
                "{0,-10} {1,8} {2,7} {3,4} {4,8} {5,11} {6,11} {7,6} {8,8} {9,11} | {10,11} {11,11} {12,6} {13,8} | {14,6} {15,9} {16,6} |",
                string.Empty, string.Empty, string.Empty, string.Empty, "(wall)", "(wall)", "(telemetry)", string.Empty, string.Empty, "(wall)", "cpu ms", "cpu ms", "cpu", "cpu", "bodies", "cpu ms", "cpu"));
            foreach (var r in results)
            {
                output.WriteLine(string.Format(
                    inv,
                    "{0,-10} {1,8} {2,7} {3,4} {4,8:F0} {5,11:F0} {6,11:F1} {7,6:F3} {8,8:F2} {9,11:F0} | {10,11:F0} {11,11:F1} {12,6:F3} {13,8:F2} | {14,6} {15,9:F1} {16,6:F3} | {17}",
                    r.Code.Shape == CodeShape.LockHeavy ? "lock-heavy" : "ordinary",
                    r.Code.Lines,
                    r.Code.Statistics.Methods,
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
                var s = r.Code.Statistics;
                output.WriteLine(string.Format(
                    inv,
                    "{0} {1} lines: {2} locking methods, {3} acquisitions, {4} methods touching user memory, {5} calls ({6} under a lock, {7} moved after the release to stay clean)",
                    r.Code.Shape == CodeShape.LockHeavy ? "lock-heavy" : "ordinary",
                    r.Code.Lines,
                    s.LockingMethods,
                    s.Acquisitions,
                    s.FaultingMethods,
                    s.Calls,
                    s.CallsUnderLock,
                    s.CallsMovedOutOfLock));
                output.WriteLine(string.Format(
                    inv,
                    "  analyzer CPU ratio {0:F3}; building Roslyn's control-flow graphs for the {1} bodies that call a lock contract alone would cost {2:F3} (what the structured fast path saves on the bodies it settles)",
                    r.CpuRatio,
                    r.GraphBodies,
                    r.GraphCpuRatio));
                output.WriteLine(string.Format(
                    inv,
                    "  analyzer telemetry {0:F0} ms: {1:F0} ms of CPU, {2:F0} ms suspended for garbage collections, {3:F0} ms else (waiting for a core, the driver)",
                    r.Analyzer.TelemetryMs,
                    r.Analyzer.CpuMs,
                    r.Analyzer.GcPauseMs,
                    r.Analyzer.OtherMs));
                output.WriteLine(string.Format(
                    inv,
                    "  the analysis run: {0:F0} ms, {1:F0} ms of it ({2:P0}) suspended for collections",
                    r.Analyzer.RunWallMs,
                    r.Analyzer.RunGcPauseMs,
                    r.Analyzer.RunGcPauseShare));
                var c = r.Control;
                output.WriteLine(string.Format(
                    inv,
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
                    inv,
                    "  allocated: {0:F0} MB by the analyzer's callbacks of {1:F0} MB in the whole analysis run ({2:P1})",
                    r.Analyzer.AllocatedMegabytes,
                    r.Analyzer.RunAllocatedMegabytes,
                    r.Analyzer.RunAllocatedMegabytes > 0 ? r.Analyzer.AllocatedMegabytes / r.Analyzer.RunAllocatedMegabytes : 0));
                if (r.AnalyzerMsByType.Count > 1)
                {
                    output.WriteLine("  by analyzer: " + string.Join(", ", r.AnalyzerMsByType.Select(p => string.Format(inv, "{0} {1:F1} ms", p.Key, p.Value))));
                }

                foreach (var sample in r.SampleDiagnostics)
                {
                    output.WriteLine("  diagnostic: " + sample);
                }

                foreach (var exception in r.AnalyzerExceptions.Take(5))
                {
                    output.WriteLine("  ANALYZER EXCEPTION (AD0001): " + exception);
                }
            }

            output.WriteLine();
            int falsePositives = results.Sum(r => r.DiagnosticsById.Values.Sum());
            output.WriteLine(falsePositives == 0
                ? "analyzer diagnostics on the generated (clean by construction) code: 0"
                : $"analyzer diagnostics on the generated (clean by construction) code: {falsePositives} — FALSE POSITIVES, see the table");

            var ordinary = results.Where(r => r.Code.Shape == CodeShape.Ordinary).ToList();
            foreach (var r in ordinary)
            {
                output.WriteLine(string.Format(inv, "ordinary code (thread CPU time): analyzer/compiler ratio {0:F3} (at {1} lines) — target ≤ {2:F2}: {3}", r.CpuRatio, r.Code.Lines, OrdinaryRatioTarget, Verdict(r.CpuRatio <= OrdinaryRatioTarget)));
                output.WriteLine(string.Format(inv, "ordinary code (telemetry, wall): analyzer/compiler ratio {0:F3} (at {1} lines) — target ≤ {2:F2}: {3}", r.Ratio, r.Code.Lines, OrdinaryRatioTarget, Verdict(r.Ratio <= OrdinaryRatioTarget)));
            }

            var heavy = results.Where(r => r.Code.Shape == CodeShape.LockHeavy).OrderBy(r => r.Code.Lines).ToList();
            if (heavy.Count == 0)
            {
                return;
            }

            var first = heavy[0];
            var last = heavy[heavy.Count - 1];
            var maxCpu = heavy.OrderByDescending(r => r.CpuRatio).First();
            double? growthCpu = PerLineGrowth(first, last, r => r.Analyzer.CpuMs);
            output.WriteLine(string.Format(
                inv,
                "lock-heavy code (thread CPU time): max analyzer/compiler ratio {0:F3} (at {1} lines) — target ≤ {2:F2}: {3}; per-line growth {4} — target ≤ {5:F1}: {6}",
                maxCpu.CpuRatio,
                maxCpu.Code.Lines,
                LockHeavyRatioTarget,
                Verdict(maxCpu.CpuRatio <= LockHeavyRatioTarget),
                growthCpu is double gc ? gc.ToString("F2", inv) : "n/a",
                GrowthTarget,
                growthCpu is double gc2 ? Verdict(gc2 <= GrowthTarget) : "n/a"));

            var max = heavy.OrderByDescending(r => r.Ratio).First();
            double? growth = PerLineGrowth(first, last, r => r.Analyzer.TelemetryMs);
            output.WriteLine(string.Format(inv, "lock-heavy code (telemetry, wall): max analyzer/compiler ratio {0:F3} — target ≤ {1:F2}: {2}", max.Ratio, LockHeavyRatioTarget, Verdict(max.Ratio <= LockHeavyRatioTarget)));
            output.WriteLine(growth is double g
                ? string.Format(inv, "lock-heavy code (telemetry, wall): per-line growth {0:F2} from {1} to {2} lines — target ≤ {3:F1}: {4}", g, first.Code.Lines, last.Code.Lines, GrowthTarget, Verdict(g <= GrowthTarget))
                : "lock-heavy code: per-line growth not measurable (no analyzer time)");
            // The target is linear cost, so the compiler's own growth over the same sizes and runs is the yardstick
            // for how much of the analyzer's is the process (a larger heap, longer collections) rather than its work.
            output.WriteLine(string.Format(
                inv,
                "lock-heavy code, for comparison: the compiler's own per-line growth from {0} to {1} lines, same runs: wall {2:F2}, CPU {3:F2}",
                first.Code.Lines,
                last.Code.Lines,
                PerLineGrowth(first, last, r => r.CompilerMs),
                PerLineGrowth(first, last, r => r.CompilerCpuMs)));
            // The control's cost is linear by construction, so its growth in the same runs is what the harness (the
            // driver's collections and threads, which grow with the compilation) adds to any analyzer's.
            output.WriteLine(string.Format(
                inv,
                "lock-heavy code, for comparison: the control's per-line growth from {0} to {1} lines, same runs: telemetry (wall) {2:F2}, CPU {3:F2}",
                first.Code.Lines,
                last.Code.Lines,
                PerLineGrowth(first, last, r => r.Control.TelemetryMs),
                PerLineGrowth(first, last, r => r.Control.CpuMs)));
            output.WriteLine(string.Format(
                inv,
                "analyzer/compiler: max ratio {0:F3} (at {1} lines), per-line growth {2}",
                max.Ratio,
                max.Code.Lines,
                growth is double value ? value.ToString("F2", inv) : "n/a"));
        }

        /// <summary>Cost per line at the largest size over cost per line at the smallest; null when the smallest cost nothing.</summary>
        private static double? PerLineGrowth(WorkloadResult first, WorkloadResult last, Func<WorkloadResult, double> ms) =>
            ms(first) > 0 ? (ms(last) / last.Code.Lines) / (ms(first) / first.Code.Lines) : (double?)null;

        private static string Diagnostics(IReadOnlyDictionary<string, int> byId) =>
            byId.Count == 0 ? "none" : string.Join(" ", byId.Select(p => $"{p.Key}×{p.Value}"));
    }
}
