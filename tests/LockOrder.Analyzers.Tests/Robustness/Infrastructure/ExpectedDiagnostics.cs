using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LockOrder.Analyzers.Tests.Robustness.Infrastructure
{
    /// <summary>
    /// Checks an analysis of a generated input against the <c>/*LOCKnnn*/</c> markers in it. Past a bound the analysis
    /// may report less — but then it must say so with LOCK011 (once per place) — and it may never report a wrong
    /// error.
    /// </summary>
    internal static class ExpectedDiagnostics
    {
        internal const string AnalysisIncomplete = "LOCK011";

        private static readonly Regex Marker = new Regex(@"/\*(LOCK\d{3})\*/", RegexOptions.Compiled);

        /// <summary>
        /// Asserts that <paramref name="run"/> did not crash or time out, that every marked diagnostic was reported on
        /// its line (unless the input may cross a bound and LOCK011 says the analysis stopped short), that LOCK011
        /// appears exactly when <paramref name="completeness"/> allows or requires it, and that nothing unmarked was
        /// reported — anywhere, or when <paramref name="exactWithinType"/> is given, inside that type (what the rest of
        /// an ill-formed file gets is then only logged) — except the IDs in <paramref name="correctAnywhere"/>, for
        /// inputs where every such diagnostic is right. Returns a summary for the test output.
        /// </summary>
        internal static string Verify(AnalysisRun run, Completeness completeness, string? exactWithinType = null, params string[] correctAnywhere)
        {
            var mayBeIncomplete = completeness != Completeness.Complete;
            Assert.True(run.Failure is null, run.Failure);

            var tree = run.Compilation.SyntaxTrees.Single();
            var text = tree.GetText();
            var expected = Marker.Matches(text.ToString())
                .Select(match => (Id: match.Groups[1].Value, Line: text.Lines.GetLineFromPosition(match.Index).LineNumber))
                .ToList();
            var reported = run.LockOrderDiagnostics.Where(diagnostic => diagnostic.Id != AnalysisIncomplete).ToList();
            var incomplete = run.LockOrderDiagnostics.Where(diagnostic => diagnostic.Id == AnalysisIncomplete).ToList();

            var exactSpan = exactWithinType is null
                ? tree.GetRoot().FullSpan
                : tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().Single(type => type.Identifier.ValueText == exactWithinType).FullSpan;
            var unexpected = reported
                .Where(diagnostic => !expected.Contains((diagnostic.Id, LineOf(diagnostic))) && !correctAnywhere.Contains(diagnostic.Id))
                .Where(diagnostic => exactSpan.Contains(diagnostic.Location.SourceSpan))
                .ToList();
            var missing = expected
                .Where(marker => !reported.Any(diagnostic => diagnostic.Id == marker.Id && LineOf(diagnostic) == marker.Line))
                .ToList();
            var repeatedIncomplete = incomplete
                .GroupBy(diagnostic => diagnostic.Location.SourceSpan)
                .Where(group => group.Count() > 1)
                .ToList();

            var problems = new StringBuilder();
            foreach (var diagnostic in unexpected.Take(20))
            {
                problems.AppendLine("unexpected: " + AnalysisRun.Describe(diagnostic));
            }

            if (!mayBeIncomplete || incomplete.Count == 0)
            {
                foreach (var (id, line) in missing)
                {
                    problems.AppendLine($"missing: {id} on line {line + 1}{(mayBeIncomplete ? " (and no LOCK011 says the analysis stopped short)" : string.Empty)}");
                }
            }

            if (completeness == Completeness.MustBeIncomplete && incomplete.Count == 0)
            {
                problems.AppendLine("the input crosses an analysis bound, but no LOCK011 says the analysis stopped short");
            }

            if (!mayBeIncomplete && incomplete.Count > 0)
            {
                problems.AppendLine("the analysis gave up on an input inside its bounds: " + string.Join("; ", incomplete.Select(AnalysisRun.Describe)));
            }

            foreach (var group in repeatedIncomplete)
            {
                problems.AppendLine($"LOCK011 reported {group.Count()} times at one place: {AnalysisRun.Describe(group.First())}");
            }

            if (unexpected.Count > 20)
            {
                problems.AppendLine($"... and {unexpected.Count - 20} more unexpected");
            }

            Assert.True(problems.Length == 0, problems.ToString());

            return $"analyzed in {run.Elapsed.TotalSeconds:F1} s; {reported.Count} diagnostic(s), {missing.Count} expected missing, {incomplete.Count} LOCK011"
                + Environment.NewLine + run.Describe();
        }

        private static int LineOf(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line;
    }
}
