using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Analyzers.Tests.Robustness.Infrastructure
{
    /// <summary>Options as a project-wide <c>.globalconfig</c> would give them: the same keys for every file.</summary>
    internal sealed class GlobalAnalyzerOptions : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryConfigOptions options;

        private GlobalAnalyzerOptions(IReadOnlyDictionary<string, string> values) => options = new DictionaryConfigOptions(values);

        public override AnalyzerConfigOptions GlobalOptions => options;

        /// <summary>Analyzer options carrying <paramref name="values"/> (e.g. <c>lockorder.interprocedural = false</c>).</summary>
        internal static AnalyzerOptions Create(IReadOnlyDictionary<string, string> values) =>
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalAnalyzerOptions(values));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
    }
}
