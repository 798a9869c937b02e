namespace DotNetClassics;

/// <summary>
/// A cycle of three locks, each edge made by a call into another class while holding one's own lock — the shape of
/// most real deadlock fixes in .NET logging and messaging libraries. Flushing locks the logger and writes its queue
/// to the file target (which locks itself); rolling the file locks the target and hands the old file to the archive
/// (which locks itself); compacting the archive locks it and logs what it did (which locks the logger). Three
/// threads, one in each, deadlock, and no method takes two locks where you can see it. Copy the work out under the
/// lock and make the call after releasing it.
/// </summary>
public sealed class Logger
{
    private readonly object _sync = new();
    private readonly Queue<string> _pending = new();
    private readonly FileTarget _target;

    public Logger(FileTarget target) => _target = target;

    public void Log(string message)
    {
        lock (_sync)
        {
            _pending.Enqueue($"{DateTime.UtcNow:O} {message}");
        }
    }

    public void Flush()
    {
        lock (_sync)
        {
            while (_pending.TryDequeue(out string? line))
            {
                _target.Write(line);
            }
        }
    }
}

/// <summary>Writes log lines to a file, and rolls the file over to the archive.</summary>
public sealed class FileTarget
{
    private readonly object _sync = new();
    private readonly LogArchive _archive;
    private readonly List<string> _lines = new();

    public FileTarget(LogArchive archive) => _archive = archive;

    public void Write(string line)
    {
        lock (_sync)
        {
            _lines.Add(line);
        }
    }

    public void Roll()
    {
        lock (_sync)
        {
            _archive.Add(_lines.ToArray()); // expect: LOCK008
            _lines.Clear();
        }
    }
}

/// <summary>Keeps rolled files and compacts them, logging what it did.</summary>
public sealed class LogArchive
{
    private readonly object _sync = new();
    private readonly List<string[]> _files = new();

    public void Add(string[] file)
    {
        lock (_sync)
        {
            _files.Add(file);
        }
    }

    public void Compact(Logger log)
    {
        lock (_sync)
        {
            int removed = _files.RemoveAll(file => file.Length == 0);
            log.Log($"archive compacted: {removed} empty files removed");
        }
    }
}
