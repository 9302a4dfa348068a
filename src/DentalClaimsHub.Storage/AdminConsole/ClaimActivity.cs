namespace DentalClaimsHub.Storage.AdminConsole;

/// <summary>What a console user did to a claim beyond its state changes.</summary>
public enum ClaimActivityKind
{
    Note,
    Appealed,
    WrittenOff,
    Resubmitted,
    Corrected,
    Voided,
    Assigned,
}

/// <summary>
/// One console action on a claim, shown on the claim's timeline next to its state changes: a note, an appeal, a write-off,
/// a fix and resubmission. The text is the user's own (it may name the patient: it is shown in the console, never logged).
/// </summary>
public sealed class ClaimActivity
{
    private ClaimActivity()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    public Guid PracticeId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid UserId { get; private set; }

    public ClaimActivityKind Kind { get; private set; }

    public string? Text { get; private set; }

    /// <summary>Another claim the action made (the corrected or void claim).</summary>
    public Guid? RelatedClaimId { get; private set; }

    public const int MaxText = 2000;

    public static ClaimActivity Create(Guid claimId, Guid practiceId, DateTimeOffset at, Guid userId, ClaimActivityKind kind, string? text,
        Guid? relatedClaimId = null)
    {
        if (text is { Length: > MaxText })
        {
            throw new ArgumentException($"At most {MaxText} characters.", nameof(text));
        }

        return new()
        {
            Id = Guid.CreateVersion7(), ClaimId = claimId, PracticeId = practiceId, At = at, UserId = userId, Kind = kind,
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(), RelatedClaimId = relatedClaimId,
        };
    }
}
