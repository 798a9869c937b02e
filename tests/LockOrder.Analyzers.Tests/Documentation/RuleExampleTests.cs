using System;
using System.Linq;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LockOrder.Analyzers.Tests.Documentation
{
    /// <summary>
    /// The bad and good code on every rule page is real: it compiles against the runtime, the bad code gets the
    /// rule reported on the line its comment names, and the good code gets no LockOrder diagnostic at all. A page cannot
    /// drift from what the analyzer does.
    /// </summary>
    public sealed class RuleExampleTests
    {
        private static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);

        /// <summary>Rules a short example can show; an informational rule is about bounds and shows none.</summary>
        public static TheoryData<string> RulesWithExamples()
        {
            var data = new TheoryData<string>();
            foreach (var descriptor in RuleCatalog.All.Where(descriptor => descriptor.DefaultSeverity != DiagnosticSeverity.Info))
            {
                data.Add(descriptor.Id);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(RulesWithExamples))]
        public void Bad_code_gets_the_rule_on_the_line_it_names(string id)
        {
            var source = SingleExample(id, "Bad code");
            var markedLine = MarkedLine(source, id);

            var run = BoundedAnalysis.Run(source, Bound);

            AssertCompiles(run, id, "Bad code");
            var lines = run.LockOrderDiagnostics
                .Where(diagnostic => diagnostic.Id == id)
                .Select(diagnostic => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.True(lines.Contains(markedLine), $"{id}.md: expected {id} at line {markedLine} of the bad code; got:{Environment.NewLine}{run.Describe()}");
        }

        [Theory]
        [MemberData(nameof(RulesWithExamples))]
        public void Good_code_gets_no_lock_diagnostic(string id)
        {
            var run = BoundedAnalysis.Run(SingleExample(id, "Good code"), Bound);

            AssertCompiles(run, id, "Good code");
            Assert.True(run.LockOrderDiagnostics.IsEmpty, $"{id}.md: the good code got:{Environment.NewLine}{run.Describe()}");
        }

        private static string SingleExample(string id, string section)
        {
            var blocks = RulePage.Load(id).CSharpBlocksIn(section);
            Assert.True(blocks.Length == 1, $"{id}.md: '## {section}' should hold exactly one csharp block, has {blocks.Length}");
            return blocks[0];
        }

        /// <summary>The 1-based line whose comment names the rule ("// LOCK001: …").</summary>
        private static int MarkedLine(string source, string id)
        {
            var lines = source.Split('\n');
            var marked = Enumerable.Range(0, lines.Length).Where(index => lines[index].Contains("// " + id, StringComparison.Ordinal)).ToArray();
            Assert.True(marked.Length == 1, $"{id}.md: the bad code should mark exactly one line with '// {id}', marks {marked.Length}");
            return marked[0] + 1;
        }

        private static void AssertCompiles(AnalysisRun run, string id, string section)
        {
            Assert.Null(run.Failure);
            var errors = run.Compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, $"{id}.md: the {section.ToLowerInvariant()} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors.Select(error => error.ToString()))}");
        }
    }
}
