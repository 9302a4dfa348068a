using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.PreAuthorizations;

/// <summary>One planned procedure of a treatment plan and the payer's decision on it.</summary>
public sealed record PreAuthorizationLine
{
    public PreAuthorizationLine(
        int lineNumber,
        ProcedureCode procedure,
        Money fee,
        int units = 1,
        ToothNumber? tooth = null,
        SurfaceSet surfaces = default,
        OralCavityArea? area = null)
    {
        if (lineNumber < 1)
        {
            throw new DomainException($"Line number must be positive, got {lineNumber}.", nameof(lineNumber));
        }

        if (fee.IsNegative)
        {
            throw new DomainException($"Fee must not be negative, got {fee}.", nameof(fee));
        }

        if (units is < 1 or > 99)
        {
            throw new DomainException($"Units must be 1–99, got {units}.", nameof(units));
        }

        LineNumber = lineNumber;
        Procedure = procedure;
        Fee = fee;
        Units = units;
        Tooth = tooth;
        Surfaces = surfaces;
        Area = area;
    }

    public int LineNumber { get; }

    public ProcedureCode Procedure { get; }

    public Money Fee { get; }

    public int Units { get; }

    public ToothNumber? Tooth { get; }

    public SurfaceSet Surfaces { get; }

    public OralCavityArea? Area { get; }

    public LineDecision Decision { get; init; } = LineDecision.Pending;

    /// <summary>What the payer will pay for the line, when it says.</summary>
    public Money? ApprovedAmount { get; init; }

    public string? DecisionNote { get; init; }

    /// <summary>A copy carrying the payer's decision.</summary>
    public PreAuthorizationLine Decide(LineDecision decision, Money? approvedAmount = null, string? note = null)
    {
        if (decision == LineDecision.Pending)
        {
            throw new DomainException("A decision must be Approved, Modified or Denied.", nameof(decision));
        }

        if (decision == LineDecision.Denied && approvedAmount is { IsZero: false })
        {
            throw new DomainException($"A denied line cannot have an approved amount ({approvedAmount}).", nameof(approvedAmount));
        }

        if (approvedAmount is { } amount && (amount.IsNegative || amount > Fee))
        {
            throw new DomainException($"Approved amount {amount} must be between 0 and the fee {Fee}.", nameof(approvedAmount));
        }

        return this with { Decision = decision, ApprovedAmount = approvedAmount, DecisionNote = Guard.Optional(note, nameof(DecisionNote), 500) };
    }
}
