using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// The <c>lockorder.interprocedural</c> option (.editorconfig or .globalconfig), default <c>true</c>. When false,
    /// calls made from a file carry only their callees' annotations (<c>[MayAcquire]</c>, <c>[MightFault]</c>) — the
    /// escape hatch for a code base whose call graph is too large or too dynamic to be worth following.
    /// </summary>
    internal static class InterproceduralOption
    {
        internal const string Key = "lockorder.interprocedural";

        internal static bool IsEnabled(AnalyzerOptions? options, SyntaxTree tree)
        {
            var provider = options?.AnalyzerConfigOptionsProvider;
            if (provider is null)
            {
                return true;
            }

            if (provider.GetOptions(tree).TryGetValue(Key, out var value) || provider.GlobalOptions.TryGetValue(Key, out value))
            {
                return !string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
            }

            return true;
        }
    }
}
