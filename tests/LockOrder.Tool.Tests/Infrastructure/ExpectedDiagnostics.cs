using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace LockOrder.Tool.Tests.Infrastructure
{
    /// <summary>
    /// Reads "// expect: LOCK001" comments (several IDs may follow, separated by spaces or commas): each expects one
    /// diagnostic of each ID on the comment's line — the same reading as .ci/e2e/expected_diagnostics.py.
    /// </summary>
    internal static class ExpectedDiagnostics
    {
        private static readonly Regex Expect = new Regex(@"//\s*expect:\s*(?<ids>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)", RegexOptions.CultureInvariant);

        internal static IReadOnlyList<(string Rule, string File, int Line)> In(string folder)
        {
            var expected = new List<(string, string, int)>();
            foreach (var file in Directory.GetFiles(folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            {
                var lines = File.ReadAllLines(file);
                for (int i = 0; i < lines.Length; i++)
                {
                    var match = Expect.Match(lines[i]);
                    if (!match.Success)
                    {
                        continue;
                    }

                    foreach (var rule in Regex.Split(match.Groups["ids"].Value.Trim(), @"[\s,]+"))
                    {
                        expected.Add((rule, Path.GetFileName(file), i + 1));
                    }
                }
            }

            return expected.OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.Item3).ThenBy(e => e.Item1, StringComparer.Ordinal).ToList();
        }
    }
}
