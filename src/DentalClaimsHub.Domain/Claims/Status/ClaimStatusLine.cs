namespace DentalClaimsHub.Domain.Claims.Status;

/// <summary>The status of one service line, when the payer reports lines (X12 2220D/2220E).</summary>
/// <param name="ProcedureCode">The procedure code as the payer echoes it (CDT code, without its descriptor).</param>
/// <param name="LineControlNumber">Our line item control number (REF*FJ), which matches the 837's REF*6R.</param>
/// <param name="Charge">The line's charge (SVC02).</param>
/// <param name="Paid">What the payer paid for it (SVC03), when sent.</param>
/// <param name="ServiceDate">The line's date of service.</param>
/// <param name="Statuses">The line's statuses, in the order sent.</param>
public sealed record ClaimStatusLine(
    string? ProcedureCode,
    string? LineControlNumber,
    decimal? Charge,
    decimal? Paid,
    DateOnly? ServiceDate,
    IReadOnlyList<ClaimStatusEntry> Statuses);
