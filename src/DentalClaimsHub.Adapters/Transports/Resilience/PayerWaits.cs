namespace DentalClaimsHub.Adapters.Transports.Resilience;

/// <summary>
/// How long one piece of work (an API request) waited for payers, so that the time the hub itself added can be told from
/// the payers' time. It flows with the execution context: the payer calls the work starts add to it, on whatever thread
/// they run (an eligibility check asks its payer on a thread of its own). Each call counts once, retries included, from
/// the outermost payer handler.
/// </summary>
public sealed class PayerWaits
{
    private static readonly AsyncLocal<PayerWaits?> Current = new();
    private long _waitedTicks;
    private int _started;
    private int _finished;

    /// <summary>Starts the tally of the work running on this execution context (and what it starts).</summary>
    public static PayerWaits Begin()
    {
        var waits = new PayerWaits();
        Current.Value = waits;
        return waits;
    }

    internal static PayerWaits? Ambient => Current.Value;

    /// <summary>
    /// The payers' total time once at least one call was made and every call has ended; null when no payer was called or a
    /// call is still running (a check that outlived its deadline).
    /// </summary>
    public TimeSpan? Settled
    {
        get
        {
            var started = Volatile.Read(ref _started);
            return started > 0 && Volatile.Read(ref _finished) == started
                ? TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks))
                : null;
        }
    }

    internal void CallStarted() => Interlocked.Increment(ref _started);

    internal void CallEnded(TimeSpan elapsed)
    {
        Interlocked.Add(ref _waitedTicks, elapsed.Ticks);
        Interlocked.Increment(ref _finished);
    }
}
