namespace DotNetClassics;

/// <summary>
/// An event raised while holding a lock runs every handler under that lock. The price cache raises
/// <see cref="PriceCache.PriceChanged"/> inside its lock; the portfolio's handler locks the portfolio to revalue it.
/// Meanwhile rebalancing locks the portfolio and reads prices from the cache, which locks the cache. A price update
/// and a rebalance at the same time deadlock, and neither method shows two locks. Raise the event after releasing
/// the lock (copy what the handlers need first).
/// </summary>
public sealed class PriceCache
{
    private readonly object _sync = new();
    private readonly Dictionary<string, decimal> _prices = new();

    public event Action<string, decimal>? PriceChanged;

    public void Update(string symbol, decimal price)
    {
        lock (_sync)
        {
            _prices[symbol] = price;
            PriceChanged?.Invoke(symbol, price);
        }
    }

    public decimal Price(string symbol)
    {
        lock (_sync)
        {
            return _prices.TryGetValue(symbol, out decimal price) ? price : 0m;
        }
    }
}

/// <summary>Holdings valued from the cache's prices, revalued when a price changes.</summary>
public sealed class Portfolio
{
    private readonly object _sync = new();
    private readonly Dictionary<string, int> _holdings = new();
    private readonly PriceCache _cache;
    private decimal _value;

    public Portfolio(PriceCache cache)
    {
        _cache = cache;
        _cache.PriceChanged += OnPriceChanged;
    }

    public decimal Value => _value;

    public void Rebalance()
    {
        lock (_sync)
        {
            decimal total = 0m;
            foreach (KeyValuePair<string, int> holding in _holdings)
            {
                total += holding.Value * _cache.Price(holding.Key); // expect: LOCK008
            }

            _value = total;
        }
    }

    private void OnPriceChanged(string symbol, decimal price)
    {
        lock (_sync)
        {
            if (_holdings.TryGetValue(symbol, out int shares))
            {
                _value += shares * price;
            }
        }
    }
}
