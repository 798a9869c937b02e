namespace DotNetClassics;

/// <summary>
/// Dining philosophers: each seat locks its left fork, then its right one. When every philosopher has picked up the
/// left fork, every one waits for a right fork that a neighbour holds. All forks are elements of one array — one lock
/// class, no order between its instances. Take the lower-numbered fork first, or the second with Monitor.TryEnter.
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
