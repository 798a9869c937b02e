using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockOrder.Analyzers.Rules;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LockOrder.Analyzers.Tests.Documentation
{
    /// <summary>
    /// The descriptor table is the single source of truth: every rule has a page with the sections a user needs
    /// (the deadlock, bad code, good code, configuration), and the README, the configuration page and the release
    /// tracking file list exactly the rules of the table, with the same titles and severities.
    /// </summary>
    public sealed class RuleDocumentationTests
    {
        private static readonly string[] RequiredSections = { "The deadlock", "Bad code", "Good code", "Configuration" };

        public static TheoryData<string> Ids() => RuleCatalog.Ids();

        [Theory]
        [MemberData(nameof(Ids))]
        public void Every_rule_has_a_page_with_its_title_severity_and_sections(string id)
        {
            var descriptor = RuleCatalog.Get(id);
            Assert.True(File.Exists(RulePage.PathOf(id)), "missing page " + RulePage.PathOf(id));

            var page = RulePage.Load(id);
            Assert.Equal(id + ": " + descriptor.Title, page.Title);
            Assert.Equal(id, page.Metadata["ID"]);
            Assert.Equal(Descriptors.Category, page.Metadata["Category"]);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), page.Metadata["Severity"]);
            foreach (var section in RequiredSections)
            {
                Assert.True(page.Sections.ContainsKey(section), $"{id}.md has no '## {section}' section");
                Assert.False(string.IsNullOrWhiteSpace(page.Sections[section]), $"{id}.md: '## {section}' is empty");
            }

            Assert.Contains("dotnet_diagnostic." + id + ".severity", page.Sections["Configuration"], StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Every_help_link_points_at_the_rule_page(string id)
        {
            var descriptor = RuleCatalog.Get(id);
            Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.Equal(Descriptors.Category, descriptor.Category);
        }

        [Fact]
        public void Every_page_belongs_to_a_rule()
        {
            var pages = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs", "rules"), "*.md")
                .Select(path => Path.GetFileNameWithoutExtension(path))
                .OrderBy(name => name, StringComparer.Ordinal);

            Assert.Equal(RuleCatalog.All.Select(descriptor => descriptor.Id), pages);
        }

        [Fact]
        public void Release_tracking_lists_every_rule_with_its_category_severity_and_title()
        {
            // RS2008 reads these files; a rule missing from them, or with a stale severity, ships unannounced.
            var rows = TableRows("analyzers/LockOrder.Analyzers/AnalyzerReleases.Unshipped.md", row => row.StartsWith("LOCK", StringComparison.Ordinal))
                .Concat(TableRows("analyzers/LockOrder.Analyzers/AnalyzerReleases.Shipped.md", row => row.StartsWith("LOCK", StringComparison.Ordinal)));

            Assert.Equal(
                RuleCatalog.All.Select(descriptor => $"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}"),
                rows.Select(cells => string.Join(" | ", cells)).OrderBy(row => row, StringComparer.Ordinal));
        }

        [Fact]
        public void The_configuration_page_lists_every_rule_with_its_default_severity()
        {
            var rows = TableRows("docs/configuration.md", row => row.StartsWith("| LOCK", StringComparison.Ordinal));

            Assert.Equal(
                RuleCatalog.All.Select(descriptor => descriptor.Id + " " + SeverityWord(descriptor.DefaultSeverity)),
                rows.Select(cells => cells[0] + " " + cells[1]).OrderBy(row => row, StringComparer.Ordinal));
        }

        [Fact]
        public void The_readme_rule_table_lists_every_rule_with_its_page_severity_and_title()
        {
            var rows = TableRows("README.md", row => row.StartsWith("| [LOCK", StringComparison.Ordinal));

            Assert.Equal(
                RuleCatalog.All.Select(descriptor => $"[{descriptor.Id}](docs/rules/{descriptor.Id}.md) | {descriptor.DefaultSeverity} | {descriptor.Title}"),
                rows.Select(cells => string.Join(" | ", cells)).OrderBy(row => row, StringComparer.Ordinal));
        }

        /// <summary>The cells of the table rows of a repository file that <paramref name="isRow"/> accepts.</summary>
        private static IEnumerable<string[]> TableRows(string relativePath, Func<string, bool> isRow) =>
            File.ReadAllLines(Path.Combine(RepositoryRoot.Path, relativePath))
                .Where(isRow)
                .Select(row => row.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
                .ToList();

        /// <summary>The word <c>.editorconfig</c> uses for a severity.</summary>
        private static string SeverityWord(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        };
    }
}
