using System.Collections.Immutable;

namespace LockOrder.Analyzers.Tests.Robustness.Fuzzing
{
    /// <summary>A fuzz variant: the program it came from, what was done to it, and the result.</summary>
    internal sealed class MutatedSource
    {
        internal MutatedSource(CorpusEntry origin, ImmutableArray<string> mutations, string text)
        {
            Origin = origin;
            Mutations = mutations;
            Text = text;
        }

        internal CorpusEntry Origin { get; }

        internal ImmutableArray<string> Mutations { get; }

        internal string Text { get; }
    }
}
