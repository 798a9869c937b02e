using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>
    /// One analyzer diagnostic, copied out of the analysis run as plain text, so the run's syntax trees and semantic
    /// models can be collected before the next one is timed.
    /// </summary>
    internal sealed class DiagnosticRecord
    {
        private DiagnosticRecord(string id, DiagnosticSeverity severity, DiagnosticLocation location, string message, IReadOnlyList<DiagnosticLocation> additionalLocations, string sourceLine)
        {
            Id = id;
            Severity = severity;
            Location = location;
            Message = message;
            AdditionalLocations = additionalLocations;
            SourceLine = sourceLine;
        }

        internal string Id { get; }

        internal DiagnosticSeverity Severity { get; }

        internal DiagnosticLocation Location { get; }

        internal string Message { get; }

        /// <summary>The other places the diagnostic names (the other edges of a cycle, where a lock was taken).</summary>
        internal IReadOnlyList<DiagnosticLocation> AdditionalLocations { get; }

        /// <summary>The source line the diagnostic points at, trimmed; empty when it points nowhere in source.</summary>
        internal string SourceLine { get; }

        internal static DiagnosticRecord Of(Diagnostic diagnostic)
        {
            var location = DiagnosticLocation.Of(diagnostic.Location);
            string line = string.Empty;
            if (location.Path is not null && diagnostic.Location.SourceTree is { } tree)
            {
                var lines = tree.GetText().Lines;
                if (location.Line - 1 < lines.Count)
                {
                    line = lines[location.Line - 1].ToString().Trim();
                }
            }

            return new DiagnosticRecord(
                diagnostic.Id,
                diagnostic.Severity,
                location,
                diagnostic.GetMessage(CultureInfo.InvariantCulture),
                diagnostic.AdditionalLocations.Select(DiagnosticLocation.Of).ToList(),
                line);
        }

        /// <summary>One line for the report: enough to find the code and reproduce a false positive.</summary>
        internal string Describe() =>
            Location.Path is null
                ? $"{Id}: {Message}"
                : $"{Id} {Location.Path}({Location.Line}): {Message}  | {SourceLine}";
    }
}
