using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockOrder.CodeFixes.Engine
{
    /// <summary>
    /// What every LockOrder code fix provider is: one <see cref="LockFix"/> offered for the diagnostics it repairs, as a
    /// single quick fix or through Fix All, which applies it one occurrence at a time (these fixes often edit the same
    /// block, and a batch merge would drop overlapping edits).
    /// </summary>
    public abstract class LockFixProvider : CodeFixProvider
    {
        private readonly LockFix fix;

        private protected LockFixProvider(LockFix fix, params DiagnosticDescriptor[] fixes)
        {
            this.fix = fix;
            FixableDiagnosticIds = fixes.Select(descriptor => descriptor.Id).ToImmutableArray();
        }

        /// <inheritdoc/>
        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        /// <inheritdoc/>
        public sealed override FixAllProvider GetFixAllProvider() => new SequentialFixAllProvider(fix);

        /// <inheritdoc/>
        public sealed override Task RegisterCodeFixesAsync(CodeFixContext context) => LockFixRunner.RegisterAsync(context, fix);
    }
}
