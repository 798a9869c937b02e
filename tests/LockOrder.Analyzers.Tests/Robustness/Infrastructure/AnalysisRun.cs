using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Tests.Robustness.Infrastructure
{
    /// <summary>The outcome of running every LockOrder analyzer over one compilation under a time bound.</summary>
    internal sealed class AnalysisRun
    {
        internal AnalysisRun(Compilation compilation, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<string> crashes, bool timedOut, bool cancelled, TimeSpan elapsed)
        {
            Compilation = compilation;
            Diagnostics = diagnostics;
            Crashes = crashes;
            TimedOut = timedOut;
            Cancelled = cancelled;
            Elapsed = elapsed;
        }

        internal Compilation Compilation { get; }

        /// <summary>What the analyzers reported (compiler diagnostics excluded).</summary>
        internal ImmutableArray<Diagnostic> Diagnostics { get; }

        /// <summary>Analyzer exceptions and AD0001-style diagnostics, each with its stack trace.</summary>
        internal ImmutableArray<string> Crashes { get; }

        /// <summary>The analysis did not finish within its bound.</summary>
        internal bool TimedOut { get; }

        /// <summary>The caller's token stopped the analysis (an <see cref="OperationCanceledException"/> came out).</summary>
        internal bool Cancelled { get; }

        internal TimeSpan Elapsed { get; }

        internal ImmutableArray<Diagnostic> LockOrderDiagnostics =>
            Diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("LOCK", StringComparison.Ordinal)).ToImmutableArray();

        /// <summary>Why this run is a robustness failure, or <see langword="null"/> when the analyzers behaved.</summary>
        internal string? Failure
        {
            get
            {
                if (Crashes.IsEmpty && !TimedOut)
                {
                    return null;
                }

                var text = new StringBuilder();
                if (TimedOut)
                {
                    text.AppendLine($"analysis did not finish within its bound (stopped after {Elapsed.TotalSeconds:F1} s)");
                }

                foreach (var crash in Crashes)
                {
                    text.AppendLine(crash);
                }

                return text.ToString();
            }
        }

        /// <summary>The LockOrder diagnostics as "ID@line:column message", for assertion messages.</summary>
        internal string Describe() =>
            string.Join(Environment.NewLine, LockOrderDiagnostics.Select(Describe));

        internal static string Describe(Diagnostic diagnostic)
        {
            var position = diagnostic.Location.GetLineSpan().StartLinePosition;
            return $"{diagnostic.Id}@{position.Line + 1}:{position.Character + 1} {diagnostic.GetMessage()}";
        }
    }
}
