using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Fhir.Eligibility;
using DentalClaimsHub.Domain.Claims;
using Hl7.Fhir.Model;
using FhirClaim = Hl7.Fhir.Model.Claim;

namespace DentalClaimsHub.Adapters.Fhir.Claims;

/// <summary>
/// Builds an R4 <c>Claim</c> (type oral) from the canonical claim, alone or in a collection Bundle for <c>Claim/$submit</c>.
/// A pure function of the submission (and the clock, for the bundle's timestamp), so a resend builds the same resource.
/// </summary>
public sealed partial class FhirClaimBuilder(TimeProvider timeProvider)
{
    /// <summary>
    /// The claim resource. References are relative (<c>Patient/{id}</c>); the coverage, provider and insurer references also
    /// carry the member id, NPI and payer id as identifiers, so a payer can read the claim without resolving them.
    /// </summary>
    public FhirClaim Build(ClaimSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var claim = submission.Claim;
        var predetermination = IsPredetermination(submission);
        var result = new FhirClaim
        {
            Id = claim.Id.ToString(),
            // A void (frequency 8) asks the payer to cancel the claim it references.
            Status = claim.Frequency == ClaimFrequency.Void ? FinancialResourceStatusCodes.Cancelled : FinancialResourceStatusCodes.Active,
            Type = new CodeableConcept(FhirClaimSystems.ClaimType, "oral"),
            Use = predetermination ? ClaimUseCode.Predetermination : ClaimUseCode.Claim,
            Patient = FhirClaimResources.PatientReference(submission),
            CreatedElement = new FhirDateTime(claim.CreatedAt.ToUniversalTime()),
            Insurer = FhirEligibilityResources.InsurerReference(submission.Payer),
            Provider = FhirClaimResources.PracticeReference(submission.Practice),
            Priority = new CodeableConcept(FhirClaimSystems.ProcessPriority, "normal"),
            Total = FhirMoney.Of(claim.Total),
        };
        result.Identifier.Add(new Identifier(FhirClaimSystems.PatientControlNumber, claim.PatientControlNumber));
        if (Related(claim) is { } related)
        {
            result.Related.Add(related);
        }

        if (claim.RenderingProvider is { } rendering)
        {
            result.CareTeam.Add(new FhirClaim.CareTeamComponent
            {
                Sequence = 1,
                Provider = FhirClaimResources.RenderingReference(submission, rendering),
                Role = new CodeableConcept(FhirClaimSystems.CareTeamRole, "primary"),
                Qualification = rendering.TaxonomyCode is { } taxonomy ? new CodeableConcept(FhirSystems.Taxonomy, taxonomy) : null,
            });
        }

        var information = FhirClaimSupportingInfo.Of(submission);
        result.SupportingInfo.AddRange(information.Entries);
        result.Diagnosis.AddRange(Diagnoses(submission));
        result.Insurance.AddRange(Insurance(submission));
        result.Accident = Accident(claim.Accident);
        result.Item.AddRange(claim.Lines.Select(line => FhirClaimItems.Item(
            line, predetermination, result.CareTeam.Count > 0, information.ForLine(line.LineNumber), claim.PlaceOfService)));
        return result;
    }

    /// <summary>
    /// A collection Bundle for <c>Claim/$submit</c>: the claim first, then the patient, the coverages, the billing practice,
    /// the rendering provider and the insurer — every resource the claim references by id.
    /// </summary>
    public Bundle BuildSubmitBundle(ClaimSubmission submission)
    {
        var claim = Build(submission);
        var baseUrl = submission.Payer.Fhir?.BaseUrl?.ToString() ?? "urn:dentalclaimshub:";
        var bundle = new Bundle
        {
            Id = $"{submission.Claim.Id}-submit",
            Type = Bundle.BundleType.Collection,
            TimestampElement = new Instant(timeProvider.GetUtcNow()),
        };
        var resources = new List<Resource> { claim, FhirClaimResources.Patient(submission), FhirClaimCoverages.Billed(submission) };
        if (submission.Other is { } other)
        {
            resources.Add(FhirClaimCoverages.Other(submission, other));
        }

        resources.Add(FhirClaimResources.Practice(submission.Practice));
        if (submission.Claim.RenderingProvider is { } rendering)
        {
            resources.Add(FhirClaimResources.Rendering(submission, rendering));
        }

        resources.Add(FhirClaimResources.Insurer(submission));
        foreach (var resource in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"{baseUrl}{resource.TypeName}/{resource.Id}", Resource = resource });
        }

        return bundle;
    }

    /// <summary>Pretty JSON of a resource, as sent on the wire (the eligibility mapping's serializer).</summary>
    public static string ToJson(Resource resource) => FhirEligibilityRequestBuilder.ToJson(resource);
}
