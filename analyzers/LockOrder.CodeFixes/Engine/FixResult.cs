using Microsoft.CodeAnalysis;

namespace LockOrder.CodeFixes.Engine
{
    /// <summary>A repaired document and the title that describes this particular repair.</summary>
    internal sealed class FixResult
    {
        internal FixResult(Document document, string title)
        {
            Document = document;
            Title = title;
        }

        internal Document Document { get; }

        internal string Title { get; }
    }
}
