namespace LockOrder.Benchmarks.Generation
{
    /// <summary>One generated source file: a path (not <c>*.g.cs</c>, so analyzers do not skip it as generated) and its text.</summary>
    internal sealed class GeneratedFile
    {
        internal GeneratedFile(string path, string text)
        {
            Path = path;
            Text = text;
        }

        internal string Path { get; }

        internal string Text { get; }
    }
}
