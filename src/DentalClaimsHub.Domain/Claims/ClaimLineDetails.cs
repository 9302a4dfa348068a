using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Claims;

/// <summary>
/// What a caller supplies to add or replace a claim line; <see cref="Claim.AddLine"/> validates it and turns it into a
/// <see cref="ClaimLine"/> with a line number and a line control number.
/// </summary>
public sealed record ClaimLineDetails
{
    public required ProcedureCode Procedure { get; init; }

    /// <summary>Charge for the line (all units), in the claim's currency.</summary>
    public required Money Fee { get; init; }

    /// <summary>Procedure count (X12 SV306), 1–99.</summary>
    public int Units { get; init; } = 1;

    /// <summary>Local date of service; omitted on predeterminations.</summary>
    public DateOnly? ServiceDate { get; init; }

    public ToothNumber? Tooth { get; init; }

    /// <summary>
    /// Further teeth the one procedure covers, e.g. the teeth a partial denture replaces (837D: several TOO segments,
    /// allowed only when the procedure count is 1).
    /// </summary>
    public IReadOnlyList<ToothNumber> AdditionalTeeth { get; init; } = [];

    public SurfaceSet Surfaces { get; init; } = SurfaceSet.Empty;

    public OralCavityArea? Area { get; init; }

    public ProsthesisPlacement? Prosthesis { get; init; }

    /// <summary>Date the replaced prosthesis was placed (X12 DTP*441); required for a replacement.</summary>
    public DateOnly? PriorPlacementDate { get; init; }

    /// <summary>One-based pointers into the claim's diagnoses, at most four.</summary>
    public IReadOnlyList<int> DiagnosisPointers { get; init; } = [];

    /// <summary>Prior authorisation or predetermination number for this line (REF*G1 / REF*G3), or the ДМС guarantee letter number.</summary>
    public string? PriorAuthorizationNumber { get; init; }

    /// <summary>Our line control number (REF*6R) echoed back in the 835; generated when absent.</summary>
    public string? LineControlNumber { get; init; }

    /// <summary>Free-text description (the service name in ДМС registries).</summary>
    public string? Description { get; init; }
}
