using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>The canonical records a FHIR <c>CoverageEligibilityRequest</c> is built from.</summary>
/// <param name="Check">The eligibility check (id, service date, categories).</param>
/// <param name="Patient">The patient the question is about.</param>
/// <param name="Coverage">The patient's coverage (member id, group, relationship, subscriber).</param>
/// <param name="Provider">The provider asking.</param>
/// <param name="Payer">The payer profile (insurer id and name).</param>
public sealed record FhirEligibilityInquiry(
    EligibilityCheck Check,
    Patient Patient,
    Coverage Coverage,
    Provider Provider,
    PayerProfile Payer)
{
    /// <summary>Procedure codes to ask about; the canonical check carries only categories.</summary>
    public IReadOnlyList<ProcedureCode> Procedures { get; init; } = [];

    /// <summary>False asks only whether coverage is in force (purpose validation), true also asks for benefits.</summary>
    public bool IncludeBenefits { get; init; } = true;
}
