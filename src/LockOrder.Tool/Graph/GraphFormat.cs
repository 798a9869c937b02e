namespace LockOrder.Tool.Graph
{
    /// <summary>What <c>lockorder graph</c> writes.</summary>
    internal enum GraphFormat
    {
        /// <summary>A fenced Mermaid flowchart: GitHub renders it in a pull request, an issue or a README.</summary>
        Mermaid,

        /// <summary>Graphviz (<c>dot -Tsvg</c>).</summary>
        Dot,

        /// <summary>The nodes, edges and cycles as JSON, for other tools.</summary>
        Json,
    }
}
