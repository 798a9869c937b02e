namespace DotNetClassics;

/// <summary>
/// Dining philosophers: each seat locks its left fork, then its right one. When every philosopher has picked up the
/// left fork, every one waits for a right fork that a neighbour holds. All forks are elements of one array — one lock
/// class, no order between its instances. Take the lower-numbered fork first, or the second with Monitor.TryEnter.
/// The same table made asynchronous, below, has the same circular wait with awaits instead of blocked threads.
/// </summary>
public sealed class DiningTable
{
    private readonly object[] _forks;
    private readonly int[] _meals;

    public DiningTable(int seats)
    {
        _forks = new object[seats];
        for (int i = 0; i < seats; i++)
        {
            _forks[i] = new object();
        }

        _meals = new int[seats];
    }

    public void Dine(int seat)
    {
        int left = seat;
        int right = (seat + 1) % _forks.Length;
        lock (_forks[left])
        {
            lock (_forks[right]) // expect: LOCK012
            {
                _meals[seat]++;
            }
        }
    }
}

/// <summary>
/// The table made asynchronous, with a <c>SemaphoreSlim(1, 1)</c> per fork: every philosopher holds the left fork and
/// awaits the right one forever. A semaphore is not re-entrant, so a second fork of the array is LOCK004 rather than
/// LOCK012. Take the lower-numbered fork first, or the second with a timed WaitAsync and back off.
/// </summary>
public sealed class AsyncDiningTable
{
    private readonly SemaphoreSlim[] _forks;
    private readonly int[] _meals;

    public AsyncDiningTable(int seats)
    {
        _forks = new SemaphoreSlim[seats];
        for (int i = 0; i < seats; i++)
        {
            _forks[i] = new SemaphoreSlim(1, 1);
        }

        _meals = new int[seats];
    }

    public async Task DineAsync(int seat)
    {
        int left = seat;
        int right = (seat + 1) % _forks.Length;
        await _forks[left].WaitAsync();
        try
        {
            await _forks[right].WaitAsync(); // expect: LOCK004
            try
            {
                _meals[seat]++;
            }
            finally
            {
                _forks[right].Release();
            }
        }
        finally
        {
            _forks[left].Release();
        }
    }
}
