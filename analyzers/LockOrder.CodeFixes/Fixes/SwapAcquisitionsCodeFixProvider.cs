using System.Composition;
using LockOrder.Analyzers.Rules;
using LockOrder.CodeFixes.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockOrder.CodeFixes.Fixes
{
    /// <summary>"Acquire 'A' before 'B'" for LOCK001: swaps two adjacent acquisitions taken against the declared order.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapAcquisitionsCodeFixProvider)), Shared]
    public sealed class SwapAcquisitionsCodeFixProvider : LockFixProvider
    {
        /// <summary>Creates the provider (the IDE and <c>dotnet format</c> find it through its export).</summary>
        public SwapAcquisitionsCodeFixProvider()
            : base(new SwapAcquisitionsFix(), Descriptors.AcquisitionAgainstOrder)
        {
        }
    }
}
