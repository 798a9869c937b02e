using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using LockOrder.Benchmarks.AnalyzerCost.CpuTiming;
using LockOrder.Benchmarks.Generation;
using LockOrder.Benchmarks.Measurement;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>
    /// Measures the LockOrder analyzers against the compiler on the same code, in the same process and run: the
    /// compiler's cost is parse + <c>GetDiagnostics()</c> (binding and the compiler's own diagnostics, no emit), the
    /// analyzer's is its execution time as the analyzer driver logs it. Both run single-threaded
    /// (<c>concurrentBuild: false</c>, <c>concurrentAnalysis: false</c>) so the ratio compares work, not how
    /// well each side uses the cores other processes on the machine are also using. A control analyzer of fixed cost
    /// per body (<see cref="FixedCostAnalyzer"/>) runs in the same rounds, so what the driver adds to any analyzer's
    /// telemetry as the compilation grows is measured beside LockOrder's. The code is generated (<see cref="Run"/>)
    /// or read from a folder (<see cref="Corpus.CorpusBenchmark"/>); both are measured by the same rounds.
    /// </summary>
    internal sealed class AnalyzerBenchmark
    {
        internal const int Seed = 20_201_225;

        // The JIT counts as settled when this many warm-up rounds in a row each spent under this share of their time
        // compiling methods; no round is timed before that, or before the budget runs out (said in the output).
        private const int SettledRounds = 3;
        private const double SettledJitShare = 0.01;
        private const int WarmUpLines = 2_000;
        private const int QuickWarmUpRounds = 3;
        private static readonly TimeSpan WarmUpBudget = TimeSpan.FromMinutes(4);

        // About what LockOrder spends per body on lock-heavy code, so the control sits in the driver's runs as long.
        internal static readonly TimeSpan ControlCpuPerBody = TimeSpan.FromMicroseconds(25);

        private static readonly ImmutableArray<DiagnosticAnalyzer> Control = ImmutableArray.Create<DiagnosticAnalyzer>(new FixedCostAnalyzer(ControlCpuPerBody));

        internal static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        // As the .NET SDK builds: CS1701/CS1702 (LockOrder.Runtime's net8.0 build unified with this framework's
        // reference assemblies) are suppressed there by default, so they are no part of the compiler's cost here either.
        internal static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: false,
            specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });

        private readonly IReadOnlyList<MetadataReference> _references;
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
        private readonly AnalyzerConfigOptionsProvider? _options;
        private readonly CSharpParseOptions _parseOptions;
        private readonly CSharpCompilationOptions _compilationOptions;

        private AnalyzerBenchmark(
            IReadOnlyList<MetadataReference> references,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            AnalyzerConfigOptionsProvider? options,
            CSharpParseOptions parseOptions,
            CSharpCompilationOptions compilationOptions)
        {
            _references = references;
            _analyzers = analyzers;
            _options = options;
            _parseOptions = parseOptions;
            _compilationOptions = compilationOptions;
        }

        /// <param name="interprocedural">False runs the analyzer with <c>lockorder.interprocedural = false</c>: no method summaries, so the difference to a normal run is what the summaries cost.</param>
        internal static int Run(bool quick, Workload? only, bool interprocedural = true)
        {
            var benchmark = Create(interprocedural, ParseOptions, CompilationOptions);
            var workloads = only is not null
                ? new[] { only }
                : quick
                ? new[]
                {
                    new Workload(CodeShape.LockHeavy, 2_000, 3),
                    new Workload(CodeShape.LockHeavy, 10_000, 3),
                    new Workload(CodeShape.Ordinary, 10_000, 3),
                    new Workload(CodeShape.BclLockHeavy, 2_000, 3),
                    new Workload(CodeShape.BclLockHeavy, 10_000, 3),
                    new Workload(CodeShape.BclOrdinary, 10_000, 3),
                }
                : new[]
                {
                    new Workload(CodeShape.LockHeavy, 10_000, 7),
                    new Workload(CodeShape.LockHeavy, 100_000, 5),
                    new Workload(CodeShape.LockHeavy, 500_000, 5),
                    new Workload(CodeShape.Ordinary, 100_000, 5),
                    new Workload(CodeShape.BclLockHeavy, 10_000, 7),
                    new Workload(CodeShape.BclLockHeavy, 100_000, 5),
                    new Workload(CodeShape.BclLockHeavy, 500_000, 5),
                    new Workload(CodeShape.BclOrdinary, 100_000, 5),
                };

            benchmark.WarmUp(quick);
            var results = new List<WorkloadResult>();
            foreach (var workload in workloads)
            {
                var source = WorkloadSource.Of(CodeGenerator.Generate(workload.Shape, workload.TargetLines, Seed));
                var result = benchmark.Measure(source, workload.Runs, progress: false);
                if (result is null)
                {
                    return 1;
                }

                results.Add(result);
            }

            AnalyzerReport.Print(results, Console.Out);

            // The analyzer must never throw (a user would see AD0001 and lose every LockOrder diagnostic in that file).
            return results.Any(r => r.Failures.Count > 0) ? 1 : 0;
        }

        /// <summary>Loads the references and the analyzers, and prints what the measurements run with.</summary>
        internal static AnalyzerBenchmark Create(bool interprocedural, CSharpParseOptions parseOptions, CSharpCompilationOptions compilationOptions)
        {
            var (references, referenceDescription) = ReferenceSet.Create();
            var analyzers = LockOrderAnalyzers.Load();
            Console.WriteLine($"references: {references.Count} assemblies from {referenceDescription} + LockOrder.Runtime");
            Console.WriteLine($"analyzers:  {(analyzers.IsEmpty ? "(none found in " + LockOrderAnalyzers.AssemblyName + ")" : string.Join(", ", analyzers.Select(a => a.GetType().Name)))}");
            Console.WriteLine($"cpu time:   {(ThreadCpuClock.IsSupported ? "thread CPU clock (compiler on this thread; analyzers inside their callbacks)" : "not available on this platform (CPU columns read 0)")}");
            Console.WriteLine($"options:    lockorder.interprocedural = {(interprocedural ? "true (default)" : "false")}");
            Console.WriteLine($"compiler:   Microsoft.CodeAnalysis {typeof(Compilation).Assembly.GetName().Version}, C# {parseOptions.LanguageVersion.MapSpecifiedToEffectiveVersion().ToDisplayString()}, single-threaded, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
            Console.WriteLine();

            var options = interprocedural ? null : new FixedOptionsProvider(new Dictionary<string, string> { ["lockorder.interprocedural"] = "false" });
            return new AnalyzerBenchmark(references, analyzers, options, parseOptions, compilationOptions);
        }

        /// <summary>
        /// Runs the compiler, the analyzers and the graph floor on small generated workloads of the shapes measured
        /// until the JIT has settled, and prints how that went and what the cold first compilation cost. Until then
        /// every measurement mixes in JIT work, and unevenly: the background tier-1 compiler competes for the
        /// machine's two cores, and promoted methods replace slow tier-0 and instrumented code one batch at a time.
        /// On this machine that takes about a minute — one warm-up compilation left the first measured 10k-line runs
        /// at 300–450 ms of analyzer telemetry where the settled process measures 60–110 ms. A build server or an IDE
        /// reaches the same settled state after its first builds, which is the state the targets are about; the cold
        /// first compilation is reported beside it.
        /// </summary>
        internal void WarmUp(bool quick)
        {
            Console.Error.WriteLine("warming up the compiler and the analyzers until the JIT settles...");
            var sources = new[] { CodeShape.LockHeavy, CodeShape.Ordinary, CodeShape.BclLockHeavy }
                .Select(shape => WorkloadSource.Of(CodeGenerator.Generate(shape, WarmUpLines, Seed + 1)))
                .ToArray();
            var elapsed = Stopwatch.StartNew();
            double coldCompilerMs = 0, coldAnalyzerMs = 0, coldAnalyzerCpuMs = 0;
            int quietRounds = 0;
            double jitShare = 1;
            int round = 0;
            while (quietRounds < SettledRounds && round < (quick ? QuickWarmUpRounds : int.MaxValue) && elapsed.Elapsed < WarmUpBudget)
            {
                round++;
                var jitBefore = JitActivity.Now();
                var roundTime = Stopwatch.StartNew();
                foreach (var source in sources)
                {
                    var compiler = MeasureCompiler(source, check: round == 1);
                    if (compiler.Check is { } check)
                    {
                        Report(source, check);
                    }

                    var analyzers = MeasureAnalyzers(source);
                    MeasureControl(source);
                    MeasureGraphFloor(source);
                    if (round == 1 && source == sources[0])
                    {
                        coldCompilerMs = compiler.TotalMs;
                        coldAnalyzerMs = analyzers.ExecutionMs;
                        coldAnalyzerCpuMs = analyzers.CpuMs;
                    }
                }

                var jit = JitActivity.Now() - jitBefore;
                jitShare = jit.Time.TotalMilliseconds / roundTime.Elapsed.TotalMilliseconds;
                quietRounds = jitShare < SettledJitShare ? quietRounds + 1 : 0;
                Console.Error.WriteLine($"  round {round}: {roundTime.Elapsed.TotalMilliseconds:F0} ms, {jit.Methods} methods jitted in {jit.Time.TotalMilliseconds:F0} ms");
            }

            var warmUp = new WarmUpResult(round, elapsed.Elapsed, quietRounds >= SettledRounds, jitShare, sources[0].Lines, coldCompilerMs, coldAnalyzerMs, coldAnalyzerCpuMs);
            Console.WriteLine(warmUp.Settled
                ? $"warm-up:    {warmUp.Rounds} rounds ({warmUp.Elapsed.TotalSeconds:F0} s), until {SettledRounds} rounds in a row spent under {SettledJitShare:P0} of their time in the JIT"
                : $"warm-up:    {warmUp.Rounds} rounds ({warmUp.Elapsed.TotalSeconds:F0} s); the JIT had NOT settled (its last round spent {warmUp.LastJitShare:P0} of its time in the JIT), so the numbers below include JIT work");
            Console.WriteLine($"cold start: the process's first compilation ({warmUp.ColdLines:N0} lock-heavy lines): compiler {warmUp.ColdCompilerMs:F0} ms, analyzer {warmUp.ColdAnalyzerMs:F0} ms (telemetry) / {warmUp.ColdAnalyzerCpuMs:F0} ms (CPU): ratio {warmUp.ColdAnalyzerMs / warmUp.ColdCompilerMs:F3} / {warmUp.ColdAnalyzerCpuMs / warmUp.ColdCompilerMs:F3}");
            Console.WriteLine();
        }

        /// <summary>
        /// The workload's medians over <paramref name="runs"/> rounds of the compiler, LockOrder's analyzers, the control
        /// and the graph floor, after one untimed compilation that checks it: generated code that does not compile is a
        /// harness failure (null), a corpus's errors are counted. <paramref name="progress"/> prints each round and a
        /// heartbeat during long steps, for a corpus that may take minutes a round.
        /// </summary>
        internal WorkloadResult? Measure(WorkloadSource source, int runs, bool progress)
        {
            Console.Error.WriteLine($"{source.Name} {source.Lines:N0} lines: {runs} runs...");
            CompilerCheck check;
            using (Heartbeat.Start(progress, "the first compilation (untimed, checks the code)"))
            {
                check = MeasureCompiler(source, check: true).Check!;
            }

            if (!Report(source, check))
            {
                return null;
            }

            var parse = new List<double>();
            var compiler = new List<double>();
            var compilerCpu = new List<double>();
            var analyzerRuns = new List<AnalyzerRun>();
            var controlRuns = new List<AnalyzerRun>();
            var graphs = new List<double>();
            int graphBodies = 0;
            int graphFailures = 0;
            var byType = new Dictionary<string, List<double>>();
            var failures = new List<AnalyzerFailure>();
            AnalyzerRun last = default;
            for (int run = 0; run < runs; run++)
            {
                string round = $"round {run + 1}/{runs}";
                (double ParseMs, double TotalMs, double CpuMs, CompilerCheck? Check) c;
                using (Heartbeat.Start(progress, round + ": the compiler"))
                {
                    c = MeasureCompiler(source, check: false);
                }

                parse.Add(c.ParseMs);
                compiler.Add(c.TotalMs);
                compilerCpu.Add(c.CpuMs);
                using (Heartbeat.Start(progress, round + ": LockOrder's analysis run"))
                {
                    last = MeasureAnalyzers(source);
                }

                analyzerRuns.Add(last);
                failures.AddRange(last.Failures);
                AnalyzerRun control;
                using (Heartbeat.Start(progress, round + ": the control's analysis run"))
                {
                    control = MeasureControl(source);
                }

                controlRuns.Add(control);
                (double CpuMs, int Bodies, int Failures) floor;
                using (Heartbeat.Start(progress, round + ": the graph floor"))
                {
                    floor = MeasureGraphFloor(source);
                }

                graphs.Add(floor.CpuMs);
                graphBodies = floor.Bodies;
                graphFailures = floor.Failures;
                foreach (var pair in last.MsByType)
                {
                    if (!byType.TryGetValue(pair.Key, out var list))
                    {
                        byType[pair.Key] = list = new List<double>();
                    }

                    list.Add(pair.Value);
                }

                if (progress)
                {
                    Console.Error.WriteLine($"  {round}: compiler {c.TotalMs:F0} ms, LockOrder {last.ExecutionMs:F0} ms (telemetry) in an analysis run of {last.WallMs:F0} ms, control {control.ExecutionMs:F0} ms, graphs {floor.CpuMs:F0} ms");
                }
            }

            return new WorkloadResult(
                source,
                check,
                runs,
                Statistics.Median(parse),
                Statistics.Median(compiler),
                Statistics.Median(compilerCpu),
                AnalysisMedians.Of(analyzerRuns),
                AnalysisMedians.Of(controlRuns),
                Statistics.Median(graphs),
                graphBodies,
                graphFailures,
                last.Diagnostics,
                failures.GroupBy(f => (f.Exception, f.Context)).Select(g => g.First()).ToList(),
                byType.ToDictionary(p => p.Key, p => Statistics.Median(p.Value)));
        }

        /// <summary>Prints what the compiler said about a workload; false if it is generated code that does not compile (a harness failure).</summary>
        private static bool Report(WorkloadSource source, CompilerCheck check)
        {
            if (source.Generated is null)
            {
                Console.Error.WriteLine($"  the compiler: {check.Errors} errors, {check.Warnings} warnings");
                return true;
            }

            if (check.Errors > 0)
            {
                Console.Error.WriteLine($"the generated {source.Name} code does not compile ({check.Errors} errors); first ones:");
                foreach (var error in check.FirstErrors)
                {
                    Console.Error.WriteLine("  " + error);
                }

                return false;
            }

            if (check.Warnings > 0)
            {
                Console.Error.WriteLine($"note: the generated {source.Name} code has {check.Warnings} compiler warnings, e.g. {check.FirstWarning}");
            }

            return true;
        }

        private (double ParseMs, double TotalMs, double CpuMs, CompilerCheck? Check) MeasureCompiler(WorkloadSource source, bool check)
        {
            Collect();
            long cpuStart = ThreadCpuClock.Nanoseconds();
            var stopwatch = Stopwatch.StartNew();
            var trees = Parse(source);
            double parseMs = stopwatch.Elapsed.TotalMilliseconds;
            var compilation = Compile(source, trees);
            var diagnostics = compilation.GetDiagnostics();
            double totalMs = stopwatch.Elapsed.TotalMilliseconds;
            double cpuMs = (ThreadCpuClock.Nanoseconds() - cpuStart) / 1e6;
            if (!check)
            {
                return (parseMs, totalMs, cpuMs, null);
            }

            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var warnings = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
            return (parseMs, totalMs, cpuMs, new CompilerCheck(
                errors.Count,
                warnings.Count,
                ById(errors),
                ById(warnings),
                errors.Take(10).Select(e => e.ToString()).ToList(),
                warnings.FirstOrDefault()?.ToString()));
        }

        private static List<KeyValuePair<string, int>> ById(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics
                .GroupBy(d => d.Id)
                .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
                .OrderByDescending(p => p.Value)
                .ThenBy(p => p.Key, StringComparer.Ordinal)
                .ToList();

        private (double CpuMs, int Bodies, int Failures) MeasureGraphFloor(WorkloadSource source)
        {
            Collect();
            return GraphFloor.Measure(Compile(source, Parse(source)));
        }

        private AnalyzerRun MeasureAnalyzers(WorkloadSource source) => MeasureAnalyzers(source, _analyzers, _options);

        /// <summary>The same run with the control (<see cref="FixedCostAnalyzer"/>) in place of LockOrder's analyzers.</summary>
        private AnalyzerRun MeasureControl(WorkloadSource source) => MeasureAnalyzers(source, Control, analyzerOptions: null);

        private AnalyzerRun MeasureAnalyzers(WorkloadSource source, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerConfigOptionsProvider? analyzerOptions)
        {
            Collect();
            var compilation = Compile(source, Parse(source));
            if (analyzers.IsEmpty)
            {
                return new AnalyzerRun(0, 0, 0, 0, 0, 0, 0, new Dictionary<string, double>(), Array.Empty<DiagnosticRecord>(), Array.Empty<AnalyzerFailure>());
            }

            var failures = new List<AnalyzerFailure>();
            var options = new CompilationWithAnalyzersOptions(
                analyzerOptions is null ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty) : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, analyzerOptions),
                (exception, analyzer, diagnostic) =>
                {
                    var failed = analyzer is CpuTimedAnalyzer timed ? timed.Inner : analyzer;
                    // The driver names the analyzer it called, which is the CPU-timing wrapper around the one that threw.
                    string context = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
                        .Replace(typeof(CpuTimedAnalyzer).FullName!, failed.GetType().FullName, StringComparison.Ordinal);
                    lock (failures)
                    {
                        failures.Add(new AnalyzerFailure(failed.GetType().Name, $"{exception.GetType().Name}: {exception.Message}", exception.ToString(), context));
                    }
                },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false,
                analyzerExceptionFilter: null);
            // Fresh wrappers per run, so each run's CPU meters start at zero; the analyzers inside are the same instances.
            var timedAnalyzers = analyzers.Select(a => new CpuTimedAnalyzer(a)).ToImmutableArray();
            var withAnalyzers = compilation.WithAnalyzers(timedAnalyzers.CastArray<DiagnosticAnalyzer>(), options);

            // Precise, at both ends and outside the timed span: under the server GC the cheap count stood still through
            // a whole 25k-line corpus run in which this thread alone allocated 250 MB.
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var pausedBefore = GC.GetTotalPauseDuration();
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            double wallMs = stopwatch.Elapsed.TotalMilliseconds;
            double runGcPauseMs = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds;
            long runAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

            var byType = new Dictionary<string, double>();
            double total = 0;
            double cpu = 0;
            double gcPause = 0;
            long allocated = 0;
            foreach (var analyzer in timedAnalyzers)
            {
                var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                double ms = telemetry.ExecutionTime.TotalMilliseconds;
                byType[analyzer.Inner.GetType().Name] = ms;
                total += ms;
                cpu += analyzer.Meter.Milliseconds;
                gcPause += analyzer.Meter.GcPauseMilliseconds;
                allocated += analyzer.Meter.AllocatedBytes;
            }

            // The driver reports an exception both to the callback and, in some versions, as an AD0001 diagnostic:
            // counted once, from the callback when it was called.
            var exceptionDiagnostics = diagnostics.Where(d => d.Id == "AD0001").ToList();
            if (failures.Count == 0)
            {
                failures.AddRange(exceptionDiagnostics.Select(d => new AnalyzerFailure("(driver)", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), string.Empty, d.ToString())));
            }

            var records = diagnostics
                .Where(d => d.Id != "AD0001")
                .Select(DiagnosticRecord.Of)
                .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();
            return new AnalyzerRun(total, cpu, wallMs, gcPause, runGcPauseMs, allocated, runAllocated, byType, records, failures);
        }

        private CSharpCompilation Compile(WorkloadSource source, SyntaxTree[] trees) =>
            CSharpCompilation.Create(source.Generated is null ? "Corpus" : "Generated", trees, _references, _compilationOptions);

        private SyntaxTree[] Parse(WorkloadSource source) =>
            source.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, _parseOptions, f.Path)).ToArray();

        /// <summary>Starts each timed run with an empty heap, so one run does not pay for the previous run's garbage.</summary>
        private static void Collect()
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
    }
}
