using System.Globalization;
using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Fhir.Eligibility;
using DentalClaimsHub.Domain.Coverages;
using Hl7.Fhir.Model;

namespace DentalClaimsHub.Adapters.Fhir.Claims;

/// <summary>
/// The coverages a claim names: the one billed (<c>insurance[0]</c>, focal) and the patient's other one for coordination of
/// benefits. Shaped like the eligibility request's coverage, plus plan, validity period and coordination order.
/// </summary>
internal static class FhirClaimCoverages
{
    /// <summary>The billed coverage, with the member id as a logical identifier (like the eligibility request).</summary>
    public static ResourceReference Reference(Domain.Coverages.Coverage coverage) => FhirEligibilityResources.CoverageReference(coverage);

    /// <summary>
    /// The coverage billed; its payer is the claim's insurer. Its <c>order</c> is second when the other payer pays first
    /// (this is then the secondary claim), else the coverage's own order.
    /// </summary>
    public static Hl7.Fhir.Model.Coverage Billed(ClaimSubmission submission) =>
        Resource(submission, submission.Coverage, FhirEligibilityResources.InsurerReference(submission.Payer),
            submission.Other is { ResponsibilityIsPrimary: true } ? Math.Max(2, (int)submission.Coverage.Order) : (int)submission.Coverage.Order);

    /// <summary>
    /// The patient's other coverage. Its payer is not one of our profiles, so it is named by its payer id and name only;
    /// its <c>order</c> says which of the two pays first.
    /// </summary>
    public static Hl7.Fhir.Model.Coverage Other(ClaimSubmission submission, OtherCoverage other)
    {
        var payer = new ResourceReference
        {
            Identifier = new Identifier(FhirClaimSystems.OtherPayerId, other.PayerIdentifier),
            Display = other.PayerName,
        };
        var order = other.ResponsibilityIsPrimary ? 1 : Math.Max(2, (int)other.Coverage.Order);
        return Resource(submission, other.Coverage, payer, order);
    }

    private static Hl7.Fhir.Model.Coverage Resource(
        ClaimSubmission submission, Domain.Coverages.Coverage coverage, ResourceReference payer, int order)
    {
        var resource = new Hl7.Fhir.Model.Coverage
        {
            Id = coverage.Id.ToString(),
            Status = FinancialResourceStatusCodes.Active,
            SubscriberId = coverage.Subscriber?.MemberId ?? coverage.MemberId,
            Beneficiary = FhirClaimResources.PatientReference(submission),
            Relationship = new CodeableConcept(FhirSystems.SubscriberRelationship, coverage.Relationship switch
            {
                SubscriberRelationship.Self => "self",
                SubscriberRelationship.Spouse => "spouse",
                SubscriberRelationship.Child => "child",
                _ => "other",
            }),
            Payor = [payer],
            Order = order,
        };
        resource.Identifier.Add(new Identifier(FhirEligibilityResources.MemberIdSystem, coverage.MemberId));
        if (coverage.ValidFrom is not null || coverage.ValidTo is not null)
        {
            resource.Period = new Period { Start = Date(coverage.ValidFrom), End = Date(coverage.ValidTo) };
        }

        if (coverage.GroupNumber is not null)
        {
            resource.Class.Add(new Hl7.Fhir.Model.Coverage.ClassComponent
            {
                Type = new CodeableConcept(FhirSystems.CoverageClass, "group"),
                Value = coverage.GroupNumber,
                Name = coverage.GroupName,
            });
        }

        if (coverage.PlanName is not null)
        {
            resource.Class.Add(new Hl7.Fhir.Model.Coverage.ClassComponent
            {
                Type = new CodeableConcept(FhirSystems.CoverageClass, "plan"),
                Value = coverage.PlanName,
            });
        }

        if (coverage.Subscriber is { } subscriber)
        {
            // The subscriber is not one of our patients; the name travels as the reference's display, as in eligibility.
            resource.Subscriber = new ResourceReference { Display = subscriber.Name.ToString() };
        }

        return resource;
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
