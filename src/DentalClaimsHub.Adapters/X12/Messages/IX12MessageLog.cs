namespace DentalClaimsHub.Adapters.X12.Messages;

/// <summary>
/// Keeps every X12 interchange the adapters send or receive, raw, so any result can be traced to its bytes and
/// replayed. The host implements it over its message store.
/// </summary>
public interface IX12MessageLog
{
    /// <summary>Stores <paramref name="message"/> and returns the stored message's id.</summary>
    Task<Guid> RecordAsync(X12MessageRecord message, CancellationToken cancellationToken);
}
