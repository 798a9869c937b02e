namespace LockOrder.Analyzers.Flow
{
    /// <summary>Why a lock is in the held set: which obligations it carries when the method returns.</summary>
    internal enum HeldLockOrigin
    {
        /// <summary>Taken in this body: it must be released before returning, unless the method declares <c>[Acquires]</c>.</summary>
        Acquired,

        /// <summary>Held on entry by the method's own <c>[Requires]</c>: the caller owns it.</summary>
        Required,

        /// <summary>Held on entry by the method's own <c>[Releases]</c>: the body must release it on every path.</summary>
        ToRelease,
    }
}
