using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LockOrder.CodeFixes.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockOrder.CodeFixes.Fixes
{
    /// <summary>"Acquire 'A' before 'B'" for LOCK001: swaps two adjacent acquisitions taken against the declared order.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapAcquisitionsCodeFixProvider)), Shared]
    public sealed class SwapAcquisitionsCodeFixProvider : CodeFixProvider
    {
        private static readonly LockFix Fix = new SwapAcquisitionsFix();

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("LOCK001");

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => new SequentialFixAllProvider(Fix);

        /// <inheritdoc/>
        public override Task RegisterCodeFixesAsync(CodeFixContext context) => LockFixRunner.RegisterAsync(context, Fix);
    }
}
