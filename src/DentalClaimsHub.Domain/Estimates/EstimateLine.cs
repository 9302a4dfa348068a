using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Estimates;

/// <summary>
/// One procedure of an estimate: its fee and how the fee is expected to split into the payer's portion, the patient's
/// portion and a write-off, with the reasons for the split.
/// </summary>
public sealed record EstimateLine
{
    public EstimateLine(
        ProcedureCode procedure,
        Money fee,
        Money payerPortion,
        Money patientPortion,
        IReadOnlyList<EstimateReason>? reasons = null,
        ToothNumber? tooth = null,
        SurfaceSet surfaces = default)
    {
        if (fee.IsNegative || payerPortion.IsNegative || patientPortion.IsNegative)
        {
            throw new DomainException($"Estimate amounts must not be negative ({procedure}: fee {fee}, payer {payerPortion}, patient {patientPortion}).");
        }

        // Comparisons also enforce one currency across the three amounts.
        if (payerPortion + patientPortion > fee)
        {
            throw new DomainException(
                $"Payer {payerPortion} and patient {patientPortion} portions exceed the fee {fee} for {procedure}.", nameof(payerPortion));
        }

        Procedure = procedure;
        Fee = fee;
        PayerPortion = payerPortion;
        PatientPortion = patientPortion;
        Reasons = [.. reasons ?? []];
        Tooth = tooth;
        Surfaces = surfaces;
    }

    public ProcedureCode Procedure { get; }

    public ToothNumber? Tooth { get; }

    public SurfaceSet Surfaces { get; }

    public Money Fee { get; }

    public Money PayerPortion { get; }

    public Money PatientPortion { get; }

    /// <summary>What neither pays: the network discount an in-network practice writes off.</summary>
    public Money WriteOff => Fee - PayerPortion - PatientPortion;

    public IReadOnlyList<EstimateReason> Reasons { get; }
}
