using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Domain.Values;
using static DentalClaimsHub.Api.JsonNames;

namespace DentalClaimsHub.Api.Remittances;

/// <summary>Canonical remittances → API contracts, with the code descriptions a person needs.</summary>
internal static class RemittanceMapping
{
    public static PaymentDto ToDto(this PaymentInfo payment) =>
        new(Camel(payment.Method), MoneyDto.Of(payment.Amount), payment.PaymentDate, payment.TraceNumber);

    public static RemittanceSummary ToSummary(this Remittance r) =>
        new(r.Id, r.PayerId, r.PayerName, r.Payment.ToDto(), Camel(r.Status), r.ReceivedAt, r.PostedAt, r.ClaimPayments.Count, r.UnmatchedCount,
            r.RawMessageId);

    public static RemittanceResponse ToResponse(this Remittance r, RemittanceReasons reasons) =>
        new(r.Id, r.PayerId, r.PayerName, r.PayeeId, r.Payment.ToDto(), r.ProductionDate, Camel(r.Status), r.Problems, r.ReceivedAt, r.PostedAt,
            r.RawMessageId, r.SourceReference, [.. r.ClaimPayments.OrderBy(p => p.Ordinal).Select(p => p.ToDto(reasons))],
            [.. r.ProviderAdjustments.Select(a => new ProviderAdjustmentDto(a.ReasonCode, a.Reference, MoneyDto.Of(a.Amount)))]);

    public static ClaimPaymentDto ToDto(this ClaimPayment p, RemittanceReasons reasons) =>
        new(p.Id, p.Ordinal, p.ClaimId, p.PatientControlNumber, Camel(p.Status), (int)p.Status, p.PayerClaimNumber, MoneyDto.Of(p.Charge),
            MoneyDto.Of(p.Paid), MoneyDto.Of(p.PatientShare), MoneyDto.Of(p.WriteOff), [.. p.Adjustments.Select(a => a.ToDto(reasons))],
            [.. p.RemarkCodes.Select(c => new RemarkDto(c, reasons.Rarc(c)))], [.. p.ServiceLines.Select(l => l.ToDto(reasons))], p.PostedAt,
            p.NeedsReview, p.Note);

    private static ServiceLinePaymentDto ToDto(this ServiceLinePayment l, RemittanceReasons reasons) =>
        new(l.ClaimLineNumber, l.LineControlNumber, l.Procedure?.Code, l.RawProcedureCode, l.ServiceDate, l.Units, MoneyDto.Of(l.Charge),
            l.Allowed is { } allowed ? MoneyDto.Of(allowed) : null, MoneyDto.Of(l.Paid), MoneyDto.Of(l.PatientResponsibility),
            [.. l.Adjustments.Select(a => a.ToDto(reasons))], [.. l.RemarkCodes.Select(c => new RemarkDto(c, reasons.Rarc(c)))]);

    private static AdjustmentDto ToDto(this Adjustment a, RemittanceReasons reasons) =>
        new(a.Group.ToX12Code().ToLowerInvariant(), a.ReasonCode, MoneyDto.Of(a.Amount), a.Quantity, reasons.Carc(a.ReasonCode));

    public static MoneyDto Sum(IEnumerable<Money> amounts, string currency) => MoneyDto.Of(Money.Sum(amounts, currency));
}
