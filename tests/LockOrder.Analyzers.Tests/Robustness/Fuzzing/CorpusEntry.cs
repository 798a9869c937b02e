namespace LockOrder.Analyzers.Tests.Robustness.Fuzzing
{
    /// <summary>One C# program the fuzzer starts from: a source file, or a program embedded in a test as a string.</summary>
    internal sealed class CorpusEntry
    {
        internal CorpusEntry(string name, string text)
        {
            Name = name;
            Text = text;
        }

        /// <summary>Where it came from: the file, and for an embedded program its line in that file.</summary>
        internal string Name { get; }

        internal string Text { get; }

        public override string ToString() => Name;
    }
}
