namespace DentalClaimsHub.Storage.DmsActs;

/// <summary>
/// One service line of an act: what the insurer said (accepted, refused and why — its own code and text, and the hub category),
/// the claim line it was matched to, and — for a refused or unmatched line — the clinic's work item: Open until the clinic
/// disputes it with the insurer or accepts (writes off) the refusal, with who and when. No policy or name is kept.
/// </summary>
public sealed class DmsActLine
{
    private DmsActLine()
    {
    }

    public Guid Id { get; private set; }

    public Guid ActId { get; private set; }

    public Guid PracticeId { get; private set; }

    /// <summary>The row in the insurer's file.</summary>
    public int Row { get; private set; }

    public string? RegistryNumber { get; private set; }

    /// <summary>Our claim number (PCN) as the insurer echoed it.</summary>
    public string ClaimNumber { get; private set; } = "";

    public string? LineReference { get; private set; }

    public DateOnly? ServiceDate { get; private set; }

    /// <summary>The 804н code, normalised.</summary>
    public string ServiceCode { get; private set; } = "";

    /// <summary>FDI tooth, when given.</summary>
    public string? Tooth { get; private set; }

    public int Quantity { get; private set; }

    public decimal Billed { get; private set; }

    public decimal Accepted { get; private set; }

    public decimal Refused { get; private set; }

    public string? ReasonCode { get; private set; }

    public string? ReasonText { get; private set; }

    /// <summary>The hub-wide refusal category (NoGuaranteeLetter, NotInProgram…); null for an accepted line.</summary>
    public string? Category { get; private set; }

    /// <summary>The CARC the refusal was posted with (group CO); null for an accepted or unmatched line.</summary>
    public string? AdjustmentReason { get; private set; }

    public Guid? ClaimId { get; private set; }

    public int? ClaimLineNumber { get; private set; }

    /// <summary>Why the line matched nothing, in English (the API's wording); null when matched.</summary>
    public string? MatchProblem { get; private set; }

    /// <summary>Which of <see cref="DmsActMatchFailures"/> left the line unmatched, so a reader can word it in its own language.</summary>
    public string? MatchFailure { get; private set; }

    /// <summary>True while the clinic may still dispute the refusal.</summary>
    public bool CanDispute => WorkStatus == DmsActWorkStatus.Open;

    /// <summary>True while the clinic may still accept (write off) the refusal, also after disputing it.</summary>
    public bool CanAccept => WorkStatus is DmsActWorkStatus.Open or DmsActWorkStatus.Disputed;

    public DmsActWorkStatus WorkStatus { get; private set; }

    public string? WorkNote { get; private set; }

    public string? WorkedBy { get; private set; }

    public DateTimeOffset? WorkedAt { get; private set; }

    public bool IsMatched => ClaimId is not null;

    public static DmsActLine Create(int row, string? registryNumber, string claimNumber, string? lineReference, DateOnly? serviceDate,
        string serviceCode, string? tooth, int quantity, decimal billed, decimal accepted, decimal refused, string? reasonCode, string? reasonText,
        string? category) => new()
    {
        Id = Guid.NewGuid(),
        Row = row,
        RegistryNumber = registryNumber,
        ClaimNumber = claimNumber,
        LineReference = lineReference,
        ServiceDate = serviceDate,
        ServiceCode = serviceCode,
        Tooth = tooth,
        Quantity = quantity,
        Billed = billed,
        Accepted = accepted,
        Refused = refused,
        ReasonCode = reasonCode,
        ReasonText = reasonText,
        Category = category,
        WorkStatus = refused > 0 ? DmsActWorkStatus.Open : DmsActWorkStatus.None,
    };

    /// <summary>The claim line this act line answers, and the CARC its refusal is posted with.</summary>
    public void MatchTo(Guid claimId, int claimLineNumber, string? adjustmentReason)
    {
        ClaimId = claimId;
        ClaimLineNumber = claimLineNumber;
        AdjustmentReason = Refused > 0 ? adjustmentReason : null;
        MatchProblem = null;
        MatchFailure = null;
    }

    /// <summary>Nothing of ours matches: kept as the insurer sent it, and open for the clinic to look at.</summary>
    public void Unmatched(string failure, string problem)
    {
        MatchFailure = failure;
        MatchProblem = problem.Length > 300 ? problem[..300] : problem;
        WorkStatus = DmsActWorkStatus.Open;
    }

    /// <summary>The clinic contests the refusal with the insurer.</summary>
    public void Dispute(string note, string by, DateTimeOffset now)
    {
        if (!CanDispute)
        {
            throw new InvalidOperationException($"Only an open line can be disputed; this one is {WorkStatus}.");
        }

        Work(DmsActWorkStatus.Disputed, note, by, now);
    }

    /// <summary>The clinic agrees with the refusal (writes it off), also after a dispute it gave up.</summary>
    public void Accept(string note, string by, DateTimeOffset now)
    {
        if (!CanAccept)
        {
            throw new InvalidOperationException($"Only an open or disputed line can be accepted; this one is {WorkStatus}.");
        }

        Work(DmsActWorkStatus.Accepted, note, by, now);
    }

    internal void AttachTo(DmsAct act)
    {
        ActId = act.Id;
        PracticeId = act.PracticeId;
    }

    private void Work(DmsActWorkStatus status, string note, string by, DateTimeOffset now)
    {
        WorkStatus = status;
        WorkNote = note.Length > 1000 ? note[..1000] : note;
        WorkedBy = by.Length > 120 ? by[..120] : by;
        WorkedAt = now.ToUniversalTime();
    }
}

/// <summary>Where a refused or unmatched act line stands in the clinic's work queue.</summary>
public enum DmsActWorkStatus
{
    /// <summary>Accepted in full: nothing to do.</summary>
    None = 0,

    /// <summary>Waiting for the clinic.</summary>
    Open = 1,

    /// <summary>The clinic contests it with the insurer.</summary>
    Disputed = 2,

    /// <summary>The clinic agreed; written off.</summary>
    Accepted = 3,
}

/// <summary>Why an act line matched no claim line of ours.</summary>
public static class DmsActMatchFailures
{
    /// <summary>No claim of the clinic with the act's claim number was sent to that insurer.</summary>
    public const string NoClaim = "no-claim";

    /// <summary>The claim has no line with the act's code (and tooth) that another act line has not already answered.</summary>
    public const string NoLine = "no-line";

    public static readonly IReadOnlyList<string> All = [NoClaim, NoLine];
}
