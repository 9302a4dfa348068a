using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Domain.Estimates;
using DentalClaimsHub.Domain.Values;
using static DentalClaimsHub.Api.JsonNames;

namespace DentalClaimsHub.Api.Estimates;

public static class EstimateMapping
{
    public static EstimateResponse ToResponse(this Estimate estimate) => new(
        estimate.Id,
        estimate.PatientId,
        estimate.CoverageId,
        estimate.EligibilityCheckId,
        estimate.Currency,
        [.. estimate.Lines.Select(l => new EstimateLineDto(
            l.Procedure.Code, l.Tooth?.Value, l.Surfaces.IsEmpty ? null : l.Surfaces.Value, l.Fee.ToDto(), l.PayerPortion.ToDto(),
            l.PatientPortion.ToDto(), l.WriteOff.ToDto(),
            [.. l.Reasons.Select(r => new EstimateReasonDto(Camel(r.Kind), r.Note, r.Amount is { } a ? a.ToDto() : null))]))],
        new EstimateTotalsDto(estimate.TotalFee.ToDto(), estimate.TotalPayerPortion.ToDto(), estimate.TotalPatientPortion.ToDto(),
            estimate.TotalWriteOff.ToDto()),
        estimate.CreatedAt,
        estimate.ValidUntil,
        estimate.Note);

    private static MoneyDto ToDto(this Money money) => MoneyDto.Of(money);
}
