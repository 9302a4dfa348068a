using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Adapters.X12.Eligibility;
using Hl7.Fhir.Model;

namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>Maps one <c>CoverageEligibilityResponse</c> to the canonical result.</summary>
internal sealed class FhirEligibilityMapping(string defaultCurrency, List<string> issues)
{
    public EligibilityResult Map(CoverageEligibilityResponse response, DateTimeOffset receivedAt)
    {
        var rejections = response.Error.Select(Rejection).OfType<EligibilityRejection>().ToList();
        var insurance = response.Insurance.FirstOrDefault();
        var benefits = new List<BenefitLine>();
        foreach (var item in insurance?.Item ?? [])
        {
            benefits.AddRange(new FhirBenefitItem(item, defaultCurrency, issues).Lines());
        }

        var status = insurance?.Inforce switch
        {
            true => CoverageStatus.Active,
            false => CoverageStatus.Inactive,
            null when rejections.Any(r => X12RejectionCodes.MeansNotFound(r.ReasonCode)) => CoverageStatus.NotFound,
            _ => CoverageStatus.Unknown,
        };
        var period = insurance?.BenefitPeriod;
        return new EligibilityResult(status, receivedAt, benefits, rejections)
        {
            PayerName = response.Insurer?.Display,
            PlanName = insurance?.Coverage?.Display,
            PlanBegin = Date(period?.Start),
            PlanEnd = Date(period?.End),
            MemberId = insurance?.Coverage?.Identifier?.Value,
        };
    }

    private EligibilityRejection? Rejection(CoverageEligibilityResponse.ErrorsComponent error)
    {
        var coding = error.Code?.Coding.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Code));
        if (coding is null)
        {
            issues.Add($"An error without a code was ignored: {error.Code?.Text}");
            return null;
        }

        var code = coding.Code!.Trim();
        var description = error.Code?.Text ?? coding.Display ?? X12RejectionCodes.Describe(code);
        return new EligibilityRejection(
            code.Length <= 10 ? code : code[..10], null, description.Length <= 500 ? description : description[..500]);
    }

    private DateOnly? Date(string? fhirDate)
    {
        if (string.IsNullOrEmpty(fhirDate))
        {
            return null;
        }

        if (fhirDate.Length >= 10 && DateOnly.TryParseExact(fhirDate[..10], "yyyy-MM-dd", out var date))
        {
            return date;
        }

        issues.Add($"Benefit period date '{fhirDate}' is not a full date; ignored.");
        return null;
    }
}
