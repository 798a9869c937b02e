using System;
using System.IO;
using Microsoft.CodeAnalysis.MSBuild;

namespace LockOrder.Tool.Loading
{
    /// <summary>
    /// One line per project (and target framework) the workspace has finished loading. Written at once rather than
    /// through <see cref="Progress{T}"/>, which posts to the thread pool and could print after the analysis started.
    /// </summary>
    internal sealed class LoadProgress : IProgress<ProjectLoadProgress>
    {
        private readonly StatusWriter status;

        internal LoadProgress(StatusWriter status)
        {
            this.status = status;
        }

        /// <summary>How many projects (one per target framework) have loaded.</summary>
        internal int Loaded { get; private set; }

        public void Report(ProjectLoadProgress value)
        {
            // Evaluate and Build come before Resolve for every project: only the last step says it is loaded.
            if (value.Operation != ProjectLoadOperation.Resolve)
            {
                return;
            }

            Loaded++;
            var framework = string.IsNullOrEmpty(value.TargetFramework) ? string.Empty : $" ({value.TargetFramework})";
            status.Progress($"  loaded {Path.GetFileNameWithoutExtension(value.FilePath)}{framework}");
        }
    }
}
