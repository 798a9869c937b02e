namespace DotNetClassics;

/// <summary>
/// The bank transfer: lock this account, then the other one. A transfer from A to B and one from B to A at the same
/// time each hold one account and wait for the other. Both locks are the same field, so no order between the two
/// lock statements can be declared: take the two accounts in one global order (by id), or take the second with
/// Monitor.TryEnter and back off.
/// </summary>
public sealed class Account
{
    private readonly object _sync = new();
    private decimal _balance;

    public Account(decimal balance) => _balance = balance;

    public decimal Balance
    {
        get
        {
            lock (_sync)
            {
                return _balance;
            }
        }
    }

    public void Transfer(Account to, decimal amount)
    {
        lock (_sync)
        lock (to._sync) // expect: LOCK012
        {
            if (_balance < amount)
            {
                throw new InvalidOperationException("Insufficient funds.");
            }

            _balance -= amount;
            to._balance += amount;
        }
    }
}
