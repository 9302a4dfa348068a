using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>Everything a 270 inquiry is built from: the canonical check and the records it points at.</summary>
/// <param name="Check">The eligibility check; its id becomes the trace number unless it already has one.</param>
/// <param name="Patient">The patient the question is about (the subscriber or a dependent).</param>
/// <param name="Coverage">The patient's coverage; its subscriber is used when the patient is a dependent.</param>
/// <param name="Provider">The provider asking (2100B, NPI required).</param>
/// <param name="Payer">The payer profile with its X12 identifiers and options.</param>
public sealed record Eligibility270Request(
    EligibilityCheck Check,
    Patient Patient,
    Coverage Coverage,
    Provider Provider,
    PayerProfile Payer)
{
    /// <summary>
    /// Procedure codes to ask about (EQ02 <c>AD:Dxxxx</c>). The canonical check carries only categories,
    /// so the caller passes the procedures here; when present they replace the service-type inquiry.
    /// </summary>
    public IReadOnlyList<ProcedureCode> Procedures { get; init; } = [];

    /// <summary>The trace number sent in TRN02 and BHT03.</summary>
    public string TraceNumber => Check.TraceNumber ?? Check.Id.ToString("N").ToUpperInvariant();
}
