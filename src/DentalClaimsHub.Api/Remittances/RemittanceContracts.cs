using DentalClaimsHub.Api.Coverages;

namespace DentalClaimsHub.Api.Remittances;

/// <summary>One adjustment: group (co, pr, oa, pi), CARC code, amount, quantity, and what the code means.</summary>
public sealed record AdjustmentDto(string Group, string ReasonCode, MoneyDto Amount, decimal? Quantity, string? Description);

/// <summary>A remark code (RARC, LQ*HE / MOA) and what it means.</summary>
public sealed record RemarkDto(string Code, string? Description);

/// <summary>One service line of a claim payment.</summary>
public sealed record ServiceLinePaymentDto(
    int? ClaimLineNumber, string? LineControlNumber, string? ProcedureCode, string? RawProcedureCode, DateOnly? ServiceDate, int? Units,
    MoneyDto Charge, MoneyDto? Allowed, MoneyDto Paid, MoneyDto PatientResponsibility, IReadOnlyList<AdjustmentDto> Adjustments,
    IReadOnlyList<RemarkDto> Remarks);

/// <summary>One claim payment of a remittance, as posted.</summary>
public sealed record ClaimPaymentDto(
    Guid Id, int Ordinal, Guid? ClaimId, string PatientControlNumber, string Status, int StatusCode, string? PayerClaimNumber,
    MoneyDto Charge, MoneyDto Paid, MoneyDto PatientResponsibility, MoneyDto WriteOff, IReadOnlyList<AdjustmentDto> Adjustments,
    IReadOnlyList<RemarkDto> Remarks, IReadOnlyList<ServiceLinePaymentDto> Lines, DateTimeOffset? PostedAt, bool NeedsReview, string? Note);

/// <summary>A provider-level adjustment (PLB): interest, recoupment…</summary>
public sealed record ProviderAdjustmentDto(string ReasonCode, string? Reference, MoneyDto Amount);

/// <summary>The payment a remittance describes.</summary>
public sealed record PaymentDto(string Method, MoneyDto Amount, DateOnly? PaymentDate, string TraceNumber);

/// <summary>A remittance in a list.</summary>
public sealed record RemittanceSummary(
    Guid Id, string PayerId, string? PayerName, PaymentDto Payment, string Status, DateTimeOffset ReceivedAt, DateTimeOffset? PostedAt,
    int ClaimPayments, int Unmatched, Guid? RawMessageId);

/// <summary>A remittance with its claim payments and provider adjustments.</summary>
public sealed record RemittanceResponse(
    Guid Id, string PayerId, string? PayerName, string? PayeeId, PaymentDto Payment, DateOnly? ProductionDate, string Status,
    IReadOnlyList<string> Problems, DateTimeOffset ReceivedAt, DateTimeOffset? PostedAt, Guid? RawMessageId, string? SourceReference,
    IReadOnlyList<ClaimPaymentDto> ClaimPayments, IReadOnlyList<ProviderAdjustmentDto> ProviderAdjustments);

public sealed record RemittancePageResponse(IReadOnlyList<RemittanceSummary> Items, string? NextCursor);

/// <summary>A claim payment with the remittance that carried it.</summary>
public sealed record ClaimPaymentEntry(Guid RemittanceId, string TraceNumber, DateOnly? PaymentDate, DateTimeOffset ReceivedAt, ClaimPaymentDto Payment);

/// <summary>Everything the payer paid on one claim, and the totals.</summary>
public sealed record ClaimPaymentsResponse(Guid ClaimId, string State, MoneyDto Paid, MoneyDto PatientResponsibility, MoneyDto WriteOff,
    IReadOnlyList<ClaimPaymentEntry> Payments);

/// <summary>One payer's line of the daily collections report.</summary>
public sealed record CollectionsByPayer(string PayerId, string? PayerName, int Remittances, int ClaimPayments, MoneyDto Received,
    MoneyDto ClaimsPaid, MoneyDto PatientPortions, MoneyDto WriteOffs, MoneyDto ProviderAdjustments);

/// <summary>Daily collections: what arrived on a practice-local date, by payer, and per currency totals.</summary>
public sealed record CollectionsReport(DateOnly Date, string TimeZone, IReadOnlyList<CollectionsByPayer> Payers, IReadOnlyList<CollectionsByPayer> Totals);
