using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LockOrder.Tool.Check
{
    /// <summary>
    /// The diagnostics as a reader wants them: grouped by rule, then by file, each with its line and column, its
    /// effective severity, its message and the offending source line; then one summary line.
    /// </summary>
    internal static class CheckReport
    {
        internal static void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, int projectCount, string baseFolder)
        {
            foreach (var rule in diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var descriptor = rule.First().Descriptor;
                output.WriteLine($"{rule.Key}  {descriptor.Title} ({Count(rule.Count(), "diagnostic")})");
                foreach (var file in rule.GroupBy(d => d.Location.GetLineSpan().Path).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    output.WriteLine($"  {PathDisplay.Relative(baseFolder, file.Key)}");
                    foreach (var diagnostic in file.OrderBy(d => d.Location.SourceSpan.Start))
                    {
                        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
                        output.WriteLine($"    {start.Line + 1}:{start.Character + 1}  {Severity(diagnostic.Severity)}  {diagnostic.GetMessage()}");
                        var line = SourceLine(diagnostic);
                        if (line.Length > 0)
                        {
                            output.WriteLine($"      | {line}");
                        }
                    }
                }

                if (!string.IsNullOrEmpty(descriptor.HelpLinkUri))
                {
                    output.WriteLine($"  see {descriptor.HelpLinkUri}");
                }

                output.WriteLine();
            }

            output.WriteLine(Summary(diagnostics, projectCount));
        }

        internal static string Severity(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        };

        private static string Summary(IReadOnlyList<Diagnostic> diagnostics, int projectCount)
        {
            var projects = Count(projectCount, "project");
            if (diagnostics.Count == 0)
            {
                return $"No LockOrder diagnostics in {projects}.";
            }

            var bySeverity = diagnostics
                .GroupBy(d => d.Severity)
                .OrderByDescending(g => g.Key)
                .Select(g => g.Key == DiagnosticSeverity.Info ? $"{g.Count()} info" : Count(g.Count(), Severity(g.Key)));
            return $"{Count(diagnostics.Count, "LockOrder diagnostic")} in {projects}: {string.Join(", ", bySeverity)}.";
        }

        private static string SourceLine(Diagnostic diagnostic)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree is null)
            {
                return string.Empty;
            }

            var text = tree.GetText();
            var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
            return line < text.Lines.Count ? text.Lines[line].ToString().Trim() : string.Empty;
        }

        private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
    }
}
