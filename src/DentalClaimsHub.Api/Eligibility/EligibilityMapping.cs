using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Api.Eligibility;

public static class EligibilityMapping
{
    public static EligibilityResponse ToResponse(this EligibilityCheck check, bool cached = false) => new(
        check.Id,
        check.Status.ToString().ToLowerInvariant(),
        cached,
        check.PatientId,
        check.CoverageId,
        check.PayerId,
        check.ServiceDate,
        check.RequestedAt,
        check.CompletedAt,
        check.Result?.ToDto(),
        check.FailureReason is { } reason ? EligibilityFailure.Parse(reason).ToDto() : null);

    private static EligibilityResultDto ToDto(this EligibilityResult r) => new(
        r.Status.ToString().ToLowerInvariant(),
        r.PayerName,
        r.PlanName,
        r.GroupNumber,
        r.GroupName,
        r.PlanBegin,
        r.PlanEnd,
        r.MemberId,
        [.. r.Benefits.Select(b => new BenefitLineDto(
            Camel(b.Kind), Camel(b.Category), Camel(b.Network), Camel(b.CoverageLevel), Camel(b.Period), b.Amount.ToDto(), b.Percent,
            b.Remaining.ToDto(), b.Quantity, b.QuantityUnit is { } unit ? Camel(unit) : null, [.. b.ProcedureCodes.Select(c => c.ToString())],
            b.Note))],
        [.. r.Rejections.Select(x => new RejectionDto(x.ReasonCode, x.FollowUpAction, x.Description))],
        r.ReceivedAt);

    private static MoneyDto? ToDto(this Money? money) => money is { } m ? new MoneyDto { Amount = m.Amount, Currency = m.Currency } : null;

    private static string Camel<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
