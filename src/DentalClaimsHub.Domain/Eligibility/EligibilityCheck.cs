namespace DentalClaimsHub.Domain.Eligibility;

/// <summary>
/// A request to learn a patient's dental benefits on a date of service, and its outcome. The result is kept with the
/// check so an estimate can say which answer it was based on.
/// </summary>
public sealed class EligibilityCheck
{
    private readonly List<BenefitCategory> _categories = [];

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

    public EligibilityCheckStatus Status { get; private set; }

    /// <summary>Our trace number (X12 TRN02) that the response echoes.</summary>
    public string? TraceNumber { get; private set; }

    public Guid? RequestMessageId { get; private set; }

    public EligibilityResult? Result { get; private set; }

    public string? FailureReason { get; private set; }

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
        Guid? id = null)
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
        };
        check._categories.AddRange((categories ?? []).Distinct());
        if (check._categories.Count == 0)
        {
            check._categories.Add(BenefitCategory.DentalCare);
        }

        return check;
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

    /// <summary>Records that no usable answer came.</summary>
    public void Fail(string reason, DateTimeOffset now)
    {
        Expect(EligibilityCheckStatus.Requested, EligibilityCheckStatus.Sent);
        FailureReason = Guard.Required(reason, nameof(FailureReason), 2000);
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
