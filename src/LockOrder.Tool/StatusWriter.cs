using System.IO;

namespace LockOrder.Tool
{
    /// <summary>
    /// Progress, warnings and errors, on standard error: standard output carries only the report or the graph, so
    /// <c>lockorder graph ... &gt; graph.md</c> gets nothing else. Lines are written whole, from any thread.
    /// </summary>
    internal sealed class StatusWriter
    {
        private readonly TextWriter error;
        private readonly object gate = new object();

        internal StatusWriter(TextWriter error)
        {
            this.error = error;
        }

        /// <summary>Whether the workspace's warnings are shown one by one (<c>--verbose</c>) or only counted.</summary>
        internal bool Verbose { get; set; }

        internal void Progress(string line) => Write(line);

        internal void Warning(string message) => Write("lockorder: warning: " + message);

        internal void Error(string message) => Write("lockorder: error: " + message);

        private void Write(string line)
        {
            lock (gate)
            {
                error.WriteLine(line);
                error.Flush();
            }
        }
    }
}
