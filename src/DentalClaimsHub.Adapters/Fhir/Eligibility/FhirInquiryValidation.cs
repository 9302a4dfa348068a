using DentalClaimsHub.Adapters.Eligibility;

namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>What a FHIR payer needs before a <c>CoverageEligibilityRequest</c> can be sent.</summary>
internal static class FhirInquiryValidation
{
    /// <summary>Longest member id accepted (the X12 limit; FHIR payers front the same member systems).</summary>
    public const int MaxMemberIdLength = 80;

    public static IReadOnlyList<InquiryProblem> Problems(EligibilityInquiry inquiry)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        var problems = new List<InquiryProblem>();
        var memberId = inquiry.Coverage.MemberId;
        if (string.IsNullOrWhiteSpace(memberId))
        {
            problems.Add(new("coverage.memberId", "A FHIR payer identifies the member by the member id; it is required."));
        }
        else if (memberId.Length > MaxMemberIdLength || memberId.Any(char.IsControl))
        {
            problems.Add(new("coverage.memberId",
                $"The member id must be at most {MaxMemberIdLength} characters without control characters."));
        }

        if (inquiry.Payer.Fhir?.BaseUrl is not { IsAbsoluteUri: true } baseUrl
            || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add(new("coverage.payerId",
                $"Payer '{inquiry.Payer.Id}' has no usable FHIR base URL (fhir.baseUrl) in its profile."));
        }

        return problems;
    }
}
