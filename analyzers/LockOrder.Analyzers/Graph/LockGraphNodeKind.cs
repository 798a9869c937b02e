namespace LockOrder.Analyzers.Graph
{
    /// <summary>What names a lock class (DESIGN §12): a LockOrder lock type, or where a BCL lock object lives.</summary>
    internal enum LockGraphNodeKind
    {
        /// <summary>A lock type derived from <c>MutexLock</c> or <c>RwSemaphore</c>: all its instances.</summary>
        LockType,

        /// <summary>A field or property that holds a lock object (<c>Cache._sync</c>).</summary>
        Member,

        /// <summary>The elements of an array or collection member (<c>Table._buckets[]</c>).</summary>
        Elements,

        /// <summary><c>lock (this)</c> in a type (<c>Cache.this</c>).</summary>
        This,

        /// <summary><c>lock (typeof(Cache))</c>.</summary>
        TypeObject,

        /// <summary><c>lock ("name")</c>: an interned string.</summary>
        StringLiteral,
    }
}
