using System.Composition;
using LockOrder.Analyzers.Rules;
using LockOrder.CodeFixes.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockOrder.CodeFixes.Fixes
{
    /// <summary>"Check the result" for LOCK010: runs the code after an ignored try-acquisition only when it succeeded.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CheckTryResultCodeFixProvider)), Shared]
    public sealed class CheckTryResultCodeFixProvider : LockFixProvider
    {
        /// <summary>Creates the provider (the IDE and <c>dotnet format</c> find it through its export).</summary>
        public CheckTryResultCodeFixProvider()
            : base(new CheckTryResultFix(), Descriptors.TryAcquisitionResultIgnored)
        {
        }
    }
}
