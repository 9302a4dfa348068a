using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Claims;

/// <summary>
/// A dental claim in canonical form: who, for whom, to which payer, what was done (lines), why (diagnoses), with
/// which supporting data, and where it is in its lifecycle. Protocol adapters translate it to an 837D, a FHIR Claim
/// or a ДМС registry row set and feed acknowledgements and remittances back as transitions.
/// </summary>
public sealed partial class Claim
{
    /// <summary>Practical limit of service lines on a dental claim (837D loop 2400 repeat 50).</summary>
    public const int MaxLines = 50;

    /// <summary>Diagnosis codes a dental claim can carry (HI segment, four pointers).</summary>
    public const int MaxDiagnoses = 4;

    /// <summary>Longest patient control number we generate or accept; many payers truncate CLM01 beyond 20.</summary>
    public const int MaxPatientControlNumberLength = 20;

    private readonly List<ClaimLine> _lines = [];
    private readonly List<Icd10Code> _diagnoses = [];
    private readonly List<ClaimAttachment> _attachments = [];
    private readonly List<MissingTooth> _missingTeeth = [];
    private readonly List<ClaimTimelineEntry> _timeline = [];

    private Claim()
    {
        PayerId = string.Empty;
        PatientControlNumber = string.Empty;
        Currency = string.Empty;
        PlaceOfService = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid PatientId { get; private set; }

    /// <summary>The coverage billed (primary for this claim).</summary>
    public Guid CoverageId { get; private set; }

    /// <summary>
    /// The patient's other coverage, carried for coordination of benefits (837D 2320/2330 other subscriber and payer):
    /// the payer billed here needs to know it exists, and the secondary claim is sent once this one is paid.
    /// </summary>
    public Guid? SecondaryCoverageId { get; private set; }

    /// <summary>The payer profile id the claim goes to.</summary>
    public string PayerId { get; private set; }

    /// <summary>
    /// The dentist who rendered the services (837D 2310B, FHIR careTeam), when different from the billing practice: a
    /// snapshot of who was named at submission, so a resend or a correction carries exactly what the payer saw.
    /// </summary>
    public ProviderIdentity? RenderingProvider { get; private set; }

    /// <summary>Our claim id towards the payer (CLM01): set once at creation and never changed, echoed in 277/835.</summary>
    public string PatientControlNumber { get; private set; }

    /// <summary>The payer's claim number (277CA REF*1K, 835 CLP07), once known.</summary>
    public string? PayerClaimNumber { get; private set; }

    public ClaimFrequency Frequency { get; private set; }

    /// <summary>A claim for payment, or a treatment plan sent for a predetermination.</summary>
    public ClaimPurpose Purpose { get; private set; }

    /// <summary>For a replacement or void: the claim it replaces or cancels.</summary>
    public Guid? OriginalClaimId { get; private set; }

    /// <summary>For a replacement or void: the payer's number of the original claim (REF*F8).</summary>
    public string? OriginalPayerClaimNumber { get; private set; }

    /// <summary>ISO 4217 currency of every fee on the claim.</summary>
    public string Currency { get; private set; }

    /// <summary>Place of service code (CLM05-1), "11" office by default.</summary>
    public string PlaceOfService { get; private set; }

    public OrthodonticInfo? Orthodontics { get; private set; }

    public AccidentInfo? Accident { get; private set; }

    /// <summary>Claim-level prior authorisation number (2300 REF*G1) or ДМС guarantee letter number.</summary>
    public string? PriorAuthorizationNumber { get; private set; }

    /// <summary>Number of the predetermination this claim follows (2300 REF*G3).</summary>
    public string? PredeterminationNumber { get; private set; }

    /// <summary>Free-text note to the payer (NTE).</summary>
    public string? Note { get; private set; }

    /// <summary>What the patient has already paid toward this claim (837D 2300 AMT*F5) in <see cref="Currency"/>; null: nothing.</summary>
    public Money? PatientPaid => PatientPaidAmount is { } amount ? new Money(amount, Currency) : null;

    // The amount alone is kept: the claim's currency is the only one it may be in.
    private decimal? PatientPaidAmount { get; set; }

    public ClaimState State { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ClaimLine> Lines => _lines;

    /// <summary>ICD-10 diagnoses in pointer order (pointer 1 = first).</summary>
    public IReadOnlyList<Icd10Code> Diagnoses => _diagnoses;

    public IReadOnlyList<ClaimAttachment> Attachments => _attachments;

    public IReadOnlyList<MissingTooth> MissingTeeth => _missingTeeth;

    /// <summary>
    /// Every state change in order, starting with the creation entry. A claim read without its timeline (a large 835 loads
    /// thousands of claims to change their state, never to show their history) holds here only the entries added since.
    /// </summary>
    public IReadOnlyList<ClaimTimelineEntry> Timeline => _timeline;

    /// <summary>How many entries the whole timeline has: the next entry's sequence number is one more, loaded or not.</summary>
    public int TimelineLength { get; private set; }

    /// <summary>Σ line fees, in <see cref="Currency"/>.</summary>
    public Money Total => Money.Sum(_lines.Select(l => l.Fee), Currency);

    /// <summary>Creates an original claim in <see cref="ClaimState.Draft"/>, recording its creation on the timeline.</summary>
    public static Claim Create(
        Guid practiceId,
        Guid patientId,
        Guid coverageId,
        string payerId,
        string currency,
        string actor,
        DateTimeOffset now,
        string? patientControlNumber = null,
        ProviderIdentity? renderingProvider = null,
        string placeOfService = "11",
        Guid? id = null,
        ClaimPurpose purpose = ClaimPurpose.Claim)
    {
        var claimId = id ?? Guid.NewGuid();
        var claim = new Claim
        {
            Id = claimId,
            PracticeId = Guard.NotEmpty(practiceId, nameof(PracticeId)),
            PatientId = Guard.NotEmpty(patientId, nameof(PatientId)),
            CoverageId = Guard.NotEmpty(coverageId, nameof(CoverageId)),
            PayerId = Guard.Required(payerId, nameof(PayerId), 80),
            Currency = Money.Zero(currency).Currency,
            PatientControlNumber = NormaliseControlNumber(patientControlNumber) ?? NewControlNumber(claimId),
            RenderingProvider = renderingProvider,
            PlaceOfService = NormalisePlaceOfService(placeOfService),
            Frequency = ClaimFrequency.Original,
            Purpose = Enum.IsDefined(purpose) ? purpose : throw new DomainException($"Unknown claim purpose {purpose}.", nameof(Purpose)),
            State = ClaimState.Draft,
            CreatedAt = Guard.Utc(now),
            UpdatedAt = Guard.Utc(now),
        };
        claim.Append(null, ClaimState.Draft, actor, now, new TimelineReason("created", TimelineReasonCodes.Created), null);
        return claim;
    }
}
