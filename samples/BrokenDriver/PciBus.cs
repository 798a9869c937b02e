using LockOrder;

namespace BrokenDriver;

/// <summary>The bus walk: it runs a callback for each device while holding the bus lock, as pci_walk_bus does.</summary>
public sealed class PciBus
{
    private readonly BusLock busLock;
    private readonly int slots;

    public PciBus(BusLock busLock, int slots)
    {
        this.busLock = busLock;
        this.slots = slots;
    }

    public void WalkBus(Action<int> visit) => Walk(visit);

    private void Walk(Action<int> visit)
    {
        using (busLock.Lock())
        {
            for (int slot = 0; slot < slots; slot++)
            {
                visit(slot);
            }
        }
    }
}
