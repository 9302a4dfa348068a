namespace DentalClaimsHub.Domain.Claims;

/// <summary>
/// One step in a claim's history: the state change, when it happened (UTC), who or what caused it, why, and the raw
/// message (999, 277CA, 835…) that carried it, so every state can be traced to bytes.
/// </summary>
public sealed class ClaimTimelineEntry
{
    private ClaimTimelineEntry()
    {
        Actor = string.Empty;
    }

    internal ClaimTimelineEntry(
        Guid claimId, int sequence, ClaimState? from, ClaimState to, DateTimeOffset at, string actor, TimelineReason? reason, Guid? rawMessageId)
    {
        Id = Guid.NewGuid();
        ClaimId = claimId;
        Sequence = sequence;
        From = from;
        To = to;
        At = Guard.Utc(at);
        Actor = Guard.Required(actor, nameof(Actor), 120);
        Reason = Guard.Optional(reason?.Text, nameof(Reason), 2000);
        ReasonCode = reason?.Text is { Length: > 0 } ? Guard.Optional(reason.Code, nameof(ReasonCode), 40) : null;
        ReasonArgs = ReasonCode is null ? [] : [.. reason!.Args];
        RawMessageId = rawMessageId;
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    /// <summary>1 for the creation entry, then increasing by one per transition.</summary>
    public int Sequence { get; private set; }

    /// <summary>The previous state; null on the entry that records the claim's creation.</summary>
    public ClaimState? From { get; private set; }

    public ClaimState To { get; private set; }

    /// <summary>When the change happened, UTC.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>A user name, an API key name or a system component ("x12-277ca-consumer").</summary>
    public string Actor { get; private set; }

    /// <summary>The reason in English, as the hub or a person wrote it.</summary>
    public string? Reason { get; private set; }

    /// <summary>The kind of event behind <see cref="Reason"/> when the hub produced it (<see cref="TimelineReason.Code"/>); null for free text.</summary>
    public string? ReasonCode { get; private set; }

    /// <summary>The codes and numbers <see cref="ReasonCode"/> is worded with; empty without a code.</summary>
    public string[] ReasonArgs { get; private set; } = [];

    /// <summary>The stored raw message that caused the change, if any.</summary>
    public Guid? RawMessageId { get; private set; }
}
