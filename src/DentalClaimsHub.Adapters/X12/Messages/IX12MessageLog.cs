namespace DentalClaimsHub.Adapters.X12.Messages;

/// <summary>
/// Keeps every X12 interchange the adapters send or receive, raw, so any result can be traced to its bytes and
/// replayed. The host implements it over its message store, per unit of work: a recorded message is written in the same
/// transaction as the outcome it led to (the answered or failed check), so neither is ever stored without the other.
/// </summary>
public interface IX12MessageLog
{
    /// <summary>Adds <paramref name="message"/> to the current unit of work and returns the id it is stored under.</summary>
    Guid Record(X12MessageRecord message);
}
