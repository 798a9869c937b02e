using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>
    /// Collects the diagnostics of one body's analysis: at most one per rule and location (a loop or a finally block
    /// analyzed for several entry states must not repeat itself), reported in source order.
    /// </summary>
    internal sealed class DiagnosticSink
    {
        private readonly Dictionary<string, Diagnostic> diagnostics = new Dictionary<string, Diagnostic>(StringComparer.Ordinal);

        internal void Report(DiagnosticDescriptor descriptor, Location location, Location? additional, params object[] messageArgs)
        {
            var key = descriptor.Id + "|" + (location.SourceTree?.FilePath ?? string.Empty) + "|" + location.SourceSpan.Start + "|" + location.SourceSpan.Length;
            if (diagnostics.ContainsKey(key))
            {
                return;
            }

            var additionalLocations = additional is not null && additional.IsInSource && !additional.Equals(location) ? new[] { additional } : Array.Empty<Location>();
            diagnostics[key] = Diagnostic.Create(descriptor, location, additionalLocations, messageArgs);
        }

        internal void Flush(Action<Diagnostic> report)
        {
            foreach (var diagnostic in diagnostics.Values.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
            {
                report(diagnostic);
            }

            diagnostics.Clear();
        }
    }
}
