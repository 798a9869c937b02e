namespace LockOrder.Benchmarks
{
    /// <summary>
    /// One C# source file the harness compiles: a generated one (its path not <c>*.g.cs</c>, so analyzers do not skip
    /// it as generated) or one read from a corpus folder (its path relative to the folder).
    /// </summary>
    internal sealed class SourceFile
    {
        internal SourceFile(string path, string text)
        {
            Path = path;
            Text = text;
        }

        internal string Path { get; }

        internal string Text { get; }
    }
}
