using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockOrder.Analyzers.Tests.Robustness.Fuzzing
{
    /// <summary>
    /// The programs the fuzzer mutates, collected at run time from the repository: every C# file of the analyzer and
    /// code-fix tests, the samples and the reference device, and every program those tests embed as a string
    /// literal (test markup such as <c>{|LOCK001:…|}</c> removed). Ordered deterministically, so a seed names the
    /// same variants for the same checkout.
    /// </summary>
    internal static class SourceCorpus
    {
        /// <summary>Folders (relative to the repository root) whose C# files are programs or hold programs.</summary>
        private static readonly string[] Roots =
        {
            "tests/LockOrder.Analyzers.Tests",
            "tests/LockOrder.CodeFixes.Tests",
            "samples",
            "runtime/LockOrder.Runtime/Vfio",
        };

        /// <summary>Files here are test harness code, not programs; their embedded programs are still used.</summary>
        private static readonly string HarnessFolder = Path.Combine("tests", "LockOrder.Analyzers.Tests", "Robustness") + Path.DirectorySeparatorChar;

        private static readonly Regex Markup = new Regex(@"\{\|[^:|{}\s]+:|\|\}|\[\||\|\]", RegexOptions.Compiled);

        private static readonly Lazy<ImmutableArray<CorpusEntry>> Entries = new Lazy<ImmutableArray<CorpusEntry>>(Load);

        internal static ImmutableArray<CorpusEntry> All => Entries.Value;

        private static ImmutableArray<CorpusEntry> Load()
        {
            var root = RepositoryRoot.Path;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var entries = ImmutableArray.CreateBuilder<CorpusEntry>();
            foreach (var file in Roots.SelectMany(folder => SourceFiles(Path.Combine(root, folder))).Distinct().OrderBy(path => path, StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(root, file);
                var text = File.ReadAllText(file);
                if (!relative.StartsWith(HarnessFolder, StringComparison.Ordinal) && seen.Add(text))
                {
                    entries.Add(new CorpusEntry(relative, text));
                }

                foreach (var (line, program) in EmbeddedPrograms(text))
                {
                    if (seen.Add(program))
                    {
                        entries.Add(new CorpusEntry($"{relative}:{line}", program));
                    }
                }
            }

            return entries.ToImmutable();
        }

        private static IEnumerable<string> SourceFiles(string folder)
        {
            if (!Directory.Exists(folder))
            {
                return Enumerable.Empty<string>();
            }

            var separator = Path.DirectorySeparatorChar;
            return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
                    && !path.Contains($"{separator}obj{separator}", StringComparison.Ordinal));
        }

        /// <summary>String literals (plain, verbatim, raw, interpolated) whose text looks like a C# program.</summary>
        private static IEnumerable<(int Line, string Program)> EmbeddedPrograms(string fileText)
        {
            var root = CSharpSyntaxTree.ParseText(fileText, BoundedAnalysis.ParseOptions).GetRoot();
            foreach (var node in root.DescendantNodes())
            {
                string? value = node switch
                {
                    LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
                    InterpolatedStringExpressionSyntax interpolated => InterpolatedText(interpolated),
                    _ => null,
                };

                if (value is not null && LooksLikeProgram(value))
                {
                    yield return (node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, Markup.Replace(value, string.Empty));
                }
            }
        }

        /// <summary>The literal text of an interpolated string; each hole becomes an identifier so the rest still parses.</summary>
        private static string InterpolatedText(InterpolatedStringExpressionSyntax interpolated)
        {
            var text = new StringBuilder();
            foreach (var content in interpolated.Contents)
            {
                text.Append(content is InterpolatedStringTextSyntax part ? part.TextToken.ValueText : "Hole");
            }

            return text.ToString();
        }

        private static bool LooksLikeProgram(string text) =>
            text.Length >= 40
            && text.Contains('{', StringComparison.Ordinal)
            && (text.Contains("class ", StringComparison.Ordinal)
            || text.Contains("struct ", StringComparison.Ordinal)
                || text.Contains("void ", StringComparison.Ordinal));
    }
}
