using System.Text;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>Writes C# lines at the current brace depth, and counts them.</summary>
    internal sealed class IndentedWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        private int _depth;

        internal int Lines { get; private set; }

        internal void Line(string line)
        {
            if (line.Length > 0)
            {
                _text.Append(' ', _depth * 4);
            }

            _text.Append(line).Append('\n');
            Lines++;
        }

        internal void Blank() => Line(string.Empty);

        internal void Open()
        {
            Line("{");
            _depth++;
        }

        internal void Close(string suffix = "")
        {
            _depth--;
            Line("}" + suffix);
        }

        public override string ToString() => _text.ToString();
    }
}
