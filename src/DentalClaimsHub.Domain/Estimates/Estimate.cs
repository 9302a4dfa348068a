using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Estimates;

/// <summary>
/// A patient-facing cost estimate for planned treatment, computed from an eligibility result (US) or ДМС programme
/// terms. Lines are fixed at creation; a changed plan gets a new estimate.
/// </summary>
public sealed class Estimate
{
    private readonly List<EstimateLine> _lines = [];

    private Estimate()
    {
        Currency = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid PatientId { get; private set; }

    /// <summary>The coverage the estimate assumes; null for a self-pay estimate.</summary>
    public Guid? CoverageId { get; private set; }

    /// <summary>The eligibility check whose result the numbers come from.</summary>
    public Guid? EligibilityCheckId { get; private set; }

    public string Currency { get; private set; }

    public IReadOnlyList<EstimateLine> Lines => _lines;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Benefits change; the estimate is honest only until this date.</summary>
    public DateOnly? ValidUntil { get; private set; }

    public string? Note { get; private set; }

    public Money TotalFee => Money.Sum(_lines.Select(l => l.Fee), Currency);

    public Money TotalPayerPortion => Money.Sum(_lines.Select(l => l.PayerPortion), Currency);

    public Money TotalPatientPortion => Money.Sum(_lines.Select(l => l.PatientPortion), Currency);

    public Money TotalWriteOff => Money.Sum(_lines.Select(l => l.WriteOff), Currency);

    public static Estimate Create(
        Guid practiceId,
        Guid patientId,
        string currency,
        IEnumerable<EstimateLine> lines,
        DateTimeOffset now,
        Guid? coverageId = null,
        Guid? eligibilityCheckId = null,
        DateOnly? validUntil = null,
        string? note = null,
        Guid? id = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var estimate = new Estimate
        {
            Id = id ?? Guid.NewGuid(),
            PracticeId = Guard.NotEmpty(practiceId, nameof(PracticeId)),
            PatientId = Guard.NotEmpty(patientId, nameof(PatientId)),
            CoverageId = coverageId,
            EligibilityCheckId = eligibilityCheckId,
            Currency = Money.Zero(currency).Currency,
            CreatedAt = Guard.Utc(now),
            ValidUntil = validUntil,
            Note = Guard.Optional(note, nameof(Note), 2000),
        };
        foreach (var line in lines)
        {
            if (line.Fee.Currency != estimate.Currency)
            {
                throw new DomainException($"Line {line.Procedure} is in {line.Fee.Currency}, the estimate in {estimate.Currency}.", nameof(lines));
            }

            estimate._lines.Add(line);
        }

        if (estimate._lines.Count == 0)
        {
            throw new DomainException("An estimate needs at least one line.", nameof(lines));
        }

        return estimate;
    }
}
