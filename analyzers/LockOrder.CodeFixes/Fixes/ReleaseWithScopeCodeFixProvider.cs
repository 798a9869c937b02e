using System.Composition;
using LockOrder.Analyzers.Rules;
using LockOrder.CodeFixes.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockOrder.CodeFixes.Fixes
{
    /// <summary>"Release with a scope" for LOCK005: turns an explicit enter … exit pair into a using scope.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReleaseWithScopeCodeFixProvider)), Shared]
    public sealed class ReleaseWithScopeCodeFixProvider : LockFixProvider
    {
        /// <summary>Creates the provider (the IDE and <c>dotnet format</c> find it through its export).</summary>
        public ReleaseWithScopeCodeFixProvider()
            : base(new ReleaseWithScopeFix(), Descriptors.LockStateMismatch)
        {
        }
    }
}
