using System;
using System.Collections.Immutable;
using System.Diagnostics;
using LockOrder.Benchmarks.Measurement;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>
    /// The control: an analyzer that registers the actions LockOrder registers (a symbol action on types, an
    /// operation-block action on every body, a compilation-end action) and in each body's callback spends a fixed
    /// amount of CPU time and does nothing else. Its cost is linear in code size by construction, so what its
    /// telemetry measures beyond that — the driver's collections and the cores its other threads take, which any
    /// analyzer's callbacks sit through in proportion to how long they run — is the harness's, not an analyzer's.
    /// </summary>
    // Not an analyzer a host discovers, and it reports nothing: the benchmark constructs it as a baseline.
#pragma warning disable RS1001, RS2008
    internal sealed class FixedCostAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor(
            "CONTROL0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        private readonly long _nanosecondsPerBody;

        internal FixedCostAnalyzer(TimeSpan cpuPerBody)
        {
            _nanosecondsPerBody = cpuPerBody.Ticks * 100;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
                start.RegisterOperationBlockAction(_ => Spin());
                start.RegisterCompilationEndAction(_ => { });
            });
        }

        // On the thread's CPU clock where there is one, so time spent waiting or suspended does not count as work done.
        private void Spin()
        {
            if (ThreadCpuClock.IsSupported)
            {
                long until = ThreadCpuClock.Nanoseconds() + _nanosecondsPerBody;
                while (ThreadCpuClock.Nanoseconds() < until)
                {
                }
            }
            else
            {
                long until = Stopwatch.GetTimestamp() + (_nanosecondsPerBody * Stopwatch.Frequency / 1_000_000_000);
                while (Stopwatch.GetTimestamp() < until)
                {
                }
            }
        }
    }
#pragma warning restore RS1001, RS2008
}
