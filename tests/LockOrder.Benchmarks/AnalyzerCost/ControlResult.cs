namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>Medians of the control analyzer's runs (<see cref="FixedCostAnalyzer"/>) on one workload.</summary>
    internal sealed class ControlResult
    {
        internal ControlResult(double telemetryMs, double cpuMs, double gcPauseMs, double otherMs, double runWallMs, double runGcPauseMs)
        {
            TelemetryMs = telemetryMs;
            CpuMs = cpuMs;
            GcPauseMs = gcPauseMs;
            OtherMs = otherMs;
            RunWallMs = runWallMs;
            RunGcPauseMs = runGcPauseMs;
        }

        /// <summary>Its execution time as the analyzer driver measures it.</summary>
        internal double TelemetryMs { get; }

        /// <summary>Thread CPU time inside its callbacks (the fixed cost it spins for, and the driver's calls around it).</summary>
        internal double CpuMs { get; }

        /// <summary>Time its callbacks sat suspended for garbage collections.</summary>
        internal double GcPauseMs { get; }

        /// <summary>Its telemetry that is neither CPU time nor suspension.</summary>
        internal double OtherMs { get; }

        /// <summary>Wall time of its whole analysis run.</summary>
        internal double RunWallMs { get; }

        /// <summary>Time the process sat suspended for garbage collections during that run.</summary>
        internal double RunGcPauseMs { get; }

        internal double RunGcPauseShare => RunWallMs > 0 ? RunGcPauseMs / RunWallMs : 0;
    }
}
