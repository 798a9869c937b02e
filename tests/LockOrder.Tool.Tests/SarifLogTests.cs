using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LockOrder.Tool.Tests.Infrastructure;
using Xunit;

namespace LockOrder.Tool.Tests
{
    /// <summary>
    /// The SARIF log <c>check --sarif</c> writes has the shape the SARIF 2.1.0 schema requires, and describes each rule
    /// it reports so that code scanning can show the rule's help.
    /// </summary>
    [Collection(ToolCollection.Name)]
    public sealed class SarifLogTests
    {
        private readonly SampleProjects samples;

        public SarifLogTests(SampleProjects samples)
        {
            this.samples = samples;
        }

        [Fact]
        public async Task LogHasTheShapeOfTheSarif21Schema()
        {
            await samples.BrokenDriverCheckAsync();
            using var log = JsonDocument.Parse(File.ReadAllText(samples.BrokenDriverSarif));

            Assert.Empty(SarifSchemaShape.Check(log.RootElement));
            var results = log.RootElement.GetProperty("runs")[0].GetProperty("results");
            Assert.Equal(samples.BrokenDriver.ExpectedDiagnostics().Count, results.GetArrayLength());
        }

        [Fact]
        public async Task EveryReportedRuleIsDescribedWithItsHelpPage()
        {
            await samples.BrokenDriverCheckAsync();
            using var log = JsonDocument.Parse(File.ReadAllText(samples.BrokenDriverSarif));
            var run = log.RootElement.GetProperty("runs")[0];
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
                .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("helpUri").GetString()!);

            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var rule = result.GetProperty("ruleId").GetString()!;
                Assert.EndsWith($"/docs/rules/{rule}.md", rules[rule]);
            }
        }

        [Fact]
        public void ShapeCheckRejectsWhatTheSchemaForbids()
        {
            // The check itself must be able to fail: a log missing its version, with an unknown property and a bad level.
            using var log = JsonDocument.Parse("{\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[{\"message\":{\"text\":\"m\"},\"level\":\"fatal\",\"extra\":1}]}]}");

            var problems = SarifSchemaShape.Check(log.RootElement);

            Assert.Contains(problems, p => p.Contains("lacks required 'version'"));
            Assert.Contains(problems, p => p.Contains("'extra' is not a property the schema allows"));
            Assert.Contains(problems, p => p.Contains(".level: 'fatal'"));
        }
    }
}
