using Microsoft.CodeAnalysis;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>Where a diagnostic points: a file path as the compilation names it, 1-based line and column; no path when it points nowhere in source.</summary>
    internal readonly struct DiagnosticLocation
    {
        private DiagnosticLocation(string? path, int line, int column)
        {
            Path = path;
            Line = line;
            Column = column;
        }

        internal string? Path { get; }

        internal int Line { get; }

        internal int Column { get; }

        internal static DiagnosticLocation Of(Location location)
        {
            var span = location.GetLineSpan();
            return span.IsValid && !string.IsNullOrEmpty(span.Path)
                ? new DiagnosticLocation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1)
                : new DiagnosticLocation(null, 0, 0);
        }

        public override string ToString() => Path is null ? "(no source location)" : $"{Path}:{Line}:{Column}";
    }
}
