using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>The same .editorconfig options for every file, as a <c>.globalconfig</c> would give them.</summary>
    internal sealed class FixedOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly FixedOptions _options;

        internal FixedOptionsProvider(IReadOnlyDictionary<string, string> options) => _options = new FixedOptions(options);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class FixedOptions : AnalyzerConfigOptions
        {
            private readonly IReadOnlyDictionary<string, string> _options;

            internal FixedOptions(IReadOnlyDictionary<string, string> options) => _options = options;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _options.TryGetValue(key, out value);
        }
    }
}
