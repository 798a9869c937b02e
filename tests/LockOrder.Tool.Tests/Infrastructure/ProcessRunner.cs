using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace LockOrder.Tool.Tests.Infrastructure
{
    /// <summary>
    /// Runs the built <c>lockorder</c> the way users run it — a process started from the tool's own output folder — and
    /// <c>dotnet</c> itself (restore and build the test projects). A run that hangs is killed after a generous bound;
    /// no test asserts anything about how long a run takes.
    /// </summary>
    internal static class ProcessRunner
    {
        private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

        /// <summary>The tool's entry assembly, built in the configuration these tests were built in.</summary>
        internal static string ToolAssembly { get; } = FindTool();

        internal static Task<ToolRun> LockOrderAsync(string workingDirectory, params string[] arguments) =>
            RunAsync(workingDirectory, Prepend(ToolAssembly, arguments));

        internal static Task<ToolRun> DotnetAsync(string workingDirectory, params string[] arguments) =>
            RunAsync(workingDirectory, arguments);

        private static async Task<ToolRun> RunAsync(string workingDirectory, string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The test host's own MSBuild and SDK settings must not leak into the process under test.
            foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
            {
                start.Environment.Remove(variable);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(HangGuard)).ConfigureAwait(false) != exited)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet {string.Join(" ", arguments)} did not finish within {HangGuard}");
            }

            return new ToolRun(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }

        private static string FindTool()
        {
            // bin/<Configuration>/net10.0/ of this test project names the configuration the tool was built in too.
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = testBin.Parent!.Name;
            var tool = Path.Combine(RepositoryRoot.Path, "src", "LockOrder.Tool", "bin", configuration, testBin.Name, "LockOrder.Tool.dll");
            if (!File.Exists(tool))
            {
                throw new InvalidOperationException($"The tool is not built at {tool}");
            }

            return tool;
        }

        private static string[] Prepend(string first, string[] rest)
        {
            var all = new string[rest.Length + 1];
            all[0] = first;
            rest.CopyTo(all, 1);
            return all;
        }
    }
}
