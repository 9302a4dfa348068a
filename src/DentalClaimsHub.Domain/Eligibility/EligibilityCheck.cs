using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Eligibility;

/// <summary>
/// A request to learn a patient's dental benefits on a date of service, and its outcome. The result is kept with the
/// check so an estimate can say which answer it was based on.
/// </summary>
public sealed class EligibilityCheck
{
    private readonly List<BenefitCategory> _categories = [];
    private List<ProcedureCode> _procedures = [];

    private EligibilityCheck()
    {
        PayerId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid CoverageId { get; private set; }

    public string PayerId { get; private set; }

    /// <summary>Local date the benefits are asked for.</summary>
    public DateOnly ServiceDate { get; private set; }

    /// <summary>The categories asked about (X12 EQ01); dental care in general when none were named.</summary>
    public IReadOnlyList<BenefitCategory> Categories => _categories;

    /// <summary>Procedure codes asked about (X12 EQ02, FHIR item.productOrService); none asks about categories.</summary>
    public IReadOnlyList<ProcedureCode> Procedures => _procedures;

    /// <summary>The provider asking: the practice itself unless the request named a provider.</summary>
    public ProviderIdentity? Provider { get; private set; }

    public EligibilityCheckStatus Status { get; private set; }

    /// <summary>Our trace number (X12 TRN02) that the response echoes.</summary>
    public string? TraceNumber { get; private set; }

    public Guid? RequestMessageId { get; private set; }

    public EligibilityResult? Result { get; private set; }

    /// <summary>Why no usable answer came, as a stable code (see <see cref="EligibilityFailureCodes"/>).</summary>
    public string? FailureCode { get; private set; }

    /// <summary>The failure in words, for people.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>
    /// <see cref="FailureReason"/> as a code, set by whoever wrote it, with the values it names (the payer's own text among them,
    /// as given), so a reader can word it in another language. Checks failed before codes existed have none.
    /// </summary>
    public string? FailureReasonCode { get; private set; }

    public string[] FailureReasonArgs { get; private set; } = [];

    /// <summary>When asking again makes sense (payer unavailable: circuit open or down).</summary>
    public DateTimeOffset? RetryAt { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public static EligibilityCheck Create(
        Guid practiceId,
        Guid patientId,
        Guid coverageId,
        string payerId,
        DateOnly serviceDate,
        DateTimeOffset now,
        IEnumerable<BenefitCategory>? categories = null,
        Guid? id = null,
        IEnumerable<ProcedureCode>? procedures = null,
        ProviderIdentity? provider = null)
    {
        var check = new EligibilityCheck
        {
            Id = id ?? Guid.NewGuid(),
            PracticeId = Guard.NotEmpty(practiceId, nameof(PracticeId)),
            PatientId = Guard.NotEmpty(patientId, nameof(PatientId)),
            CoverageId = Guard.NotEmpty(coverageId, nameof(CoverageId)),
            PayerId = Guard.Required(payerId, nameof(PayerId), 80),
            ServiceDate = serviceDate,
            Status = EligibilityCheckStatus.Requested,
            RequestedAt = Guard.Utc(now),
            Provider = provider,
            _procedures = [.. (procedures ?? []).Distinct()],
        };
        check._categories.AddRange(AskedCategories(categories));
        return check;
    }

    /// <summary>The categories a check asks about: those named, once each, or general dental care when none is named.</summary>
    public static IReadOnlyList<BenefitCategory> AskedCategories(IEnumerable<BenefitCategory>? categories)
    {
        List<BenefitCategory> asked = [.. (categories ?? []).Distinct()];
        return asked.Count == 0 ? [BenefitCategory.DentalCare] : asked;
    }

    /// <summary>Records that the request left, with its trace number and stored raw message.</summary>
    public void MarkSent(string traceNumber, Guid? requestMessageId = null)
    {
        Expect(EligibilityCheckStatus.Requested);
        TraceNumber = Guard.Required(traceNumber, nameof(TraceNumber), 50);
        RequestMessageId = requestMessageId;
        Status = EligibilityCheckStatus.Sent;
    }

    /// <summary>Stores the payer's answer.</summary>
    public void Complete(EligibilityResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        Expect(EligibilityCheckStatus.Requested, EligibilityCheckStatus.Sent);
        Result = result;
        Status = EligibilityCheckStatus.Completed;
        CompletedAt = Guard.Utc(now);
    }

    /// <summary>
    /// Records that no usable answer came, why (in English, and as <paramref name="reasonCode"/> with the values it names when the
    /// writer has one), and when asking again makes sense.
    /// </summary>
    public void Fail(string code, string reason, DateTimeOffset now, DateTimeOffset? retryAt = null,
        string? reasonCode = null, IReadOnlyList<string>? reasonArgs = null)
    {
        Expect(EligibilityCheckStatus.Requested, EligibilityCheckStatus.Sent);
        FailureCode = Guard.Required(code, nameof(FailureCode), 40);
        FailureReason = Guard.Required(reason, nameof(FailureReason), 2000);
        FailureReasonCode = Guard.Optional(reasonCode, nameof(FailureReasonCode), 40);
        FailureReasonArgs = FailureReasonCode is null ? [] : [.. reasonArgs ?? []];
        RetryAt = retryAt is { } at ? Guard.Utc(at) : null;
        Status = EligibilityCheckStatus.Failed;
        CompletedAt = Guard.Utc(now);
    }

    private void Expect(params EligibilityCheckStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException($"Eligibility check is {Status}; expected {string.Join(" or ", allowed)}.");
        }
    }
}
