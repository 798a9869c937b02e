namespace LockOrder.Tool.Graph
{
    /// <summary>Where an edge was first seen or declared: a file (relative to the input's folder), a 1-based line and column.</summary>
    internal sealed class SourcePosition
    {
        internal SourcePosition(string path, int line, int column)
        {
            Path = path;
            Line = line;
            Column = column;
        }

        internal string Path { get; }

        internal int Line { get; }

        internal int Column { get; }

        /// <summary>"Driver/Reset.cs:54", the form an edge's label shows.</summary>
        public override string ToString() => $"{Path}:{Line}";
    }
}
