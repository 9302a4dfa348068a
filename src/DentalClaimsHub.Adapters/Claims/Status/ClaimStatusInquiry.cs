using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Claims.Status;

namespace DentalClaimsHub.Adapters.Claims.Status;

/// <summary>One claim status question to one payer, with the practice (tenant) the exchanged messages belong to.</summary>
public sealed record ClaimStatusInquiry(ClaimStatusQuery Query, PayerProfile Payer, Guid PracticeId);
