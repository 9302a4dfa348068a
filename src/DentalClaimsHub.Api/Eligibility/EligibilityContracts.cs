using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Providers;

namespace DentalClaimsHub.Api.Eligibility;

/// <summary>
/// Is this patient covered on this date, and for what? Name a registered patient and coverage by id, or pass them
/// inline (they are registered with the practice as a side effect).
/// </summary>
public sealed record EligibilityRequest
{
    public Guid? PatientId { get; init; }

    public PatientRequest? Patient { get; init; }

    public Guid? CoverageId { get; init; }

    public CoverageRequest? Coverage { get; init; }

    /// <summary>The provider asking; the practice itself (its name and NPI) when omitted.</summary>
    public ProviderRequest? Provider { get; init; }

    /// <summary>Date of service; today in the practice's time zone when omitted.</summary>
    /// <example>2026-11-23</example>
    public DateOnly? DateOfService { get; init; }

    /// <summary>CDT codes to ask about (otherwise the payer's general dental benefits).</summary>
    /// <example>["D0120","D1110"]</example>
    public IReadOnlyList<string>? ProcedureCodes { get; init; }

    /// <summary>
    /// X12 service type codes (EQ01) of the dental benefit categories to ask about: 35 dental care, 23 diagnostic,
    /// 41 preventive, 25 restorative, 36 crowns, 26 endodontics, 24 periodontics, 39 prosthodontics, 38 orthodontics,
    /// 40 oral surgery, 28 adjunctive, 27 maxillofacial prosthetics, 37 dental accident. FHIR payers are asked the same
    /// categories; the payer's general dental benefits (35) when omitted.
    /// </summary>
    /// <example>["23","41"]</example>
    public IReadOnlyList<string>? ServiceTypeCodes { get; init; }

    /// <summary>Ask the payer even when a fresh cached answer exists.</summary>
    public bool Force { get; init; }
}

public sealed record BenefitLineDto(
    string Kind,
    string Category,
    string Network,
    string CoverageLevel,
    string Period,
    int? PeriodCount,
    MoneyDto? Amount,
    decimal? Percent,
    MoneyDto? Remaining,
    decimal? Quantity,
    string? QuantityUnit,
    IReadOnlyList<string> ProcedureCodes,
    bool? AuthorizationRequired,
    string? Note,
    DateOnly? CoveredFrom = null);

public sealed record RejectionDto(string ReasonCode, string? FollowUpAction, string? Description);

public sealed record EligibilityResultDto(
    string CoverageStatus,
    string? PayerName,
    string? PlanName,
    string? GroupNumber,
    string? GroupName,
    DateOnly? PlanBegin,
    DateOnly? PlanEnd,
    string? MemberId,
    IReadOnlyList<BenefitLineDto> Benefits,
    IReadOnlyList<RejectionDto> Rejections,
    DateTimeOffset ReceivedAt);

/// <summary>
/// A failure to get an answer (not a payer's "no"): <c>payer_unavailable</c> (down, timing out, circuit open — comes with
/// a retry-after), <c>payer_error</c> (answered unusably), <c>request_incomplete</c> (the payer needs more than was given), <c>hub_error</c> (a defect in the hub, logged).
/// </summary>
public sealed record EligibilityFailureDto(string Code, string Detail, DateTimeOffset? RetryAt, int? RetryAfterSeconds);

public sealed record EligibilityResponse(
    Guid Id,
    string Status,
    bool Cached,
    Guid PatientId,
    Guid CoverageId,
    string PayerId,
    DateOnly DateOfService,
    IReadOnlyList<string> ProcedureCodes,
    IReadOnlyList<string> ServiceTypeCodes,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt,
    EligibilityResultDto? Result,
    EligibilityFailureDto? Failure);
