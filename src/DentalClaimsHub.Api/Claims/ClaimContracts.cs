using DentalClaimsHub.Api.Providers;

namespace DentalClaimsHub.Api.Claims;

/// <summary>
/// A claim as a practice submits it: the patient and coverage (registered before), who treated, what was done per line,
/// why (diagnoses), and the claim-level facts dental payers ask for. Lines use CDT codes for US payers and
/// Номенклатура (804н) codes for ДМС insurers; teeth are Universal for US payers and FDI elsewhere.
/// </summary>
public sealed record ClaimRequest
{
    public Guid? PatientId { get; init; }

    public Guid? CoverageId { get; init; }

    /// <summary>The patient's other coverage, carried for coordination of benefits.</summary>
    public Guid? SecondaryCoverageId { get; init; }

    /// <summary>The treating dentist (2310B) when not the billing practice itself.</summary>
    public ProviderRequest? RenderingProvider { get; init; }

    /// <summary>Our claim number towards the payer (CLM01); generated when absent.</summary>
    /// <example>PMS-2026-000417</example>
    public string? PatientControlNumber { get; init; }

    /// <summary>Place of service (CLM05-1); 11 (office) by default.</summary>
    public string? PlaceOfService { get; init; }

    /// <summary>The claim total: must equal the sum of the line fees.</summary>
    public decimal? Total { get; init; }

    /// <summary>What the patient has already paid toward this claim (837D AMT*F5); at most the total.</summary>
    /// <example>50.00</example>
    public decimal? PatientPaid { get; init; }

    /// <summary>ICD-10 diagnosis codes in pointer order (at most four).</summary>
    public IReadOnlyList<string>? Diagnoses { get; init; }

    public IReadOnlyList<ClaimLineRequest>? Lines { get; init; }

    public OrthodonticsRequest? Orthodontics { get; init; }

    public AccidentRequest? Accident { get; init; }

    public IReadOnlyList<MissingToothRequest>? MissingTeeth { get; init; }

    public IReadOnlyList<AttachmentRequest>? Attachments { get; init; }

    /// <summary>Prior authorisation (REF*G1) or ДМС guarantee letter number.</summary>
    public string? PriorAuthorizationNumber { get; init; }

    /// <summary>The predetermination this claim follows (REF*G3).</summary>
    public string? PredeterminationNumber { get; init; }

    /// <summary>A note to the payer (NTE), at most 80 characters.</summary>
    public string? Note { get; init; }
}

/// <summary>One service line.</summary>
public sealed record ClaimLineRequest
{
    /// <example>D2392</example>
    public string? Code { get; init; }

    /// <example>30</example>
    public string? Tooth { get; init; }

    /// <summary>More teeth for the same procedure on one line (units must then be 1).</summary>
    public IReadOnlyList<string>? AdditionalTeeth { get; init; }

    /// <summary>Letters from M O D B L I F.</summary>
    /// <example>MO</example>
    public string? Surfaces { get; init; }

    /// <summary>Area of the oral cavity (SV304): 00, 01, 02, 10, 20, 30, 40.</summary>
    public string? Area { get; init; }

    /// <summary><c>initial</c> or <c>replacement</c> for crowns, bridges, dentures and inlays (SV305).</summary>
    public string? Prosthesis { get; init; }

    /// <summary>When the prosthesis being replaced was placed (required for a replacement).</summary>
    public DateOnly? PriorPlacementDate { get; init; }

    public int? Units { get; init; }

    public decimal? Fee { get; init; }

    public DateOnly? ServiceDate { get; init; }

    /// <summary>1-based pointers into <c>diagnoses</c>.</summary>
    public IReadOnlyList<int>? DiagnosisPointers { get; init; }

    public string? PriorAuthorizationNumber { get; init; }

    /// <summary>The practice's own line id (REF*6R), echoed by the payer in the remittance.</summary>
    public string? LineControlNumber { get; init; }
}

public sealed record OrthodonticsRequest
{
    public int? TotalMonths { get; init; }

    public int? RemainingMonths { get; init; }

    public DateOnly? AppliancePlacedOn { get; init; }
}

public sealed record AccidentRequest
{
    /// <summary><c>auto</c>, <c>employment</c> or <c>other</c>.</summary>
    public string? Cause { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>Two-letter state code, required for an auto accident in the US.</summary>
    public string? State { get; init; }

    public string? Country { get; init; }
}

public sealed record MissingToothRequest
{
    public string? Tooth { get; init; }

    /// <summary><c>missing</c> or <c>to-be-extracted</c>.</summary>
    public string? Status { get; init; }
}

/// <summary>A supporting document (PWK): sent separately and referenced by its control number.</summary>
public sealed record AttachmentRequest
{
    /// <summary>PWK01 report type, e.g. RB (radiology films), DG (diagnostic report), OZ (support data).</summary>
    public string? ReportType { get; init; }

    /// <summary><c>electronic</c>, <c>mail</c>, <c>fax</c>, <c>file-transfer</c> or <c>available-on-request</c>.</summary>
    public string? Transmission { get; init; }

    public string? ControlNumber { get; init; }

    public string? ContentType { get; init; }

    public long? SizeBytes { get; init; }

    public string? StorageKey { get; init; }

    public string? FileName { get; init; }
}
