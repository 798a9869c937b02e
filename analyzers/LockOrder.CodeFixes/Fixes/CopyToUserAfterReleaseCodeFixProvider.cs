using System.Composition;
using LockOrder.Analyzers.Rules;
using LockOrder.CodeFixes.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockOrder.CodeFixes.Fixes
{
    /// <summary>"Copy to user memory after releasing the lock" for LOCK002/LOCK003: moves a trailing user write below the release, through locals.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CopyToUserAfterReleaseCodeFixProvider)), Shared]
    public sealed class CopyToUserAfterReleaseCodeFixProvider : LockFixProvider
    {
        /// <summary>Creates the provider (the IDE and <c>dotnet format</c> find it through its export).</summary>
        public CopyToUserAfterReleaseCodeFixProvider()
            : base(new SinkUserWriteFix(), Descriptors.UserMemoryUnderExclusiveLock, Descriptors.UserMemoryUnderSharedLock)
        {
        }
    }
}
