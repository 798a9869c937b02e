using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace LockOrder.Tool.Tests.Infrastructure
{
    /// <summary>
    /// The sample copies the command tests share, made once, and the tool's runs on them, each made once however many
    /// tests read it: every run loads a workspace and compiles the sample, which is the slow part.
    /// </summary>
    public sealed class SampleProjects : IAsyncLifetime
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<ToolRun>>> runs = new ConcurrentDictionary<string, Lazy<Task<ToolRun>>>();
        private SampleProject? brokenDriver;
        private SampleProject? vfioDriver;

        internal SampleProject BrokenDriver => brokenDriver ?? throw new InvalidOperationException("not initialized");

        internal SampleProject VfioDriver => vfioDriver ?? throw new InvalidOperationException("not initialized");

        /// <summary>Where the tool writes its SARIF log for BrokenDriver (by <see cref="BrokenDriverCheckAsync"/>).</summary>
        internal string BrokenDriverSarif => Path.Combine(BrokenDriver.Folder, "lockorder.sarif");

        public async Task InitializeAsync()
        {
            brokenDriver = await SampleProject.CreateAsync("BrokenDriver", "Library").ConfigureAwait(false);
            vfioDriver = await SampleProject.CreateAsync("VfioDriver", "Exe").ConfigureAwait(false);
        }

        public Task DisposeAsync()
        {
            brokenDriver?.Dispose();
            vfioDriver?.Dispose();
            return Task.CompletedTask;
        }

        /// <summary><c>lockorder check . --sarif lockorder.sarif</c> in BrokenDriver's folder.</summary>
        internal Task<ToolRun> BrokenDriverCheckAsync() => Once(BrokenDriver.Folder, "check", ".", "--sarif", BrokenDriverSarif);

        /// <summary><c>lockorder graph . [--format ...]</c> in BrokenDriver's folder.</summary>
        internal Task<ToolRun> BrokenDriverGraphAsync(string? format = null) =>
            format is null ? Once(BrokenDriver.Folder, "graph", ".") : Once(BrokenDriver.Folder, "graph", ".", "--format", format);

        /// <summary>Runs the tool once per distinct command line; later calls get the same run.</summary>
        internal Task<ToolRun> Once(string workingDirectory, params string[] arguments) =>
            runs.GetOrAdd(workingDirectory + "\u0001" + string.Join("\u0001", arguments), _ => new Lazy<Task<ToolRun>>(() => ProcessRunner.LockOrderAsync(workingDirectory, arguments))).Value;
    }
}
