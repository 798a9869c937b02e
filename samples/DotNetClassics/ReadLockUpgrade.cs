namespace DotNetClassics;

/// <summary>
/// A read-mostly cache on <c>ReaderWriterLockSlim</c> that takes the write lock when a lookup misses — while it still
/// holds the read lock. The upgrade throws LockRecursionException (and on a lock created with recursion allowed, two
/// threads upgrading at once each wait for the other's read lock). Take EnterUpgradeableReadLock for a lookup that
/// may write, or release the read lock and check again under the write lock.
/// </summary>
public sealed class SymbolTable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _ids = new();

    public int Intern(string name)
    {
        _lock.EnterReadLock();
        try
        {
            if (_ids.TryGetValue(name, out int id))
            {
                return id;
            }

            _lock.EnterWriteLock(); // expect: LOCK004
            try
            {
                id = _ids.Count;
                _ids.Add(name, id);
                return id;
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }
}
