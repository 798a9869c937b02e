namespace DotNetClassics;

/// <summary>
/// The same inversion hidden behind method calls, as it usually ships: neither method nests two <c>lock</c>
/// statements. Adding a product locks the catalog and calls the price list, which locks itself; a discount locks
/// the price list and tells the catalog, which locks itself. Both locks are private, each class looks correct on
/// its own, and a discount during an import deadlocks. Call out of a lock only after releasing it, or keep one order.
/// </summary>
public sealed class Catalog
{
    private readonly object _sync = new();
    private readonly Dictionary<string, string> _products = new();
    private readonly PriceList _prices;
    private int _version;

    public Catalog() => _prices = new PriceList(this);

    public PriceList Prices => _prices;

    public void AddProduct(string sku, string name, decimal price)
    {
        lock (_sync)
        {
            _products[sku] = name;
            _prices.SetPrice(sku, price); // expect: LOCK008
            _version++;
        }
    }

    internal void MarkChanged()
    {
        lock (_sync)
        {
            _version++;
        }
    }
}

/// <summary>The prices of a catalog's products.</summary>
public sealed class PriceList
{
    private readonly object _sync = new();
    private readonly Dictionary<string, decimal> _prices = new();
    private readonly Catalog _catalog;

    public PriceList(Catalog catalog) => _catalog = catalog;

    public void SetPrice(string sku, decimal price)
    {
        lock (_sync)
        {
            _prices[sku] = price;
        }
    }

    public void ApplyDiscount(decimal percent)
    {
        lock (_sync)
        {
            foreach (string sku in _prices.Keys.ToList())
            {
                _prices[sku] *= 1 - percent / 100;
            }

            _catalog.MarkChanged();
        }
    }
}
