using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Eligibility;

namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>Placeholder while the Fhir eligibility adapter is being wired (issue 4).</summary>
public sealed class FhirEligibilityAdapter : IEligibilityAdapter
{
    public PayerProtocol Protocol => PayerProtocol.Fhir;

    public Task<EligibilityResult> CheckAsync(EligibilityInquiry inquiry, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Fhir eligibility is not wired yet.");
}
