namespace DotNetClassics;

/// <summary>
/// <c>SemaphoreSlim(1, 1)</c> is the async mutex, and unlike <c>lock</c> it is not re-entrant: a method that holds
/// it and calls another public method of the same class that waits on it again waits for itself, forever. Saving a
/// document flushes the store, and flushing takes the gate. Split each public method into a locking shell and an
/// unlocked core, and call the core while holding the gate.
/// </summary>
public sealed class DocumentStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, string> _documents = new();
    private readonly string _path;

    public DocumentStore(string path) => _path = path;

    public async Task SaveAsync(string id, string text)
    {
        await _gate.WaitAsync();
        try
        {
            _documents[id] = text;
            await FlushAsync(); // expect: LOCK004
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task FlushAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await File.WriteAllLinesAsync(_path, _documents.Select(pair => $"{pair.Key}\t{pair.Value}"));
        }
        finally
        {
            _gate.Release();
        }
    }
}
