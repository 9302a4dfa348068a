using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Claims.Status;

namespace DentalClaimsHub.Adapters.Claims.Status;

/// <summary>
/// Asks a payer, in one protocol, where a claim stands. Every answer is a result: the payer's status, or a
/// <see cref="ClaimStatusResult.Failure"/> when it could not be reached, timed out, rejected the inquiry or answered
/// nonsense. Only cancellation and bugs throw.
/// </summary>
public interface IClaimStatusAdapter
{
    PayerProtocol Protocol { get; }

    Task<ClaimStatusResult> CheckAsync(ClaimStatusInquiry inquiry, CancellationToken cancellationToken);
}
