namespace LockOrder.Analyzers.Graph
{
    /// <summary>One lock class in the graph.</summary>
    internal sealed class LockGraphNode
    {
        internal LockGraphNode(string id, string name, LockGraphNodeKind kind)
        {
            Id = id;
            Name = name;
            Kind = kind;
        }

        /// <summary>A name unique in the compilation (fully qualified), stable from run to run.</summary>
        internal string Id { get; }

        /// <summary>The name the diagnostics use ("MemoryLock", "Cache._sync").</summary>
        internal string Name { get; }

        internal LockGraphNodeKind Kind { get; }
    }
}
