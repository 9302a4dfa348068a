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

    public static Remittance Create(
        string payerId,
        PaymentInfo payment,
        IEnumerable<ClaimPayment> claimPayments,
        DateTimeOffset now,
        IEnumerable<ProviderAdjustment>? providerAdjustments = null,
        Guid? practiceId = null,
        string? payerName = null,
        Guid? rawMessageId = null,
        Guid? id = null)
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
        };
        remittance._claimPayments.AddRange(claimPayments);
        remittance._providerAdjustments.AddRange(providerAdjustments ?? []);
        return remittance;
    }

    /// <summary>Records which claim a payment belongs to, by patient control number; returns false when none matches.</summary>
    public bool MatchClaim(string patientControlNumber, Guid claimId)
    {
        var index = _claimPayments.FindIndex(p => p.PatientControlNumber == patientControlNumber);
        if (index < 0)
        {
            return false;
        }

        _claimPayments[index] = _claimPayments[index] with { ClaimId = Guard.NotEmpty(claimId, nameof(claimId)) };
        return true;
    }

    /// <summary>
    /// Every broken 835 balancing rule: per line SVC02 − ΣCAS = SVC03, per claim CLP03 − ΣCAS = CLP04, and
    /// Σ CLP04 − Σ PLB = BPR02. An empty list means the remittance balances.
    /// </summary>
    public IReadOnlyList<string> CheckBalance()
    {
        var problems = new List<string>();
        var currency = Payment.Amount.Currency;
        foreach (var claim in _claimPayments)
        {
            for (var i = 0; i < claim.ServiceLines.Count; i++)
            {
                var line = claim.ServiceLines[i];
                if (!line.IsBalanced)
                {
                    problems.Add($"Claim {claim.PatientControlNumber} line {i + 1}: charge {line.Charge} minus adjustments is not the paid {line.Paid}.");
                }
            }

            if (!claim.IsBalanced)
            {
                problems.Add($"Claim {claim.PatientControlNumber}: charge {claim.Charge} minus adjustments is not the paid {claim.Paid}.");
            }
        }

        var expected = Money.Sum(_claimPayments.Select(c => c.Paid), currency)
            - Money.Sum(_providerAdjustments.Select(p => p.Amount), currency);
        if (expected != Payment.Amount)
        {
            problems.Add($"Claims paid minus provider adjustments is {expected}, the payment is {Payment.Amount}.");
        }

        return problems;
    }
}
