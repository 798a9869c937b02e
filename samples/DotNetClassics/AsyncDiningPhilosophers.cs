namespace DotNetClassics;

/// <summary>
/// Dining philosophers made asynchronous, with a <c>SemaphoreSlim(1, 1)</c> per fork: the same circular wait, with
/// awaits instead of blocked threads — every philosopher holds the left fork and awaits the right one forever. Take
/// the lower-numbered fork first, or the second with a timed WaitAsync and back off.
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
