namespace BrokenDriver;

/// <summary>
/// A BAR write made asynchronous by awaiting the data source while MemoryLock is read-held. The continuation may
/// run on another thread, and the lock stays held for as long as the stream takes — blocking every memory
/// disable on the device. Read the data first, then take the lock around the device access.
/// </summary>
public static class LockHeldAcrossAwait
{
    public static async Task WriteAsync(DriverDevice device, Stream source, int offset)
    {
        byte[] data = new byte[4];
        using (device.MemoryLock.Read())
        {
            await source.ReadExactlyAsync(data); // expect: LOCK009
            data.CopyTo(device.Bar, offset);
        }
    }
}
