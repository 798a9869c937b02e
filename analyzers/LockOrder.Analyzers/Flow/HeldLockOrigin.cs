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

        /// <summary>
        /// Held on entry by the caller, as the body shows by releasing it before it takes it (<see cref="InheritedLocks"/>):
        /// like <see cref="Required"/>, without a contract that says so.
        /// </summary>
        Inherited,
    }
}
