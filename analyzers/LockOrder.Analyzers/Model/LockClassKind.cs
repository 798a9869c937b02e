namespace LockOrder.Analyzers.Model
{
    /// <summary>What names a lock class (DESIGN §4 and §12).</summary>
    internal enum LockClassKind
    {
        /// <summary>A LockOrder lock type: every instance of <c>MemoryLock</c> is one class, as in lockdep.</summary>
        LockType,

        /// <summary>A field or property that holds a BCL lock object: <c>Cache._sync</c>, whatever the instance.</summary>
        Member,

        /// <summary>The elements of an array or collection member: <c>Table._buckets[]</c>.</summary>
        Elements,

        /// <summary><c>lock (this)</c> in a type: <c>Cache.this</c>.</summary>
        This,

        /// <summary><c>lock (typeof(Cache))</c>: the type object.</summary>
        TypeObject,

        /// <summary><c>lock ("name")</c>: an interned string, one object wherever it is written.</summary>
        StringLiteral,
    }
}
