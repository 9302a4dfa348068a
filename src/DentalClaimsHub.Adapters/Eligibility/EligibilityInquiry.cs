using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Eligibility;

/// <summary>Everything a protocol adapter needs to ask one payer one eligibility question.</summary>
public sealed record EligibilityInquiry(
    EligibilityCheck Check,
    Practice Practice,
    Patient Patient,
    Coverage Coverage,
    PayerProfile Payer,
    IReadOnlyList<ProcedureCode> Procedures);
