using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LockOrder.Tool.Tests.Infrastructure;
using Xunit;

namespace LockOrder.Tool.Tests
{
    /// <summary>
    /// <c>lockorder check</c> on the samples: the diagnostics their "// expect:" comments name and the build gives, no
    /// more and no fewer, grouped by rule and file with the offending line, and an exit code that follows the
    /// effective severities.
    /// </summary>
    [Collection(ToolCollection.Name)]
    public sealed class CheckCommandTests
    {
        private static readonly Regex RuleHeader = new Regex(@"^(?<rule>LOCK\d{3})  (?<title>.+) \((?<count>\d+) diagnostics?\)$");
        private static readonly Regex FileHeader = new Regex(@"^  (?<file>\S.*\.cs)$");
        private static readonly Regex DiagnosticLine = new Regex(@"^    (?<line>\d+):(?<column>\d+)  (?<severity>error|warning|info)  (?<message>.+)$");
        private static readonly Regex SourceLine = new Regex(@"^      \| (?<text>.*)$");

        private readonly SampleProjects samples;

        public CheckCommandTests(SampleProjects samples)
        {
            this.samples = samples;
        }

        [Fact]
        public async Task BrokenDriverFailsWithExactlyTheExpectedDiagnostics()
        {
            var run = await samples.BrokenDriverCheckAsync();

            Assert.True(run.ExitCode == 1, run.ToString());
            var expected = samples.BrokenDriver.ExpectedDiagnostics();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, SarifResults.Read(samples.BrokenDriverSarif));
            Assert.Equal(expected, Report(run.Output).Select(d => (d.Rule, d.File, d.Line)).OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Rule, StringComparer.Ordinal));
        }

        [Fact]
        public async Task BrokenDriverGetsTheDiagnosticsTheBuildGives()
        {
            var run = await samples.BrokenDriverCheckAsync();
            var buildLog = Path.Combine(samples.BrokenDriver.Folder, "build.sarif");
            var build = await ProcessRunner.DotnetAsync(samples.BrokenDriver.Folder, "build", samples.BrokenDriver.ProjectFile, "-nologo", $"-p:ErrorLog={buildLog}%2Cversion=2.1");

            Assert.True(build.ExitCode != 0, "the sample's errors must fail its build\n" + build);
            Assert.True(run.ExitCode == 1, run.ToString());
            var fromBuild = SarifResults.Details(buildLog).Where(r => r.Rule.StartsWith("LOCK", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(fromBuild);
            Assert.Equal(fromBuild, SarifResults.Details(samples.BrokenDriverSarif));
        }

        [Fact]
        public async Task ReportGroupsByRuleAndFileAndShowsTheOffendingLine()
        {
            var run = await samples.BrokenDriverCheckAsync();
            var report = Report(run.Output);

            Assert.NotEmpty(report);
            foreach (var diagnostic in report)
            {
                var line = File.ReadAllLines(Path.Combine(samples.BrokenDriver.Folder, diagnostic.File))[diagnostic.Line - 1].Trim();
                Assert.Equal(line, diagnostic.Source);
            }

            // Rules come in order, each once; within a rule, each file once.
            var rules = report.Select(d => d.Rule).Distinct().ToList();
            Assert.Equal(rules.OrderBy(r => r, StringComparer.Ordinal), rules);
            Assert.Contains(report, d => d.Rule == "LOCK002" && d.Severity == "error" && d.Message.Contains("'MemoryLock (device.MemoryLock)' is held (Exclusive)", StringComparison.Ordinal));
            Assert.Contains(report, d => d.Rule == "LOCK008" && d.Severity == "warning" && d.File == "BusResetCycle.cs" && d.Line == 52);
            Assert.Matches(@"13 LockOrder diagnostics in 1 project: \d+ errors, \d+ warnings\.", run.Output);
        }

        [Fact]
        public async Task VfioDriverPassesWithEveryRuleAnError()
        {
            var run = await samples.Once(samples.VfioDriver.Folder, "check", samples.VfioDriver.ProjectFile);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("No LockOrder diagnostics in 1 project.", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("LOCK0", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task EditorConfigSeveritiesAreTheOnesReportedAndGated()
        {
            // LOCK001 switched off, LOCK008 raised to an error, as a user's .editorconfig would.
            using var project = await SampleProject.CreateAsync("BrokenDriver", "Library", new Dictionary<string, string>
            {
                [".editorconfig"] = "root = true\n\n[*.cs]\ndotnet_diagnostic.LOCK001.severity = none\ndotnet_diagnostic.LOCK008.severity = error\n",
            });
            var run = await ProcessRunner.LockOrderAsync(project.Folder, "check", ".");

            Assert.True(run.ExitCode == 1, run.ToString());
            var report = Report(run.Output);
            Assert.DoesNotContain(report, d => d.Rule == "LOCK001");
            var inversions = report.Where(d => d.Rule == "LOCK008").ToList();
            Assert.Equal(2, inversions.Count);
            Assert.All(inversions, d => Assert.Equal("error", d.Severity));
            Assert.Equal(project.ExpectedDiagnostics().Count(e => e.Rule != "LOCK001"), report.Count);
        }

        [Fact]
        public async Task GlobalConfigThatLowersEveryRuleToAWarningPasses()
        {
            using var project = await SampleProject.CreateAsync("BrokenDriver", "Library", new Dictionary<string, string>
            {
                [".globalconfig"] = "is_global = true\ndotnet_analyzer_diagnostic.category-LockOrder.severity = warning\n",
            });
            var run = await ProcessRunner.LockOrderAsync(project.Folder, "check", ".");

            Assert.True(run.ExitCode == 0, run.ToString());
            var report = Report(run.Output);
            Assert.Equal(project.ExpectedDiagnostics().Count, report.Count);
            Assert.All(report, d => Assert.Equal("warning", d.Severity));
        }

        /// <summary>The report's diagnostics, each with the rule and file of the headings it stands under.</summary>
        private static List<(string Rule, string File, int Line, string Severity, string Message, string Source)> Report(string output)
        {
            var diagnostics = new List<(string, string, int, string, string, string)>();
            string? rule = null;
            string? file = null;
            var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            for (int i = 0; i < lines.Length; i++)
            {
                Match match;
                if ((match = RuleHeader.Match(lines[i])).Success)
                {
                    rule = match.Groups["rule"].Value;
                    file = null;
                }
                else if ((match = FileHeader.Match(lines[i])).Success)
                {
                    file = match.Groups["file"].Value;
                }
                else if ((match = DiagnosticLine.Match(lines[i])).Success)
                {
                    Assert.True(rule is not null && file is not null, $"diagnostic outside a rule and file heading: {lines[i]}");
                    var source = SourceLine.Match(i + 1 < lines.Length ? lines[i + 1] : string.Empty);
                    Assert.True(source.Success, $"no source line after: {lines[i]}");
                    diagnostics.Add((rule!, file!, int.Parse(match.Groups["line"].Value), match.Groups["severity"].Value, match.Groups["message"].Value, source.Groups["text"].Value));
                }
            }

            return diagnostics;
        }
    }
}
