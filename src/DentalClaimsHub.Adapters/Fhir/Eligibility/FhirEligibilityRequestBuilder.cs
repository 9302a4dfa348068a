using System.Globalization;
using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Domain.Eligibility;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Purpose = Hl7.Fhir.Model.CoverageEligibilityRequest.EligibilityRequestPurpose;

namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>
/// Builds an R4 <c>CoverageEligibilityRequest</c> from the canonical inquiry, alone or in a collection Bundle for <c>$submit</c>.
/// </summary>
public sealed class FhirEligibilityRequestBuilder(TimeProvider timeProvider)
{
    /// <summary>Identifier system of the trace number the request carries and the payer echoes.</summary>
    public const string TraceSystem = "urn:dentalclaimshub:eligibility-check";

    private static readonly BaseFhirJsonSerializer Serializer = new(ModelInfo.ModelInspector);

    /// <summary>
    /// The request resource. References are relative (<c>Patient/{id}</c>); the coverage and provider references also carry
    /// the member id and NPI as identifiers, so a payer can answer without resolving them.
    /// </summary>
    /// <param name="inquiry">The canonical inquiry.</param>
    /// <param name="includeBenefits">False asks only whether coverage is in force (purpose validation).</param>
    public CoverageEligibilityRequest BuildRequest(EligibilityInquiry inquiry, bool includeBenefits = true)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        var check = inquiry.Check;
        var request = new CoverageEligibilityRequest
        {
            Id = check.Id.ToString(),
            Status = FinancialResourceStatusCodes.Active,
            Purpose = includeBenefits ? [Purpose.Validation, Purpose.Benefits] : [Purpose.Validation],
            Patient = FhirEligibilityResources.Reference("Patient", inquiry.Patient.Id),
            Serviced = new Date(check.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            CreatedElement = new FhirDateTime(timeProvider.GetUtcNow()),
            Provider = FhirEligibilityResources.ProviderReference(inquiry),
            Insurer = FhirEligibilityResources.InsurerReference(inquiry.Payer),
            Insurance = [new CoverageEligibilityRequest.InsuranceComponent
            {
                Focal = true,
                Coverage = FhirEligibilityResources.CoverageReference(inquiry.Coverage),
            }],
        };
        request.Identifier.Add(new Identifier(TraceSystem, inquiry.TraceNumber));
        if (includeBenefits)
        {
            request.Item.AddRange(Items(inquiry));
        }

        return request;
    }

    /// <summary>
    /// A collection Bundle with the request first and every resource it references, for <c>CoverageEligibilityRequest/$submit</c>.
    /// </summary>
    public Bundle BuildSubmitBundle(EligibilityInquiry inquiry)
    {
        var request = BuildRequest(inquiry);
        var baseUrl = inquiry.Payer.Fhir?.BaseUrl?.ToString() ?? "urn:dentalclaimshub:";
        var bundle = new Bundle
        {
            Id = $"{inquiry.Check.Id}-submit",
            Type = Bundle.BundleType.Collection,
            TimestampElement = new Instant(timeProvider.GetUtcNow()),
        };
        Resource[] resources =
        [
            request,
            FhirEligibilityResources.Patient(inquiry.Patient),
            FhirEligibilityResources.Coverage(inquiry),
            FhirEligibilityResources.Provider(inquiry),
            FhirEligibilityResources.Insurer(inquiry.Payer),
        ];
        foreach (var resource in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"{baseUrl}{resource.TypeName}/{resource.Id}", Resource = resource });
        }

        return bundle;
    }

    /// <summary>Pretty JSON of a resource, as sent on the wire.</summary>
    public static string ToJson(Resource resource) => Serializer.SerializeToString(resource, pretty: true);

    private static IEnumerable<CoverageEligibilityRequest.DetailsComponent> Items(EligibilityInquiry inquiry)
    {
        if (inquiry.Procedures.Count > 0)
        {
            return inquiry.Procedures.Distinct().Select(p => new CoverageEligibilityRequest.DetailsComponent
            {
                Category = Category(p.System == Domain.Values.ProcedureCodeSystem.Cdt
                    ? p.AsCdt().ToBenefitCategory()
                    : BenefitCategory.DentalCare),
                ProductOrService = new CodeableConcept(FhirSystems.Cdt, p.Code),
            });
        }

        return inquiry.Check.Categories.Select(c => new CoverageEligibilityRequest.DetailsComponent { Category = Category(c) });
    }

    private static CodeableConcept Category(BenefitCategory category) =>
        new(FhirSystems.BenefitCategory, category.ToX12ServiceType() ?? "35", category.ToString());
}
