using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Providers;

namespace DentalClaimsHub.Api.Estimates;

/// <summary>
/// What will this treatment cost the patient? Base it on a completed eligibility check (<c>eligibilityCheckId</c>), or
/// name the patient and coverage (ids or inline, as for <c>/v1/eligibility</c>) and the hub gets the answer first.
/// </summary>
public sealed record EstimateRequest
{
    public Guid? EligibilityCheckId { get; init; }

    public Guid? PatientId { get; init; }

    public PatientRequest? Patient { get; init; }

    public Guid? CoverageId { get; init; }

    public CoverageRequest? Coverage { get; init; }

    public ProviderRequest? Provider { get; init; }

    /// <summary>Planned date of service; today in the practice's time zone when omitted.</summary>
    public DateOnly? DateOfService { get; init; }

    /// <summary><c>inNetwork</c> (default) or <c>outOfNetwork</c>: which benefits and allowed amounts apply.</summary>
    public string? Network { get; init; }

    public IReadOnlyList<PlannedProcedureRequest>? Procedures { get; init; }
}

public sealed record PlannedProcedureRequest
{
    /// <summary>CDT code (US payers) or Номенклатура code (ДМС).</summary>
    /// <example>D2740</example>
    public string? Code { get; init; }

    /// <summary>Universal 1–32/A–T for US practices, FDI two digits for Russian ones.</summary>
    /// <example>3</example>
    public string? Tooth { get; init; }

    /// <example>MOD</example>
    public string? Surfaces { get; init; }

    /// <summary>The practice's fee; from its fee schedule when omitted.</summary>
    /// <example>1200.00</example>
    public decimal? Fee { get; init; }
}

public sealed record EstimateReasonDto(string Kind, string? Note, MoneyDto? Amount);

public sealed record EstimateLineDto(
    string Code,
    string? Tooth,
    string? Surfaces,
    MoneyDto Fee,
    MoneyDto PayerPortion,
    MoneyDto PatientPortion,
    MoneyDto WriteOff,
    IReadOnlyList<EstimateReasonDto> Reasons);

public sealed record EstimateTotalsDto(MoneyDto Fee, MoneyDto PayerPortion, MoneyDto PatientPortion, MoneyDto WriteOff);

public sealed record EstimateResponse(
    Guid Id,
    Guid PatientId,
    Guid? CoverageId,
    Guid? EligibilityCheckId,
    string Currency,
    IReadOnlyList<EstimateLineDto> Lines,
    EstimateTotalsDto Totals,
    DateTimeOffset CreatedAt,
    DateOnly? ValidUntil,
    string? Note);
