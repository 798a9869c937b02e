using System.Composition;
using LockOrder.Analyzers.Rules;
using LockOrder.CodeFixes.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockOrder.CodeFixes.Fixes
{
    /// <summary>"Copy from user memory before taking the lock" for LOCK002/LOCK003: hoists a user read above the acquisition.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CopyFromUserBeforeLockCodeFixProvider)), Shared]
    public sealed class CopyFromUserBeforeLockCodeFixProvider : LockFixProvider
    {
        /// <summary>Creates the provider (the IDE and <c>dotnet format</c> find it through its export).</summary>
        public CopyFromUserBeforeLockCodeFixProvider()
            : base(new HoistUserReadFix(), Descriptors.UserMemoryUnderExclusiveLock, Descriptors.UserMemoryUnderSharedLock)
        {
        }
    }
}
