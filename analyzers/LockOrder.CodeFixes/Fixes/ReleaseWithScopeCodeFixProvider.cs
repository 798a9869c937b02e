using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LockOrder.CodeFixes.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockOrder.CodeFixes.Fixes
{
    /// <summary>"Release with a scope" for LOCK005: turns an explicit enter … exit pair into a using scope.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReleaseWithScopeCodeFixProvider)), Shared]
    public sealed class ReleaseWithScopeCodeFixProvider : CodeFixProvider
    {
        private static readonly LockFix Fix = new ReleaseWithScopeFix();

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("LOCK005");

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => new SequentialFixAllProvider(Fix);

        /// <inheritdoc/>
        public override Task RegisterCodeFixesAsync(CodeFixContext context) => LockFixRunner.RegisterAsync(context, Fix);
    }
}
