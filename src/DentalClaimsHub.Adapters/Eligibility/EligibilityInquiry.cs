using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Eligibility;

/// <summary>
/// Everything a protocol adapter needs to ask one payer one eligibility question. The check carries the date of service,
/// the procedures asked about and the provider asking.
/// </summary>
public sealed record EligibilityInquiry(
    EligibilityCheck Check,
    Practice Practice,
    Patient Patient,
    Coverage Coverage,
    PayerProfile Payer)
{
    /// <summary>The provider asking: the one the request named, else the practice as an organisation.</summary>
    public ProviderIdentity Provider => Check.Provider ?? ProviderIdentity.Of(Practice);

    /// <summary>Procedure codes asked about; empty asks about the payer's general dental benefits.</summary>
    public IReadOnlyList<ProcedureCode> Procedures => Check.Procedures;

    /// <summary>The trace number both sides echo (X12 TRN02, FHIR identifier): the stored one or the check id.</summary>
    public string TraceNumber => Check.TraceNumber ?? Check.Id.ToString("N").ToUpperInvariant();
}
