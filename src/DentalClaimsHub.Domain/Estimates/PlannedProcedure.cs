using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Estimates;

/// <summary>A procedure the practice plans to do, with its fee and, for in-network US plans, the payer's allowed amount.</summary>
public sealed record PlannedProcedure(
    ProcedureCode Procedure,
    Money Fee,
    Money? AllowedAmount = null,
    ToothNumber? Tooth = null,
    SurfaceSet Surfaces = default);
