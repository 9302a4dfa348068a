using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Eligibility;

namespace DentalClaimsHub.Adapters.Eligibility;

/// <summary>
/// Answers an eligibility inquiry in one payer protocol. A payer's "no" (inactive, member not found) is a result;
/// only a payer that cannot be reached or answers garbage is an exception.
/// </summary>
public interface IEligibilityAdapter
{
    PayerProtocol Protocol { get; }

    /// <summary>What this protocol needs that the inquiry lacks; checked before anything is stored or sent.</summary>
    IReadOnlyList<InquiryProblem> Validate(EligibilityInquiry inquiry) => [];

    Task<EligibilityResult> CheckAsync(EligibilityInquiry inquiry, CancellationToken cancellationToken);
}
