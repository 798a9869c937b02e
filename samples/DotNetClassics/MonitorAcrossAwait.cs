namespace DotNetClassics;

/// <summary>
/// The compiler refuses <c>await</c> inside <c>lock</c>, so the lock is written out with Monitor.Enter and
/// Monitor.Exit — and held across the await. A monitor belongs to the thread that entered it: the continuation may
/// run on another thread, whose Monitor.Exit throws SynchronizationLockException, while the entering thread goes
/// back to the pool still owning the lock. Use SemaphoreSlim(1, 1) with await WaitAsync(), or finish the I/O before
/// taking the lock.
/// </summary>
public sealed class JournalWriter
{
    private readonly object _sync = new();
    private readonly Stream _stream;
    private long _written;

    public JournalWriter(Stream stream) => _stream = stream;

    public async Task AppendAsync(byte[] record)
    {
        Monitor.Enter(_sync);
        try
        {
            await _stream.WriteAsync(record); // expect: LOCK009
            _written += record.Length;
        }
        finally
        {
            Monitor.Exit(_sync);
        }
    }
}
