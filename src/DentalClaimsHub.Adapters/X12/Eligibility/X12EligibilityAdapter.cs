using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Eligibility;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>Placeholder while the X12 eligibility adapter is being wired (issue 4).</summary>
public sealed class X12EligibilityAdapter : IEligibilityAdapter
{
    public PayerProtocol Protocol => PayerProtocol.X12;

    public Task<EligibilityResult> CheckAsync(EligibilityInquiry inquiry, CancellationToken cancellationToken) =>
        throw new NotSupportedException("X12 eligibility is not wired yet.");
}
