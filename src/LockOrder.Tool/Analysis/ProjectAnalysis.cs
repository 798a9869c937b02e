using System.Collections.Immutable;
using LockOrder.Analyzers.Graph;
using Microsoft.CodeAnalysis;

namespace LockOrder.Tool.Analysis
{
    /// <summary>What LockOrder's analyzer found in one project (one per target framework of a multi-targeted project).</summary>
    internal sealed class ProjectAnalysis
    {
        internal ProjectAnalysis(string projectName, string projectFile, ImmutableArray<Diagnostic> diagnostics, LockGraph? graph, ImmutableArray<Diagnostic> compilerErrors)
        {
            ProjectName = projectName;
            ProjectFile = projectFile;
            Diagnostics = diagnostics;
            Graph = graph;
            CompilerErrors = compilerErrors;
        }

        /// <summary>The workspace's name for the project: "Driver", or "Driver(net8.0)" for one target of several.</summary>
        internal string ProjectName { get; }

        /// <summary>The project file: the same for every target framework of one project.</summary>
        internal string ProjectFile { get; }

        /// <summary>The analyzer's diagnostics at their effective severity, without hidden and suppressed ones.</summary>
        internal ImmutableArray<Diagnostic> Diagnostics { get; }

        /// <summary>The lock graph, or null where the compilation cannot see the LockOrder annotations.</summary>
        internal LockGraph? Graph { get; }

        /// <summary>The compiler's errors: where there are some, the analysis saw code that does not build.</summary>
        internal ImmutableArray<Diagnostic> CompilerErrors { get; }
    }
}
