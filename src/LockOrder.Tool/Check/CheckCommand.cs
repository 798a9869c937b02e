using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.Analyzers;
using LockOrder.Tool.Analysis;
using Microsoft.CodeAnalysis;

namespace LockOrder.Tool.Check
{
    /// <summary>
    /// <c>lockorder check</c>: the diagnostics grouped by rule and file on standard output, optionally a SARIF log, and
    /// exit code 1 when any diagnostic of error severity remains — the same diagnostics, at the same severities, that
    /// <c>dotnet build</c> gives.
    /// </summary>
    internal static class CheckCommand
    {
        internal static async Task<int> RunAsync(string path, FileInfo? sarif, TextWriter output, StatusWriter status, CancellationToken cancellationToken)
        {
            var analysis = await InputAnalysis.RunAsync(path, status, cancellationToken).ConfigureAwait(false);
            var diagnostics = Distinct(analysis.Projects.SelectMany(p => p.Diagnostics));
            CheckReport.Write(output, diagnostics, analysis.ProjectFileCount, Directory.GetCurrentDirectory());
            if (sarif is not null)
            {
                WriteSarif(sarif, diagnostics);
                status.Progress($"SARIF log written to {PathDisplay.Relative(Directory.GetCurrentDirectory(), sarif.FullName)}");
            }

            return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? ExitCodes.ErrorsFound : ExitCodes.Success;
        }

        /// <summary>
        /// Each diagnostic once, in file and position order: a multi-targeted project's targets report the same ones,
        /// which the build prints once per target.
        /// </summary>
        private static List<Diagnostic> Distinct(IEnumerable<Diagnostic> diagnostics) => diagnostics
            .GroupBy(d => (d.Id, d.Location.GetLineSpan().Path, d.Location.SourceSpan, d.GetMessage()))
            .Select(g => g.First())
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

        private static void WriteSarif(FileInfo file, IReadOnlyList<Diagnostic> diagnostics)
        {
            try
            {
                file.Directory?.Create();
                using var stream = file.Create();
                SarifLog.Write(stream, diagnostics, new LockOrderAnalyzer().SupportedDiagnostics, ToolVersion.Current);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ToolException($"cannot write the SARIF log '{file.FullName}': {e.Message}", e);
            }
        }
    }
}
