using DentalClaimsHub.Api.Coverages;

namespace DentalClaimsHub.Api.Claims;

/// <summary>A claim as stored: its content, where it is, and how it got there.</summary>
public sealed record ClaimResponse(
    Guid Id,
    string Status,
    string PatientControlNumber,
    string? PayerClaimNumber,
    string PayerId,
    Guid PatientId,
    Guid CoverageId,
    Guid? SecondaryCoverageId,
    string Frequency,
    string Purpose,
    Guid? OriginalClaimId,
    string? OriginalPayerClaimNumber,
    MoneyDto Total,
    MoneyDto? PatientPaid,
    string PlaceOfService,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<ClaimLineResponse> Lines,
    ClaimProviderResponse? RenderingProvider,
    OrthodonticsResponse? Orthodontics,
    AccidentResponse? Accident,
    IReadOnlyList<MissingToothResponse> MissingTeeth,
    IReadOnlyList<AttachmentResponse> Attachments,
    string? PriorAuthorizationNumber,
    string? PredeterminationNumber,
    string? Note,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ClaimTimelineResponse> Timeline);

public sealed record ClaimLineResponse(
    int LineNumber,
    string LineControlNumber,
    string Code,
    string CodeSystem,
    string? Tooth,
    IReadOnlyList<string> AdditionalTeeth,
    string? Surfaces,
    string? Area,
    string? Prosthesis,
    DateOnly? PriorPlacementDate,
    int Units,
    MoneyDto Fee,
    DateOnly? ServiceDate,
    IReadOnlyList<int> DiagnosisPointers,
    string? PriorAuthorizationNumber);

public sealed record ClaimProviderResponse(string? Npi, string? OrganizationName, string? LastName, string? FirstName, string? TaxonomyCode);

public sealed record OrthodonticsResponse(int TotalMonths, int RemainingMonths, DateOnly? AppliancePlacedOn);

public sealed record AccidentResponse(string Cause, DateOnly Date, string? State, string? Country);

public sealed record MissingToothResponse(string Tooth, string Status);

public sealed record AttachmentResponse(
    string ReportType, string Transmission, string ControlNumber, string ContentType, long SizeBytes, string? FileName);

/// <summary>One step of the claim's life: the state it entered, when, who or what moved it, why, and the raw message involved.</summary>
public sealed record ClaimTimelineResponse(
    int Sequence, string? From, string To, DateTimeOffset At, string Actor, string? Reason, Guid? RawMessageId);

/// <summary>A claim in a list: enough to find it, open it with <c>GET /v1/claims/{id}</c>.</summary>
public sealed record ClaimSummaryResponse(
    Guid Id,
    string Status,
    string PatientControlNumber,
    string? PayerClaimNumber,
    string PayerId,
    Guid PatientId,
    string Frequency,
    string Purpose,
    MoneyDto Total,
    int LineCount,
    DateOnly? FirstServiceDate,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A page of claims, newest first; pass <see cref="NextCursor"/> as <c>cursor</c> for the next page.</summary>
public sealed record ClaimPageResponse(IReadOnlyList<ClaimSummaryResponse> Items, string? NextCursor);

/// <summary>Why a claim is replaced or voided (goes on the timeline); a replacement carries the corrected claim too.</summary>
public sealed record ClaimCorrectionRequest
{
    /// <summary>Why the correction is made (required): it goes on both claims' timelines.</summary>
    public string? Reason { get; init; }

    /// <summary>For a replacement: the corrected claim. Patient and coverage must stay those of the original.</summary>
    public ClaimRequest? Claim { get; init; }
}

/// <summary>The answer to a replacement or void: the original (now Corrected or Voided) and the new claim that goes to the payer.</summary>
public sealed record ClaimCorrectionResponse(ClaimResponse Original, ClaimResponse Correction);
