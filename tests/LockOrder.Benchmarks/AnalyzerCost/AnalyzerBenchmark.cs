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
    /// Measures the LockOrder analyzers against the compiler on the same generated code, in the same process and
    /// run: the compiler's cost is parse + <c>GetDiagnostics()</c> (binding and the compiler's own diagnostics, no
    /// emit), the analyzer's is its execution time as the analyzer driver logs it. Both run single-threaded
    /// (<c>concurrentBuild: false</c>, <c>concurrentAnalysis: false</c>) so the ratio compares work, not how
    /// well each side uses the cores other processes on the machine are also using. A control analyzer of fixed cost
    /// per body (<see cref="FixedCostAnalyzer"/>) runs in the same rounds, so what the driver adds to any analyzer's
    /// telemetry as the compilation grows is measured beside LockOrder's.
    /// </summary>
    internal sealed class AnalyzerBenchmark
    {
        private const int Seed = 20_201_225;

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

        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        // As the .NET SDK builds: CS1701/CS1702 (LockOrder.Runtime's net8.0 build unified with this framework's
        // reference assemblies) are suppressed there by default, so they are no part of the compiler's cost here either.
        private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
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

        private AnalyzerBenchmark(IReadOnlyList<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerConfigOptionsProvider? options)
        {
            _references = references;
            _analyzers = analyzers;
            _options = options;
        }

        /// <param name="interprocedural">False runs the analyzer with <c>lockorder.interprocedural = false</c>: no method summaries, so the difference to a normal run is what the summaries cost.</param>
        internal static int Run(bool quick, Workload? only, bool interprocedural = true)
        {
            var (references, referenceDescription) = ReferenceSet.Create();
            var analyzers = LockOrderAnalyzers.Load();
            Console.WriteLine($"references: {references.Count} assemblies from {referenceDescription} + LockOrder.Runtime");
            Console.WriteLine($"analyzers:  {(analyzers.IsEmpty ? "(none found in " + LockOrderAnalyzers.AssemblyName + ")" : string.Join(", ", analyzers.Select(a => a.GetType().Name)))}");
            Console.WriteLine($"cpu time:   {(ThreadCpuClock.IsSupported ? "thread CPU clock (compiler on this thread; analyzers inside their callbacks)" : "not available on this platform (CPU columns read 0)")}");
            Console.WriteLine($"options:    lockorder.interprocedural = {(interprocedural ? "true (default)" : "false")}");
            Console.WriteLine($"compiler:   Microsoft.CodeAnalysis {typeof(Compilation).Assembly.GetName().Version}, C# {ParseOptions.LanguageVersion.MapSpecifiedToEffectiveVersion().ToDisplayString()}, single-threaded, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
            Console.WriteLine();

            var options = interprocedural ? null : new FixedOptionsProvider(new Dictionary<string, string> { ["lockorder.interprocedural"] = "false" });
            var benchmark = new AnalyzerBenchmark(references, analyzers, options);
            var workloads = only is not null
                ? new[] { only }
                : quick
                ? new[]
                {
                    new Workload(CodeShape.LockHeavy, 2_000, 3),
                    new Workload(CodeShape.LockHeavy, 10_000, 3),
                    new Workload(CodeShape.Ordinary, 10_000, 3),
                }
                : new[]
                {
                    new Workload(CodeShape.LockHeavy, 10_000, 7),
                    new Workload(CodeShape.LockHeavy, 100_000, 5),
                    new Workload(CodeShape.LockHeavy, 500_000, 5),
                    new Workload(CodeShape.Ordinary, 100_000, 5),
                };

            var warmUp = benchmark.WarmUp(quick);
            Console.WriteLine(warmUp.Settled
                ? $"warm-up:    {warmUp.Rounds} rounds ({warmUp.Elapsed.TotalSeconds:F0} s), until {SettledRounds} rounds in a row spent under {SettledJitShare:P0} of their time in the JIT"
                : $"warm-up:    {warmUp.Rounds} rounds ({warmUp.Elapsed.TotalSeconds:F0} s); the JIT had NOT settled (its last round spent {warmUp.LastJitShare:P0} of its time in the JIT), so the numbers below include JIT work");
            Console.WriteLine($"cold start: the process's first compilation ({warmUp.ColdLines:N0} lock-heavy lines): compiler {warmUp.ColdCompilerMs:F0} ms, analyzer {warmUp.ColdAnalyzerMs:F0} ms (telemetry) / {warmUp.ColdAnalyzerCpuMs:F0} ms (CPU): ratio {warmUp.ColdAnalyzerMs / warmUp.ColdCompilerMs:F3} / {warmUp.ColdAnalyzerCpuMs / warmUp.ColdCompilerMs:F3}");
            Console.WriteLine();

            var results = new List<WorkloadResult>();
            foreach (var workload in workloads)
            {
                var result = benchmark.Measure(workload);
                if (result is null)
                {
                    return 1;
                }

                results.Add(result);
            }

            AnalyzerReport.Print(results, Console.Out);

            // The analyzer must never throw (a user would see AD0001 and lose every LockOrder diagnostic in that file).
            return results.Any(r => r.AnalyzerExceptions.Count > 0) ? 1 : 0;
        }

        /// <summary>
        /// Runs the compiler, the analyzers and the graph floor on small workloads of both shapes until the JIT has
        /// settled. Until then every measurement mixes in JIT work, and unevenly: the background tier-1 compiler
        /// competes for the machine's two cores, and promoted methods replace slow tier-0 and instrumented code one
        /// batch at a time. On this machine that takes about a minute — one warm-up compilation left the first
        /// measured 10k-line runs at 300–450 ms of analyzer telemetry where the settled process measures 60–110 ms.
        /// A build server or an IDE reaches the same settled state after its first builds, which is the state the
        /// targets are about; the cold first compilation is reported beside it.
        /// </summary>
        private WarmUpResult WarmUp(bool quick)
        {
            Console.Error.WriteLine("warming up the compiler and the analyzers until the JIT settles...");
            var codes = new[]
            {
                CodeGenerator.Generate(CodeShape.LockHeavy, WarmUpLines, Seed + 1),
                CodeGenerator.Generate(CodeShape.Ordinary, WarmUpLines, Seed + 1),
            };
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
                foreach (var code in codes)
                {
                    var compiler = MeasureCompiler(code, checkErrors: round == 1);
                    var analyzers = MeasureAnalyzers(code);
                    MeasureControl(code);
                    MeasureGraphFloor(code);
                    if (round == 1 && code.Shape == CodeShape.LockHeavy)
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

            return new WarmUpResult(round, elapsed.Elapsed, quietRounds >= SettledRounds, jitShare, codes[0].Lines, coldCompilerMs, coldAnalyzerMs, coldAnalyzerCpuMs);
        }

        private WorkloadResult? Measure(Workload workload)
        {
            var code = CodeGenerator.Generate(workload.Shape, workload.TargetLines, Seed);
            Console.Error.WriteLine($"{workload.Shape} {code.Lines:N0} lines: {workload.Runs} runs...");
            if (!MeasureCompiler(code, checkErrors: true).Clean)
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
            var byType = new Dictionary<string, List<double>>();
            AnalyzerRun last = default;
            for (int run = 0; run < workload.Runs; run++)
            {
                var c = MeasureCompiler(code, checkErrors: false);
                parse.Add(c.ParseMs);
                compiler.Add(c.TotalMs);
                compilerCpu.Add(c.CpuMs);
                last = MeasureAnalyzers(code);
                analyzerRuns.Add(last);
                controlRuns.Add(MeasureControl(code));
                var floor = MeasureGraphFloor(code);
                graphs.Add(floor.CpuMs);
                graphBodies = floor.Bodies;
                foreach (var pair in last.MsByType)
                {
                    if (!byType.TryGetValue(pair.Key, out var list))
                    {
                        byType[pair.Key] = list = new List<double>();
                    }

                    list.Add(pair.Value);
                }
            }

            return new WorkloadResult(
                code,
                workload.Runs,
                Statistics.Median(parse),
                Statistics.Median(compiler),
                Statistics.Median(compilerCpu),
                AnalysisMedians.Of(analyzerRuns),
                AnalysisMedians.Of(controlRuns),
                Statistics.Median(graphs),
                graphBodies,
                last.DiagnosticsById,
                last.Exceptions,
                byType.ToDictionary(p => p.Key, p => Statistics.Median(p.Value)),
                last.SampleDiagnostics);
        }

        private (bool Clean, double ParseMs, double TotalMs, double CpuMs) MeasureCompiler(GeneratedCode code, bool checkErrors)
        {
            Collect();
            long cpuStart = ThreadCpuClock.Nanoseconds();
            var stopwatch = Stopwatch.StartNew();
            var trees = Parse(code);
            double parseMs = stopwatch.Elapsed.TotalMilliseconds;
            var compilation = Compile(trees);
            var diagnostics = compilation.GetDiagnostics();
            double totalMs = stopwatch.Elapsed.TotalMilliseconds;
            double cpuMs = (ThreadCpuClock.Nanoseconds() - cpuStart) / 1e6;

            if (checkErrors)
            {
                var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
                if (errors.Count > 0)
                {
                    Console.Error.WriteLine($"the generated {code.Shape} code does not compile ({errors.Count} errors); first ones:");
                    foreach (var error in errors.Take(10))
                    {
                        Console.Error.WriteLine("  " + error);
                    }

                    return (false, parseMs, totalMs, cpuMs);
                }

                if (warnings > 0)
                {
                    Console.Error.WriteLine($"note: the generated {code.Shape} code has {warnings} compiler warnings, e.g. {diagnostics.First(d => d.Severity == DiagnosticSeverity.Warning)}");
                }
            }

            return (true, parseMs, totalMs, cpuMs);
        }

        private (double CpuMs, int Bodies) MeasureGraphFloor(GeneratedCode code)
        {
            Collect();
            return GraphFloor.Measure(Compile(Parse(code)));
        }

        private AnalyzerRun MeasureAnalyzers(GeneratedCode code) => MeasureAnalyzers(code, _analyzers, _options);

        /// <summary>The same run with the control (<see cref="FixedCostAnalyzer"/>) in place of LockOrder's analyzers.</summary>
        private AnalyzerRun MeasureControl(GeneratedCode code) => MeasureAnalyzers(code, Control, analyzerOptions: null);

        private AnalyzerRun MeasureAnalyzers(GeneratedCode code, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerConfigOptionsProvider? analyzerOptions)
        {
            Collect();
            var compilation = Compile(Parse(code));
            if (analyzers.IsEmpty)
            {
                return new AnalyzerRun(0, 0, 0, 0, 0, 0, 0, new Dictionary<string, double>(), new Dictionary<string, int>(), Array.Empty<string>(), Array.Empty<string>());
            }

            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                analyzerOptions is null ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty) : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, analyzerOptions),
                (exception, analyzer, _) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}");
                    }
                },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false,
                analyzerExceptionFilter: null);
            // Fresh wrappers per run, so each run's CPU meters start at zero; the analyzers inside are the same instances.
            var timed = analyzers.Select(a => new CpuTimedAnalyzer(a)).ToImmutableArray();
            var withAnalyzers = compilation.WithAnalyzers(timed.CastArray<DiagnosticAnalyzer>(), options);

            long allocatedBefore = GC.GetTotalAllocatedBytes();
            var pausedBefore = GC.GetTotalPauseDuration();
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            double wallMs = stopwatch.Elapsed.TotalMilliseconds;
            double runGcPauseMs = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds;
            long runAllocated = GC.GetTotalAllocatedBytes() - allocatedBefore;

            var byType = new Dictionary<string, double>();
            double total = 0;
            double cpu = 0;
            double gcPause = 0;
            long allocated = 0;
            foreach (var analyzer in timed)
            {
                var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                double ms = telemetry.ExecutionTime.TotalMilliseconds;
                byType[analyzer.Inner.GetType().Name] = ms;
                total += ms;
                cpu += analyzer.Meter.Milliseconds;
                gcPause += analyzer.Meter.GcPauseMilliseconds;
                allocated += analyzer.Meter.AllocatedBytes;
            }

            var byId = diagnostics
                .GroupBy(d => d.Id)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count());
            var samples = diagnostics
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .Take(5)
                .Select(Describe)
                .ToList();
            return new AnalyzerRun(total, cpu, wallMs, gcPause, runGcPauseMs, allocated, runAllocated, byType, byId, exceptions.Distinct().ToList(), samples);
        }

        private static string Describe(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            var tree = diagnostic.Location.SourceTree;
            string line = tree is null
                ? string.Empty
                : tree.GetText().Lines[span.StartLinePosition.Line].ToString().Trim();
            return $"{diagnostic.Id} {span.Path}({span.StartLinePosition.Line + 1}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}  | {line}";
        }

        private CSharpCompilation Compile(SyntaxTree[] trees) => CSharpCompilation.Create("Generated", trees, _references, CompilationOptions);

        private static SyntaxTree[] Parse(GeneratedCode code) =>
            code.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path)).ToArray();

        /// <summary>Starts each timed run with an empty heap, so one run does not pay for the previous run's garbage.</summary>
        private static void Collect()
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
    }
}
