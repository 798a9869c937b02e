namespace DotNetClassics;

/// <summary>
/// The textbook ABBA, with two plain <c>lock</c> statements in each of two classes. Joining a room locks the room,
/// then the user directory; renaming a user locks the directory, then each room the user is in. A join and a rename
/// at the same time deadlock: each thread holds the lock the other waits for. Take the two locks in one order
/// everywhere (and declare it with [AcquiredBefore]).
/// </summary>
public sealed class ChatRoom
{
    private readonly UserDirectory _directory;
    private readonly List<string> _members = new();

    public ChatRoom(UserDirectory directory) => _directory = directory;

    public object SyncRoot { get; } = new();

    public IReadOnlyList<string> Members => _members;

    public void Join(string userName)
    {
        lock (SyncRoot)
        {
            lock (_directory.SyncRoot) // expect: LOCK008
            {
                _directory.MarkOnline(userName);
                _members.Add(userName);
            }
        }
    }

    internal void ReplaceMember(string oldName, string newName)
    {
        int index = _members.IndexOf(oldName);
        if (index >= 0)
        {
            _members[index] = newName;
        }
    }
}

/// <summary>The users the rooms know by name.</summary>
public sealed class UserDirectory
{
    private readonly HashSet<string> _online = new();
    private readonly List<ChatRoom> _rooms = new();

    public object SyncRoot { get; } = new();

    public void Register(ChatRoom room) => _rooms.Add(room);

    public void Rename(string oldName, string newName)
    {
        lock (SyncRoot)
        {
            _online.Remove(oldName);
            _online.Add(newName);
            foreach (ChatRoom room in _rooms)
            {
                lock (room.SyncRoot)
                {
                    room.ReplaceMember(oldName, newName);
                }
            }
        }
    }

    internal void MarkOnline(string userName) => _online.Add(userName);
}
