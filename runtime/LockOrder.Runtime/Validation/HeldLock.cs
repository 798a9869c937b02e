using System;
using System.Diagnostics;

namespace LockOrder
{
    /// <summary>One lock on a thread's held stack: which lock, of which class, in which mode, and where it was taken.</summary>
    internal sealed class HeldLock
    {
        internal HeldLock(object lockObject, LockMode mode, bool viaTry, StackTrace where)
        {
            Lock = lockObject;
            Class = lockObject.GetType();
            Mode = mode;
            ViaTry = viaTry;
            Where = where;
        }

        internal object Lock { get; }

        internal Type Class { get; }

        internal LockMode Mode { get; set; }

        internal bool ViaTry { get; }

        internal StackTrace Where { get; }

        internal string Describe() =>
            $"{LockReport.Name(Lock)} ({LockMisuse.ModeName(Mode)}{(ViaTry ? ", try" : string.Empty)})";
    }
}
