using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace LockOrder.CodeFixes.Engine
{
    /// <summary>
    /// One repair, independent of how it is invoked (a single quick fix or Fix All): given the node a diagnostic
    /// points at and the node where the held lock was taken, it produces the repaired document or declines.
    /// </summary>
    internal abstract class LockFix
    {
        /// <summary>Same for every instance of the fix, so that Fix All applies it everywhere.</summary>
        internal abstract string EquivalenceKey { get; }

        /// <summary>The title used for Fix All, where several instances with different details are applied at once.</summary>
        internal abstract string GenericTitle { get; }

        /// <summary>
        /// The repaired document, or <see langword="null"/> when the fix cannot be applied here without changing what
        /// the program does. <paramref name="held"/> is the acquisition of the held lock (the diagnostic's additional
        /// location), when it is in the same document.
        /// </summary>
        internal abstract Task<FixResult?> TryFixAsync(Document document, SyntaxNode diagnosed, SyntaxNode? held, CancellationToken cancellationToken);
    }
}
