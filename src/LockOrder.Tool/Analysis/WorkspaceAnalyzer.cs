using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.Analyzers;
using LockOrder.Analyzers.Graph;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Tool.Analysis
{
    /// <summary>
    /// Runs LockOrder's analyzer — this tool's own instance, the one the package ships — over each C# project's
    /// compilation, with the project's analyzer options, so .editorconfig and .globalconfig severities, pragmas and
    /// [SuppressMessage] apply as in the build. The project's own analyzer references are not run: a project that
    /// installs the package would otherwise get every LockOrder diagnostic twice. Its source generators still ran, in
    /// the workspace, when the compilation was built.
    /// </summary>
    internal static class WorkspaceAnalyzer
    {
        internal static async Task<IReadOnlyList<ProjectAnalysis>> AnalyzeAsync(Solution solution, StatusWriter status, CancellationToken cancellationToken)
        {
            var projects = solution.Projects
                .Where(p => p.Language == LanguageNames.CSharp)
                .OrderBy(p => p.Name, System.StringComparer.Ordinal)
                .ToList();
            status.Progress(projects.Count == 1 ? "Analyzing 1 project" : $"Analyzing {projects.Count} projects");
            var results = new List<ProjectAnalysis>();
            for (int i = 0; i < projects.Count; i++)
            {
                var result = await AnalyzeAsync(projects[i], cancellationToken).ConfigureAwait(false);
                results.Add(result);
                var errors = result.CompilerErrors.Length == 0 ? string.Empty : $", {Count(result.CompilerErrors.Length, "compiler error")}";
                status.Progress($"  [{i + 1}/{projects.Count}] {result.ProjectName}: {Count(result.Diagnostics.Length, "diagnostic")}{errors}");
            }

            // Code that does not compile (most often: not restored, so LockOrder's types are missing) gives the analyzer
            // nothing to see; reporting "no diagnostics" for it would pass a CI gate that the build fails.
            var broken = results.Where(r => r.CompilerErrors.Length > 0).ToList();
            foreach (var project in broken)
            {
                foreach (var error in project.CompilerErrors.Take(3))
                {
                    status.Error($"{project.ProjectName} does not compile: {error}");
                }
            }

            if (broken.Count > 0)
            {
                var which = broken.Count == 1 ? "a project does not compile" : $"{broken.Count} projects do not compile";
                throw new ToolException($"{which}, so LockOrder cannot analyze it fully; restore and build it ('dotnet build') to see why");
            }

            return results;
        }

        private static async Task<ProjectAnalysis> AnalyzeAsync(Project project, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                return new ProjectAnalysis(project.Name, project.FilePath ?? project.Name, ImmutableArray<Diagnostic>.Empty, null, ImmutableArray<Diagnostic>.Empty);
            }

            var sink = new LockGraphSink();
            var analyzer = new LockOrderAnalyzer(sink);
            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var withAnalyzer = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);

            // One call for the compiler's and the analyzer's diagnostics: both come from the same binding of the code.
            var all = await withAnalyzer.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            var ours = new HashSet<string>(analyzer.SupportedDiagnostics.Select(d => d.Id)) { "AD0001" };
            var diagnostics = all
                .Where(d => ours.Contains(d.Id) && d.Severity != DiagnosticSeverity.Hidden && !d.IsSuppressed)
                .ToImmutableArray();
            var compilerErrors = all
                .Where(d => !ours.Contains(d.Id) && d.Severity == DiagnosticSeverity.Error)
                .ToImmutableArray();
            return new ProjectAnalysis(project.Name, project.FilePath ?? project.Name, diagnostics, sink.Graphs.SingleOrDefault(), compilerErrors);
        }

        private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
    }
}
