using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;

namespace LockOrder.Analyzers.Tests.Documentation
{
    /// <summary>One rule's page, <c>docs/rules/LOCKnnn.md</c>, split into its title, metadata table and sections.</summary>
    internal sealed class RulePage
    {
        private static readonly Regex CodeBlock = new Regex(@"^```(?<language>\w*)\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.Compiled);

        private RulePage(string title, ImmutableDictionary<string, string> metadata, ImmutableDictionary<string, string> sections)
        {
            Title = title;
            Metadata = metadata;
            Sections = sections;
        }

        /// <summary>The first heading, "LOCK001: Lock acquired against the declared order".</summary>
        internal string Title { get; }

        /// <summary>The rows of the table under the title: ID, Category, Severity, Code fix.</summary>
        internal ImmutableDictionary<string, string> Metadata { get; }

        /// <summary>Each "## " section's text, by heading.</summary>
        internal ImmutableDictionary<string, string> Sections { get; }

        internal static string PathOf(string id) => Path.Combine(RepositoryRoot.Path, "docs", "rules", id + ".md");

        internal static RulePage Load(string id)
        {
            var lines = File.ReadAllLines(PathOf(id));
            string title = lines.Length > 0 && lines[0].StartsWith("# ", StringComparison.Ordinal) ? lines[0].Substring(2).Trim() : string.Empty;

            var metadata = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            var sections = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            string? section = null;
            var text = new List<string>();
            foreach (var line in lines.Skip(1))
            {
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    Flush();
                    section = line.Substring(3).Trim();
                    continue;
                }

                if (section is null)
                {
                    var cells = line.Split('|').Select(cell => cell.Trim()).ToArray();
                    if (cells.Length == 4 && cells[1].Length > 0 && !cells[1].StartsWith("-", StringComparison.Ordinal))
                    {
                        metadata[cells[1]] = cells[2];
                    }
                }
                else
                {
                    text.Add(line);
                }
            }

            Flush();
            return new RulePage(title, metadata.ToImmutable(), sections.ToImmutable());

            void Flush()
            {
                if (section is not null)
                {
                    sections[section] = string.Join("\n", text);
                }

                text.Clear();
            }
        }

        /// <summary>The C# code blocks of a section, in order.</summary>
        internal ImmutableArray<string> CSharpBlocksIn(string section) =>
            Sections.TryGetValue(section, out var text)
                ? CodeBlock.Matches(text).Cast<Match>().Where(match => match.Groups["language"].Value == "csharp").Select(match => match.Groups["code"].Value).ToImmutableArray()
                : ImmutableArray<string>.Empty;
    }
}
