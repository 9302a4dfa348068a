using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Values;
using static DentalClaimsHub.Api.JsonNames;

namespace DentalClaimsHub.Api.Eligibility;

public static class EligibilityMapping
{
    public static EligibilityResponse ToResponse(this EligibilityCheck check, DateTimeOffset now, bool cached = false) => new(
        check.Id,
        check.Status.ToString().ToLowerInvariant(),
        cached,
        check.PatientId,
        check.CoverageId,
        check.PayerId,
        check.ServiceDate,
        [.. check.Procedures.Select(p => p.Code)],
        [.. check.Categories.Select(c => c.ToX12ServiceType() ?? "35")],
        check.RequestedAt,
        check.CompletedAt,
        check.Result?.ToDto(),
        check.FailureCode is { } code ? new EligibilityFailureDto(code, check.FailureReason ?? code, check.RetryAt, RetryAfter(check, now)) : null);

    /// <summary>Whole seconds until asking again makes sense, or null when there is no such time.</summary>
    public static int? RetryAfter(this EligibilityCheck check, DateTimeOffset now) =>
        check.RetryAt is { } at ? (int)Math.Max(0, Math.Ceiling((at - now).TotalSeconds)) : null;

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
            Camel(b.Kind), Camel(b.Category), Camel(b.Network), Camel(b.CoverageLevel), Camel(b.Period), b.PeriodCount, b.Amount.ToDto(),
            b.Percent, b.Remaining.ToDto(), b.Quantity, b.QuantityUnit is { } unit ? Camel(unit) : null,
            Codes(b.ProcedureCodes), b.AuthorizationRequired, b.Note, b.CoveredFrom))],
        [.. r.Rejections.Select(x => new RejectionDto(x.ReasonCode, x.FollowUpAction, x.Description))],
        r.ReceivedAt);

    // Most lines name no procedure: they share the empty array instead of a query and a list each.
    private static IReadOnlyList<string> Codes(IReadOnlyList<ProcedureCode> codes) =>
        codes.Count == 0 ? [] : [.. codes.Select(c => c.ToString())];

    private static MoneyDto? ToDto(this Money? money) => money is { } m ? MoneyDto.Of(m) : null;
}
