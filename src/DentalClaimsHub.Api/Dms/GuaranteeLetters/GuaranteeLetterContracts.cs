namespace DentalClaimsHub.Api.Dms.GuaranteeLetters;

/// <summary>What an imported answer file did: counts per outcome and one report line per letter or unreadable row.</summary>
public sealed record GuaranteeLetterImportResult(
    string Insurer,
    string Format,
    int Letters,
    GuaranteeLetterCounts Counts,
    IReadOnlyList<GuaranteeLetterReportLine> Report);

public sealed record GuaranteeLetterCounts(
    int Approved, int PartlyApproved, int Refused, int InformationRequested, int Annulled, int Unchanged, int Problems);

/// <summary>One line of the report. <c>outcome</c>: approved, partlyApproved, refused, informationRequested, annulled,
/// unchanged, problem (not applied) or warning (applied, with a remark). <c>value</c> is the cell as written.</summary>
public sealed record GuaranteeLetterReportLine(
    int Row, string? Request, string Outcome, string? Column, string? Value, string Message, Guid? PreAuthorizationId);

/// <summary>An approved or partly approved guarantee letter whose validity ends soon.</summary>
public sealed record ExpiringGuaranteeLetter(
    Guid PreAuthorizationId, Guid PatientId, string PayerId, string Status, string? ReferenceNumber, DateOnly? ValidFrom, DateOnly ValidTo,
    int DaysLeft, decimal? Limit, string Currency);
