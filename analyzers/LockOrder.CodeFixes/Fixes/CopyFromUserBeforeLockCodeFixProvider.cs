using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LockOrder.CodeFixes.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockOrder.CodeFixes.Fixes
{
    /// <summary>"Copy from user memory before taking the lock" for LOCK002/LOCK003: hoists a user read above the acquisition.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CopyFromUserBeforeLockCodeFixProvider)), Shared]
    public sealed class CopyFromUserBeforeLockCodeFixProvider : CodeFixProvider
    {
        private static readonly LockFix Fix = new HoistUserReadFix();

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("LOCK002", "LOCK003");

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => new SequentialFixAllProvider(Fix);

        /// <inheritdoc/>
        public override Task RegisterCodeFixesAsync(CodeFixContext context) => LockFixRunner.RegisterAsync(context, Fix);
    }
}
