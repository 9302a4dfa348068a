using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.PreAuthorizations;

/// <summary>
/// A treatment plan sent for advance approval — US predetermination / prior authorisation or a ДМС guarantee letter —
/// with the payer's per-line decisions, reference number and validity.
/// </summary>
public sealed partial class PreAuthorization
{
    private readonly List<PreAuthorizationLine> _lines = [];

    private PreAuthorization()
    {
        PayerId = string.Empty;
        Currency = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid CoverageId { get; private set; }

    public string PayerId { get; private set; }

    public PreAuthorizationKind Kind { get; private set; }

    /// <summary>
    /// The claim row (purpose Predetermination) that carries the full treatment plan to the payer — the same 837D / FHIR /
    /// registry machinery as claims, with its own timeline; null for plans recorded without sending.
    /// </summary>
    public Guid? RequestClaimId { get; private set; }

    public PreAuthorizationStatus Status { get; private set; }

    public string Currency { get; private set; }

    public IReadOnlyList<PreAuthorizationLine> Lines => _lines;

    /// <summary>The payer's reference: predetermination number (REF*G3), authorisation number (REF*G1) or № ГП.</summary>
    public string? ReferenceNumber { get; private set; }

    public DateOnly? ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    /// <summary>Sum limit of a guarantee letter.</summary>
    public Money? Limit { get; private set; }

    /// <summary>The payer's free text: what information is missing, why it was annulled.</summary>
    public string? PayerNote { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Money TotalFee => Money.Sum(_lines.Select(l => l.Fee), Currency);

    /// <summary>Σ approved amounts of the lines that have one.</summary>
    public Money TotalApproved => Money.Sum(_lines.Where(l => l.ApprovedAmount is not null).Select(l => l.ApprovedAmount!.Value), Currency);

    public static PreAuthorization Create(
        Guid practiceId, Guid patientId, Guid coverageId, string payerId, PreAuthorizationKind kind, string currency, DateTimeOffset now, Guid? id = null,
        Guid? requestClaimId = null)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException($"Pre-authorisation kind '{kind}' is not a known value.", nameof(kind));
        }

        return new PreAuthorization
        {
            Id = id ?? Guid.NewGuid(),
            PracticeId = Guard.NotEmpty(practiceId, nameof(PracticeId)),
            PatientId = Guard.NotEmpty(patientId, nameof(PatientId)),
            CoverageId = Guard.NotEmpty(coverageId, nameof(CoverageId)),
            PayerId = Guard.Required(payerId, nameof(PayerId), 80),
            Kind = kind,
            RequestClaimId = requestClaimId,
            Currency = Money.Zero(currency).Currency,
            Status = PreAuthorizationStatus.Draft,
            CreatedAt = Guard.Utc(now),
            UpdatedAt = Guard.Utc(now),
        };
    }

    /// <summary>Adds a planned procedure; only while Draft or InformationRequested.</summary>
    public PreAuthorizationLine AddLine(
        ProcedureCode procedure, Money fee, DateTimeOffset now, int units = 1, ToothNumber? tooth = null, SurfaceSet? surfaces = null, OralCavityArea? area = null)
    {
        Expect(PreAuthorizationStatus.Draft, PreAuthorizationStatus.InformationRequested);
        if (fee.Currency != Currency)
        {
            throw new DomainException($"Fee {fee} is not in {Currency}.", nameof(fee));
        }

        if (_lines.Count >= Claims.Claim.MaxLines)
        {
            throw new DomainException($"A treatment plan holds at most {Claims.Claim.MaxLines} lines.");
        }

        var line = new PreAuthorizationLine(_lines.Count + 1, procedure, fee, units, tooth, surfaces ?? default, area);
        _lines.Add(line);
        UpdatedAt = Guard.Utc(now);
        return line;
    }

    /// <summary>Records that the plan was sent.</summary>
    public void MarkSubmitted(DateTimeOffset now)
    {
        Expect(PreAuthorizationStatus.Draft, PreAuthorizationStatus.InformationRequested);
        if (_lines.Count == 0)
        {
            throw new DomainException("A treatment plan needs at least one line before it is sent.");
        }

        Status = PreAuthorizationStatus.Submitted;
        UpdatedAt = Guard.Utc(now);
    }
}
