using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace LockOrder.Tool.Loading
{
    /// <summary>
    /// Opens the input the way the IDE does: an MSBuild workspace evaluates and design-time builds every project with
    /// the registered SDK, so the compilations have the user's references, defines, generated sources and
    /// .editorconfig/.globalconfig options.
    /// </summary>
    internal static class WorkspaceLoader
    {
        /// <summary>
        /// The loaded solution, with its workspace (which owns it and must be disposed). A load failure of any project
        /// is a <see cref="ToolException"/> naming the project and the reason: an analysis of part of the code would pass
        /// for an analysis of all of it.
        /// </summary>
        // Not inlined into the caller, which registers the SDK first: the workspace's methods refer to MSBuild's types,
        // and those must not load before the SDK's MSBuild is registered.
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static async Task<(MSBuildWorkspace Workspace, Solution Solution)> LoadAsync(InputPath input, StatusWriter status, CancellationToken cancellationToken)
        {
            var workspace = MSBuildWorkspace.Create();
            var failures = new List<string>();
            var warnings = new List<string>();
            using var handler = workspace.RegisterWorkspaceFailedHandler(e =>
            {
                lock (failures)
                {
                    (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure ? failures : warnings).Add(OneLine(e.Diagnostic.Message));
                }
            });

            var progress = new LoadProgress(status);
            Solution solution;
            try
            {
                solution = input.IsSolution
                    ? await workspace.OpenSolutionAsync(input.FullPath, progress, cancellationToken).ConfigureAwait(false)
                    : (await workspace.OpenProjectAsync(input.FullPath, progress, cancellationToken).ConfigureAwait(false)).Solution;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                workspace.Dispose();
                throw new ToolException($"could not load '{Path.GetFileName(input.FullPath)}': {OneLine(e.Message)}", e);
            }

            // Warnings are common and mostly harmless (a file listed twice, a reference to a project that is not
            // built): counted, and shown one by one when asked for.
            if (status.Verbose)
            {
                warnings.ForEach(status.Warning);
            }
            else if (warnings.Count > 0)
            {
                status.Progress($"  ({(warnings.Count == 1 ? "1 workspace warning" : $"{warnings.Count} workspace warnings")}; --verbose shows them)");
            }

            if (failures.Count > 0)
            {
                workspace.Dispose();
                foreach (var failure in failures)
                {
                    status.Error(failure);
                }

                throw new ToolException(failures.Count == 1 ? "a project did not load; nothing was analyzed" : $"{failures.Count} projects did not load; nothing was analyzed");
            }

            return (workspace, solution);
        }

        private static string OneLine(string message) => string.Join(" ", message.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())).Trim();
    }
}
