using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Analyzers.Tests.Robustness.Infrastructure
{
    /// <summary>The keys an <c>.editorconfig</c> section or a <c>.globalconfig</c> would give one file, from a dictionary.</summary>
    internal sealed class DictionaryConfigOptions : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> values;

        internal DictionaryConfigOptions(IReadOnlyDictionary<string, string> values) => this.values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
