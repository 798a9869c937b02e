using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LockOrder.Tool.Loading
{
    /// <summary>
    /// What the command line names: a solution (.sln, .slnx), a C# project (.csproj), or a folder holding one of them,
    /// as <c>dotnet build</c> accepts a folder.
    /// </summary>
    internal sealed class InputPath
    {
        private static readonly string[] SolutionExtensions = { ".sln", ".slnx" };

        private InputPath(string fullPath, bool isSolution)
        {
            FullPath = fullPath;
            IsSolution = isSolution;
        }

        /// <summary>The solution or project file, absolute.</summary>
        internal string FullPath { get; }

        internal bool IsSolution { get; }

        /// <summary>The folder the file is in: locations in the graph are shown relative to it.</summary>
        internal string Directory => Path.GetDirectoryName(FullPath)!;

        /// <summary>Resolves <paramref name="argument"/>, or throws a <see cref="ToolException"/> that says what is wrong with it.</summary>
        internal static InputPath Resolve(string argument)
        {
            if (string.IsNullOrWhiteSpace(argument))
            {
                throw new ToolException("no solution or project given");
            }

            var full = Path.GetFullPath(argument);
            if (File.Exists(full))
            {
                return FromFile(argument, full);
            }

            if (System.IO.Directory.Exists(full))
            {
                return FromFolder(argument, full);
            }

            throw new ToolException($"'{argument}' does not exist");
        }

        private static InputPath FromFile(string argument, string full)
        {
            var extension = Path.GetExtension(full);
            if (SolutionExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                return new InputPath(full, isSolution: true);
            }

            if (string.Equals(extension, ".csproj", StringComparison.OrdinalIgnoreCase))
            {
                return new InputPath(full, isSolution: false);
            }

            throw new ToolException($"'{argument}' is neither a solution (.sln, .slnx) nor a C# project (.csproj)");
        }

        private static InputPath FromFolder(string argument, string full)
        {
            var solutions = FilesWith(full, SolutionExtensions);
            if (solutions.Count == 1)
            {
                // A folder with one solution and the project beside it is the common single-project repository: the
                // solution is what the IDE would open.
                return new InputPath(solutions[0], isSolution: true);
            }

            if (solutions.Count > 1)
            {
                throw new ToolException($"'{argument}' holds several solutions ({Names(solutions)}); name one");
            }

            var projects = FilesWith(full, ".csproj");
            return projects.Count switch
            {
                1 => new InputPath(projects[0], isSolution: false),
                0 => throw new ToolException($"'{argument}' holds no solution (.sln, .slnx) and no C# project (.csproj)"),
                _ => throw new ToolException($"'{argument}' holds several projects ({Names(projects)}); name one"),
            };
        }

        private static List<string> FilesWith(string folder, params string[] extensions) =>
            System.IO.Directory.EnumerateFiles(folder)
                .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();

        private static string Names(IEnumerable<string> files) => string.Join(", ", files.Select(Path.GetFileName));
    }
}
