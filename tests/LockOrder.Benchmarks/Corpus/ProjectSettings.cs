using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LockOrder.Benchmarks.AnalyzerCost;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LockOrder.Benchmarks.Corpus
{
    /// <summary>
    /// The few project settings that decide whether a corpus's files bind, read from its project files without
    /// MSBuild (the corpus is one compilation, not a solution): nullable context and implicit usings, each on when a
    /// <c>Directory.Build.props</c> (in the folder, or the nearest above it, which MSBuild would import for a project
    /// in it) or at least half of the project files turn it on. The rest is what the SDK gives a
    /// <c>net10.0</c> Release build: its preprocessor symbols, and unsafe code allowed (a project that has unsafe code
    /// allows it; one that has none is not affected).
    /// </summary>
    internal sealed class ProjectSettings
    {
        // The global usings Microsoft.NET.Sdk generates for ImplicitUsings.
        private static readonly string[] ImplicitUsings =
        {
            "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
        };

        private static readonly Regex NullableEnabled = new Regex(@"<Nullable>\s*enable\s*</Nullable>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex ImplicitUsingsEnabled = new Regex(@"<ImplicitUsings>\s*(enable|true)\s*</ImplicitUsings>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private ProjectSettings(int projects, bool nullable, string nullableReason, bool implicitUsings, string implicitUsingsReason)
        {
            Projects = projects;
            Nullable = nullable;
            NullableReason = nullableReason;
            ImplicitUsingsOn = implicitUsings;
            ImplicitUsingsReason = implicitUsingsReason;
        }

        internal int Projects { get; }

        internal bool Nullable { get; }

        internal string NullableReason { get; }

        internal bool ImplicitUsingsOn { get; }

        internal string ImplicitUsingsReason { get; }

        internal CSharpParseOptions ParseOptions =>
            AnalyzerBenchmark.ParseOptions.WithPreprocessorSymbols(PreprocessorSymbols());

        internal CSharpCompilationOptions CompilationOptions =>
            AnalyzerBenchmark.CompilationOptions
                .WithAllowUnsafe(true)
                .WithNullableContextOptions(Nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable);

        /// <summary>The file the SDK would generate for implicit usings, or null when they are off.</summary>
        internal SourceFile? GlobalUsings =>
            ImplicitUsingsOn
                ? new SourceFile("obj/ImplicitUsings.GlobalUsings.g.cs", string.Concat(ImplicitUsings.Select(n => $"global using global::{n};\n")))
                : null;

        /// <param name="root">The corpus folder.</param>
        /// <param name="projectFiles">Every <c>*.csproj</c>, <c>*.props</c> and <c>*.targets</c> under it.</param>
        internal static ProjectSettings Read(string root, IReadOnlyList<string> projectFiles)
        {
            var texts = new List<(string Path, string Text)>();
            foreach (string path in projectFiles.Concat(PropsAbove(root)))
            {
                try
                {
                    texts.Add((path, File.ReadAllText(path)));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // An unreadable project file decides nothing.
                }
            }

            var props = texts.Where(t => Path.GetFileName(t.Path).Equals("Directory.Build.props", StringComparison.OrdinalIgnoreCase)).ToList();
            var projects = texts.Where(t => t.Path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
            var (nullable, nullableReason) = Decide(NullableEnabled, props, projects);
            var (implicitUsings, implicitUsingsReason) = Decide(ImplicitUsingsEnabled, props, projects);
            return new ProjectSettings(projects.Count, nullable, nullableReason, implicitUsings, implicitUsingsReason);
        }

        private static IEnumerable<string> PropsAbove(string root)
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(root)).Parent; folder is not null; folder = folder.Parent)
            {
                string props = Path.Combine(folder.FullName, "Directory.Build.props");
                if (File.Exists(props))
                {
                    yield return props;
                    yield break;
                }
            }
        }

        private static (bool On, string Reason) Decide(Regex setting, List<(string Path, string Text)> props, List<(string Path, string Text)> projects)
        {
            if (props.Any(p => setting.IsMatch(p.Text)))
            {
                return (true, "a Directory.Build.props turns it on");
            }

            int on = projects.Count(p => setting.IsMatch(p.Text));
            return projects.Count > 0 && on * 2 >= projects.Count
                ? (true, $"{on} of {projects.Count} project files turn it on")
                : (false, $"{on} of {projects.Count} project files turn it on");
        }

        /// <summary>What the SDK defines for a net10.0 Release build (for the framework this program runs on).</summary>
        private static IEnumerable<string> PreprocessorSymbols()
        {
            int major = Environment.Version.Major;
            yield return "TRACE";
            yield return "RELEASE";
            yield return "NET";
            yield return "NETCOREAPP";
            yield return $"NET{major}_0";
            for (int version = 5; version <= major; version++)
            {
                yield return $"NET{version}_0_OR_GREATER";
            }

            foreach (string version in new[] { "1_0", "1_1", "2_0", "2_1", "2_2", "3_0", "3_1" })
            {
                yield return $"NETCOREAPP{version}_OR_GREATER";
            }
        }
    }
}
