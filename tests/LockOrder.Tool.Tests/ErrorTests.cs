using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LockOrder.Tool.Tests.Infrastructure;
using Xunit;

namespace LockOrder.Tool.Tests
{
    /// <summary>
    /// What the user did wrong, or what is wrong with the machine, comes out as "lockorder: error: ..." lines that say
    /// what and where — never a stack trace — with exit code 2, which CI tells from "found errors" (1).
    /// </summary>
    [Collection(ToolCollection.Name)]
    public sealed class ErrorTests : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "lockorder-tool-tests", "errors-" + Guid.NewGuid().ToString("N"));

        public ErrorTests()
        {
            Directory.CreateDirectory(folder);
        }

        [Fact]
        public async Task PathThatDoesNotExist()
        {
            var run = await ProcessRunner.LockOrderAsync(folder, "check", "NoSuchDriver.csproj");

            Assert.Equal("lockorder: error: 'NoSuchDriver.csproj' does not exist", AssertCouldNotRun(run).Single());
        }

        [Fact]
        public async Task FolderWithoutAProject()
        {
            var run = await ProcessRunner.LockOrderAsync(folder, "graph", ".");

            Assert.Equal("lockorder: error: '.' holds no solution (.sln, .slnx) and no C# project (.csproj)", AssertCouldNotRun(run).Single());
        }

        [Fact]
        public async Task ProjectThatDoesNotLoadIsNamedWithTheReason()
        {
            var project = Path.Combine(folder, "Truncated.csproj");
            File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n");

            var errors = AssertCouldNotRun(await ProcessRunner.LockOrderAsync(folder, "check", project));

            Assert.Contains(errors, e => e.Contains(project, StringComparison.Ordinal) && e.Contains("could not be loaded", StringComparison.Ordinal));
            Assert.Equal("lockorder: error: a project did not load; nothing was analyzed", errors[^1]);
        }

        [Fact]
        public async Task SdkThatCannotBeFound()
        {
            // A global.json that asks for an SDK no machine has, as a repository pinned to another SDK does.
            File.WriteAllText(Path.Combine(folder, "global.json"), "{ \"sdk\": { \"version\": \"99.0.100\", \"rollForward\": \"disable\" } }");
            File.WriteAllText(Path.Combine(folder, "Driver.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");

            // hostfxr itself lists the installed SDKs on standard output when it finds none that fits.
            var error = AssertCouldNotRun(await ProcessRunner.LockOrderAsync(folder, "check", "Driver.csproj"), outputMayListSdks: true).Single();

            Assert.StartsWith($"lockorder: error: no .NET SDK found for '{folder}'", error, StringComparison.Ordinal);
            Assert.Contains("99.0.100", error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task ProjectThatDoesNotCompileIsNotPassedAsClean()
        {
            // BrokenDriver without its LockOrder reference, as an unrestored project looks: the analyzer sees no lock
            // types, and "no diagnostics" would pass a gate the build fails.
            using var project = await SampleProject.CreateAsync("BrokenDriver", "Library", referenceRuntime: false);

            var errors = AssertCouldNotRun(await ProcessRunner.LockOrderAsync(project.Folder, "check", "."));

            Assert.Contains(errors, e => e.StartsWith("lockorder: error: BrokenDriver does not compile: ", StringComparison.Ordinal) && e.Contains("CS0246", StringComparison.Ordinal));
            Assert.StartsWith("lockorder: error: a project does not compile", errors[^1], StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("graph", ".", "--format", "png")]
        [InlineData("check")]
        [InlineData("lint", ".")]
        public async Task UsageErrors(params string[] arguments)
        {
            var errors = AssertCouldNotRun(await ProcessRunner.LockOrderAsync(folder, arguments));

            Assert.NotEmpty(errors);
        }

        public void Dispose() => Directory.Delete(folder, recursive: true);

        /// <summary>Exit code 2, nothing on standard output, and standard error's error lines (there is no stack trace).</summary>
        private static List<string> AssertCouldNotRun(ToolRun run, bool outputMayListSdks = false)
        {
            Assert.True(run.ExitCode == 2, run.ToString());
            if (outputMayListSdks)
            {
                Assert.All(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Matches(@"^\d+\.\d+\.\d+\S* \[.*\]\s*$", l));
            }
            else
            {
                Assert.Equal(string.Empty, run.Output);
            }

            var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
            Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
            return lines.Where(l => l.StartsWith("lockorder: error: ", StringComparison.Ordinal)).ToList();
        }
    }
}
