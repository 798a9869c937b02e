using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.Tool.Loading;

namespace LockOrder.Tool.Analysis
{
    /// <summary>What both commands do first: find the input and its SDK, load it, and run the analyzer on every project.</summary>
    internal sealed class InputAnalysis
    {
        private InputAnalysis(InputPath input, IReadOnlyList<ProjectAnalysis> projects)
        {
            Input = input;
            Projects = projects;
        }

        internal InputPath Input { get; }

        /// <summary>One per C# project and target framework, by project name.</summary>
        internal IReadOnlyList<ProjectAnalysis> Projects { get; }

        /// <summary>How many project files were analyzed (a multi-targeted project counts once).</summary>
        internal int ProjectFileCount => Projects.Select(p => p.ProjectFile).Distinct().Count();

        internal static async Task<InputAnalysis> RunAsync(string argument, StatusWriter status, CancellationToken cancellationToken)
        {
            var input = InputPath.Resolve(argument);
            var sdk = SdkLocation.Register(input);
            status.Progress($"Loading {PathDisplay.Relative(Directory.GetCurrentDirectory(), input.FullPath)} (.NET SDK {sdk})");
            var (workspace, solution) = await WorkspaceLoader.LoadAsync(input, status, cancellationToken).ConfigureAwait(false);
            using (workspace)
            {
                var projects = await WorkspaceAnalyzer.AnalyzeAsync(solution, status, cancellationToken).ConfigureAwait(false);
                return new InputAnalysis(input, projects);
            }
        }
    }
}
