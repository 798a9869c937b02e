using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LockOrder.CodeFixes.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockOrder.CodeFixes.Fixes
{
    /// <summary>"Copy to user memory after releasing the lock" for LOCK002/LOCK003: moves a trailing user write below the release, through locals.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CopyToUserAfterReleaseCodeFixProvider)), Shared]
    public sealed class CopyToUserAfterReleaseCodeFixProvider : CodeFixProvider
    {
        private static readonly LockFix Fix = new SinkUserWriteFix();

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("LOCK002", "LOCK003");

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => new SequentialFixAllProvider(Fix);

        /// <inheritdoc/>
        public override Task RegisterCodeFixesAsync(CodeFixContext context) => LockFixRunner.RegisterAsync(context, Fix);
    }
}
