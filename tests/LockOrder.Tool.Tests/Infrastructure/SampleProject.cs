using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace LockOrder.Tool.Tests.Infrastructure
{
    /// <summary>
    /// A copy of one of the repository's samples, outside the repository, as a project that references the runtime
    /// assembly and the analyzer these tests were built with (the samples themselves install LockOrder.Runtime from the
    /// local feed, which only packing fills). Like the real sample, it references the analyzer, so a tool that ran the
    /// project's analyzer beside its own would report everything twice. Restored, so the workspace can load it.
    /// </summary>
    internal sealed class SampleProject : IDisposable
    {
        private SampleProject(string name, string folder)
        {
            Name = name;
            Folder = folder;
        }

        internal string Name { get; }

        /// <summary>The project's folder (a fresh one under the system's temporary folder).</summary>
        internal string Folder { get; }

        internal string ProjectFile => Path.Combine(Folder, Name + ".csproj");

        /// <summary>
        /// Copies samples/<paramref name="sample"/> (its C# files and its .globalconfig, if any) and writes
        /// <paramref name="extraFiles"/> beside them.
        /// </summary>
        internal static async Task<SampleProject> CreateAsync(string sample, string outputType, IReadOnlyDictionary<string, string>? extraFiles = null, bool referenceRuntime = true)
        {
            var source = Path.Combine(RepositoryRoot.Path, "samples", sample);
            var folder = Path.Combine(Path.GetTempPath(), "lockorder-tool-tests", $"{sample}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.GetFiles(source, "*.cs").Concat(Directory.GetFiles(source, ".globalconfig")))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            foreach (var (name, text) in extraFiles ?? new Dictionary<string, string>())
            {
                File.WriteAllText(Path.Combine(folder, name), text);
            }

            var project = new SampleProject(sample, folder);
            File.WriteAllText(project.ProjectFile, ProjectText(outputType, referenceRuntime));
            var restore = await ProcessRunner.DotnetAsync(folder, "restore", project.ProjectFile).ConfigureAwait(false);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            return project;
        }

        /// <summary>
        /// Every "// expect: LOCKnnn" comment of the copy, as (rule, file name, line): the contract the build of the real
        /// sample is held to by .ci/e2e/expected_diagnostics.py.
        /// </summary>
        internal IReadOnlyList<(string Rule, string File, int Line)> ExpectedDiagnostics() =>
            Infrastructure.ExpectedDiagnostics.In(Folder);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the temporary folder is the system's to clean then.
            }
        }

        private static string ProjectText(string outputType, bool referenceRuntime)
        {
            var bin = AppContext.BaseDirectory;
            var references = referenceRuntime
                ? $@"    <Reference Include=""LockOrder.Runtime"" HintPath=""{Path.Combine(bin, "LockOrder.Runtime.dll")}"" />
    <Analyzer Include=""{Path.Combine(bin, "LockOrder.Analyzers.dll")}"" />"
                : string.Empty;
            return $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>{outputType}</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <LangVersion>latest</LangVersion>
  </PropertyGroup>
  <ItemGroup>
{references}
  </ItemGroup>
</Project>
";
        }
    }
}
