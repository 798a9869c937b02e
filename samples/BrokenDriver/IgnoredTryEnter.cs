namespace BrokenDriver;

/// <summary>
/// The first design's fault handler used a try-lock to dodge the ABBA with the disable path — and this version
/// forgets to look at the result, so it goes on to change the mapping list whether or not it got VmaLock.
/// </summary>
public static class IgnoredTryEnter
{
    public static void ForgetUnmapped(DriverDevice device)
    {
        device.VmaLock.TryEnter(); // expect: LOCK010
        try
        {
            device.Mappings.RemoveAll(mapping => !mapping.PagesPresent);
        }
        finally
        {
            device.VmaLock.Exit();
        }
    }
}
