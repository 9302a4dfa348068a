using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Remittances;

/// <summary>
/// A payer's remittance advice (X12 835, FHIR ExplanationOfBenefit bundle, ДМС insurer act): one payment, the claims it
/// pays, and provider-level adjustments. <see cref="CheckBalance"/> applies the 835 balancing rules.
/// </summary>
public sealed class Remittance
{
    private readonly List<ClaimPayment> _claimPayments = [];
    private readonly List<ProviderAdjustment> _providerAdjustments = [];

    private Remittance()
    {
        PayerId = string.Empty;
        Payment = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>The payee practice, once identified.</summary>
    public Guid? PracticeId { get; private set; }

    public string PayerId { get; private set; }

    public string? PayerName { get; private set; }

    public PaymentInfo Payment { get; private set; }

    public IReadOnlyList<ClaimPayment> ClaimPayments => _claimPayments;

    public IReadOnlyList<ProviderAdjustment> ProviderAdjustments => _providerAdjustments;

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The stored raw message the remittance was read from.</summary>
    public Guid? RawMessageId { get; private set; }

    /// <summary>The payee's NPI (X12 N1*PE*XX) or ИНН as sent — how the practice is found.</summary>
    public string? PayeeId { get; private set; }

    /// <summary>When the payer produced the remittance (X12 DTM*405).</summary>
    public DateOnly? ProductionDate { get; private set; }

    /// <summary>Where the remittance came from inside its file (ST02 of an 835), for error reports.</summary>
    public string? SourceReference { get; private set; }

    public RemittanceStatus Status { get; private set; }

    /// <summary>Why the remittance was flagged instead of posted (balancing failures, duplicate payment, unknown payee).</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>
    /// The code and values of each of <see cref="Problems"/>, in the same order, for wording them per culture; empty when
    /// the problems were flagged without codes (stored before codes existed).
    /// </summary>
    public IReadOnlyList<RemittanceProblemCode> ProblemCodes => _problemCodes ?? [];

    public DateTimeOffset? PostedAt { get; private set; }

    private List<string> _problems = [];

    private List<RemittanceProblemCode>? _problemCodes;

    /// <summary>Payments that found no claim: the review queue.</summary>
    public int UnmatchedCount => _claimPayments.Count(p => p.NeedsReview);

    public static Remittance Create(
        string payerId,
        PaymentInfo payment,
        IEnumerable<ClaimPayment> claimPayments,
        DateTimeOffset now,
        IEnumerable<ProviderAdjustment>? providerAdjustments = null,
        Guid? practiceId = null,
        string? payerName = null,
        Guid? rawMessageId = null,
        Guid? id = null,
        string? payeeId = null,
        DateOnly? productionDate = null,
        string? sourceReference = null)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(claimPayments);
        var remittance = new Remittance
        {
            Id = id ?? Guid.NewGuid(),
            PracticeId = practiceId,
            PayerId = Guard.Required(payerId, nameof(PayerId), 80),
            PayerName = Guard.Optional(payerName, nameof(PayerName), 200),
            Payment = payment,
            ReceivedAt = Guard.Utc(now),
            RawMessageId = rawMessageId,
            PayeeId = Guard.Optional(payeeId, nameof(PayeeId), 80),
            ProductionDate = productionDate,
            SourceReference = Guard.Optional(sourceReference, nameof(SourceReference), 80),
            Status = RemittanceStatus.Received,
        };
        remittance._claimPayments.AddRange(claimPayments);
        for (var i = 0; i < remittance._claimPayments.Count; i++)
        {
            remittance._claimPayments[i].Ordinal = i + 1;
            remittance._claimPayments[i].PracticeId = practiceId;
        }

        remittance._providerAdjustments.AddRange(providerAdjustments ?? []);
        return remittance;
    }

    /// <summary>The practice the payee identifies.</summary>
    public void AssignPractice(Guid practiceId)
    {
        PracticeId = Guard.NotEmpty(practiceId, nameof(practiceId));
        foreach (var payment in _claimPayments)
        {
            payment.PracticeId = practiceId;
        }
    }

    /// <summary>The matched payments were applied to their claims.</summary>
    public void MarkPosted(DateTimeOffset now)
    {
        if (Status != RemittanceStatus.Received)
        {
            throw new DomainException($"A {Status} remittance cannot be posted.", nameof(Status));
        }

        Status = RemittanceStatus.Posted;
        PostedAt = Guard.Utc(now);
    }

    /// <summary>Keeps the remittance for review instead of posting it, with every reason.</summary>
    public void Flag(RemittanceStatus status, IEnumerable<string> problems) => Flag(status, problems, null);

    /// <summary>Keeps the remittance for review instead of posting it, with every reason and its code.</summary>
    public void Flag(RemittanceStatus status, IEnumerable<RemittanceProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = problems.ToList();
        Flag(status, list.Select(p => p.Text), [.. list.Select(p => new RemittanceProblemCode(p.Code, p.Args))]);
    }

    private void Flag(RemittanceStatus status, IEnumerable<string> problems, List<RemittanceProblemCode>? codes)
    {
        if (status is RemittanceStatus.Received or RemittanceStatus.Posted)
        {
            throw new DomainException($"{status} is not a review status.", nameof(status));
        }

        if (Status != RemittanceStatus.Received)
        {
            throw new DomainException($"A {Status} remittance cannot be flagged again.", nameof(Status));
        }

        Status = status;
        _problems = [.. problems.Select(p => Guard.Required(p, nameof(Problems), 1000))];
        _problemCodes = codes;
        if (_problems.Count == 0)
        {
            throw new DomainException("A flagged remittance needs at least one problem.", nameof(problems));
        }
    }

    /// <summary>
    /// Every broken 835 balancing rule: per line SVC02 − ΣCAS = SVC03, per claim CLP03 − ΣCAS = CLP04, and
    /// Σ CLP04 − Σ PLB = BPR02. An empty list means the remittance balances.
    /// </summary>
    public IReadOnlyList<string> CheckBalance() => [.. BalanceProblems().Select(p => p.Text)];

    /// <summary><see cref="CheckBalance"/> with each problem's code and values.</summary>
    public IReadOnlyList<RemittanceProblem> BalanceProblems()
    {
        var problems = new List<RemittanceProblem>();
        var currency = Payment.Amount.Currency;
        foreach (var claim in _claimPayments)
        {
            for (var i = 0; i < claim.ServiceLines.Count; i++)
            {
                var line = claim.ServiceLines[i];
                if (!line.IsBalanced)
                {
                    problems.Add(RemittanceProblems.Line(claim.PatientControlNumber, i + 1, line.Charge, line.Paid));
                }
            }

            if (!claim.IsBalanced)
            {
                problems.Add(RemittanceProblems.Claim(claim.PatientControlNumber, claim.Charge, claim.Paid));
            }
        }

        var expected = Money.Sum(_claimPayments.Select(c => c.Paid), currency)
            - Money.Sum(_providerAdjustments.Select(p => p.Amount), currency);
        if (expected != Payment.Amount)
        {
            problems.Add(RemittanceProblems.Payment(expected, Payment.Amount));
        }

        return problems;
    }
}

/// <summary>Where a remittance stands.</summary>
public enum RemittanceStatus
{
    /// <summary>Read and stored; not yet applied.</summary>
    Received = 1,

    /// <summary>Matched payments applied to their claims; unmatched ones wait in the review queue.</summary>
    Posted,

    /// <summary>Broke a balancing rule: kept and shown for review, nothing applied.</summary>
    Unbalanced,

    /// <summary>The same payment (payer + trace number) was already posted: nothing applied again.</summary>
    DuplicatePayment,

    /// <summary>The payee matches no practice of the hub: nothing applied.</summary>
    UnknownPayee,

    /// <summary>Parts of the remittance could not be read: kept for review, nothing applied.</summary>
    Unreadable,
}
