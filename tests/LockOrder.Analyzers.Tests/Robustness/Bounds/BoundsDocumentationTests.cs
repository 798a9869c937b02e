using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using LockOrder.Analyzers.Flow;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Rules;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using Xunit;

namespace LockOrder.Analyzers.Tests.Robustness.Bounds
{
    /// <summary>
    /// docs/bounds.md tells users where the analysis stops and why LOCK011 appears; a bound changed in the code but
    /// not in the page would send them looking for the wrong limit.
    /// </summary>
    public sealed class BoundsDocumentationTests
    {
        /// <summary>A table row "| `Type.Constant` | value |".</summary>
        private static readonly Regex Row = new Regex(@"^\|\s*`(?<type>\w+)\.(?<constant>\w+)`\s*\|\s*(?<value>[0-9]+)\s*\|", RegexOptions.Multiline);

        [Fact]
        public void EveryDocumentedBoundHasTheValueOfItsConstant()
        {
            var documented = DocumentedBounds();
            Assert.NotEmpty(documented);

            var analyzerTypes = typeof(Descriptors).Assembly.GetTypes();
            foreach (var (type, constant, value) in documented)
            {
                var owner = analyzerTypes.SingleOrDefault(candidate => candidate.Name == type);
                Assert.True(owner is not null, $"docs/bounds.md names {type}.{constant}, but the analyzer has no type {type}");
                var field = owner!.GetField(constant, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
                Assert.True(field is { IsLiteral: true }, $"docs/bounds.md names {type}.{constant}, but {type} has no such constant");
                Assert.True(Convert.ToInt64(field!.GetRawConstantValue(), CultureInfo.InvariantCulture) == value, $"docs/bounds.md says {type}.{constant} is {value}, the code says {field.GetRawConstantValue()}");
            }
        }

        [Fact]
        public void EveryBoundOfTheFlowAndSummaryAnalysesIsDocumented()
        {
            var documented = DocumentedBounds().Select(bound => $"{bound.Type}.{bound.Constant}").ToList();

            Assert.Contains($"{nameof(BodyEffectWalker)}.{nameof(BodyEffectWalker.MaxOperationsPerBody)}", documented);
            Assert.Contains($"{nameof(SummaryProvider)}.{nameof(SummaryProvider.MaxMethodsPerComputation)}", documented);
            Assert.Contains($"{nameof(SummaryProvider)}.{nameof(SummaryProvider.MaxFixpointIterations)}", documented);
            Assert.Contains($"{nameof(LockFlowAnalysis)}.{nameof(LockFlowAnalysis.MaxVisitsPerBlock)}", documented);
            Assert.Contains($"{nameof(LockState)}.{nameof(LockState.MaxHeldLocks)}", documented);
        }

        [Fact]
        public void EveryBoundConstantOfTheAnalyzerIsDocumented()
        {
            // A bound is an integer constant named Max…; one missing from the page is a limit users cannot find.
            var documented = DocumentedBounds().Select(bound => $"{bound.Type}.{bound.Constant}").ToHashSet(StringComparer.Ordinal);
            var bounds = typeof(Descriptors).Assembly.GetTypes()
                .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Where(field => field.IsLiteral && field.FieldType == typeof(int) && field.Name.StartsWith("Max", StringComparison.Ordinal))
                    .Select(field => $"{type.Name}.{field.Name}"))
                .ToList();

            Assert.NotEmpty(bounds);
            Assert.All(bounds, bound => Assert.True(documented.Contains(bound), $"{bound} is not in the table of docs/bounds.md"));
        }

        private static List<(string Type, string Constant, long Value)> DocumentedBounds()
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "bounds.md"));
            return Row.Matches(text)
                .Select(match => (match.Groups["type"].Value, match.Groups["constant"].Value, long.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)))
                .ToList();
        }
    }
}
