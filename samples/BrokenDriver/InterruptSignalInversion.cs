namespace BrokenDriver;

/// <summary>
/// Two lock classes nobody ordered, taken in opposite orders by two paths: the interrupt path takes IrqLock then
/// EventFdLock; reconfiguring the eventfd takes EventFdLock then IrqLock. An interrupt during reconfiguration
/// deadlocks. Declare the order with [AcquiredBefore] and follow it on both paths.
/// </summary>
public sealed class InterruptSignalInversion
{
    private readonly IrqLock irqLock = new IrqLock();
    private readonly EventFdLock eventFdLock = new EventFdLock();
    private int signalled;
    private int eventFd;

    public int Signalled => signalled;

    public int EventFd => eventFd;

    public void SignalInterrupt()
    {
        using (irqLock.Lock())
        using (eventFdLock.Lock())
        {
            signalled++;
        }
    }

    public void SetEventFd(int fd)
    {
        using (eventFdLock.Lock())
        using (irqLock.Lock()) // expect: LOCK008
        {
            eventFd = fd;
        }
    }
}
