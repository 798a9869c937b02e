namespace DotNetClassics;

/// <summary>
/// A timed Monitor.TryEnter meant to avoid waiting forever, whose result nobody reads: after a second of contention
/// the code goes on without the lock, changes the list another thread is changing, and Monitor.Exit throws
/// SynchronizationLockException. Test the result (or use the ref bool overload) and only touch the data when it is true.
/// </summary>
public sealed class MetricsBuffer
{
    private readonly object _sync = new();
    private readonly List<double> _samples = new();

    public void Record(double value)
    {
        Monitor.TryEnter(_sync, TimeSpan.FromSeconds(1)); // expect: LOCK010
        try
        {
            _samples.Add(value);
        }
        finally
        {
            Monitor.Exit(_sync);
        }
    }

    public double[] Drain()
    {
        lock (_sync)
        {
            double[] drained = _samples.ToArray();
            _samples.Clear();
            return drained;
        }
    }
}
