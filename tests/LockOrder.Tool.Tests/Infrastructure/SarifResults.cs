using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace LockOrder.Tool.Tests.Infrastructure
{
    /// <summary>The results of a SARIF 2.1 log (the tool's or the compiler's), read the way expected_diagnostics.py reads them.</summary>
    internal static class SarifResults
    {
        internal static IReadOnlyList<(string Rule, string File, int Line)> Read(string path) =>
            Details(path).Select(r => (r.Rule, Path.GetFileName(r.Path), r.Line)).OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.Line).ThenBy(r => r.Rule, StringComparer.Ordinal).ToList();

        /// <summary>Every result with its full path, start, level and message, in file and position order.</summary>
        internal static IReadOnlyList<(string Rule, string Path, int Line, int Column, string Level, string Message)> Details(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var results = new List<(string, string, int, int, string, string)>();
            foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var runResults))
                {
                    continue;
                }

                foreach (var result in runResults.EnumerateArray())
                {
                    var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                    var region = physical.GetProperty("region");
                    results.Add((
                        result.GetProperty("ruleId").GetString()!,
                        new Uri(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath,
                        region.GetProperty("startLine").GetInt32(),
                        region.GetProperty("startColumn").GetInt32(),
                        result.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                        result.GetProperty("message").GetProperty("text").GetString()!));
                }
            }

            return results.OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.Item3).ThenBy(r => r.Item4).ThenBy(r => r.Item1, StringComparer.Ordinal).ToList();
        }
    }
}
