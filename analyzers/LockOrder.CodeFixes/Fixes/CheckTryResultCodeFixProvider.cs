using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LockOrder.CodeFixes.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockOrder.CodeFixes.Fixes
{
    /// <summary>"Check the result" for LOCK010: runs the code after an ignored try-acquisition only when it succeeded.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CheckTryResultCodeFixProvider)), Shared]
    public sealed class CheckTryResultCodeFixProvider : CodeFixProvider
    {
        private static readonly LockFix Fix = new CheckTryResultFix();

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("LOCK010");

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => new SequentialFixAllProvider(Fix);

        /// <inheritdoc/>
        public override Task RegisterCodeFixesAsync(CodeFixContext context) => LockFixRunner.RegisterAsync(context, Fix);
    }
}
