using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.FeeSchedules;

/// <summary>One procedure's fee in a fee schedule.</summary>
public sealed record FeeScheduleEntry
{
    public FeeScheduleEntry(ProcedureCode procedure, Money fee)
    {
        if (fee.IsNegative)
        {
            throw new DomainException($"The fee for {procedure} must not be negative, got {fee}.", nameof(fee));
        }

        Procedure = procedure;
        Fee = fee;
    }

    public ProcedureCode Procedure { get; }

    public Money Fee { get; }
}
