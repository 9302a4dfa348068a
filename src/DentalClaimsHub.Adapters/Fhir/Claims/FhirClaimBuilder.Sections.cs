using System.Globalization;
using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Domain.Claims;
using Hl7.Fhir.Model;
using FhirClaim = Hl7.Fhir.Model.Claim;

namespace DentalClaimsHub.Adapters.Fhir.Claims;

// The claim-level sections: use, the claim a correction supersedes, diagnoses, insurance and accident.
public sealed partial class FhirClaimBuilder
{
    /// <summary>A treatment plan, whether the submitter flagged it or the claim was created as one.</summary>
    private static bool IsPredetermination(ClaimSubmission submission) =>
        submission.Predetermination || submission.Claim.Purpose == ClaimPurpose.Predetermination;

    /// <summary>A replacement (7) or void (8) points at the claim it supersedes by the payer's number for it (REF*F8).</summary>
    private static FhirClaim.RelatedClaimComponent? Related(Domain.Claims.Claim claim)
    {
        if (claim.Frequency == ClaimFrequency.Original || claim.OriginalPayerClaimNumber is not { } original)
        {
            return null;
        }

        return new FhirClaim.RelatedClaimComponent
        {
            Claim = new ResourceReference { Identifier = new Identifier(FhirClaimSystems.PayerClaimNumber, original) },
            Relationship = new CodeableConcept(FhirClaimSystems.RelatedClaimRelationship, "prior"),
        };
    }

    private static IEnumerable<FhirClaim.DiagnosisComponent> Diagnoses(ClaimSubmission submission)
    {
        // US payers read ICD-10-CM; ДМС insurers get WHO ICD-10 (МКБ-10), which is what the clinic coded.
        var system = submission.Payer.Country == "US" ? FhirClaimSystems.Icd10Cm : FhirClaimSystems.Icd10;
        return submission.Claim.Diagnoses.Select((code, index) => new FhirClaim.DiagnosisComponent
        {
            Sequence = index + 1,
            Diagnosis = new CodeableConcept(system, code.Value),
        });
    }

    private static IEnumerable<FhirClaim.InsuranceComponent> Insurance(ClaimSubmission submission)
    {
        var claim = submission.Claim;
        var billed = new FhirClaim.InsuranceComponent
        {
            Sequence = 1,
            Focal = true,
            Coverage = FhirClaimCoverages.Reference(submission.Coverage),
        };
        // Claim-level prior authorisation and predetermination numbers, then the lines' own (each also on its item).
        string?[] numbers = [claim.PriorAuthorizationNumber, claim.PredeterminationNumber, .. claim.Lines.Select(l => l.PriorAuthorizationNumber)];
        billed.PreAuthRef = [.. numbers.OfType<string>().Distinct(StringComparer.Ordinal)];
        yield return billed;

        if (submission.Other is { } other)
        {
            var coordinated = new FhirClaim.InsuranceComponent
            {
                Sequence = 2,
                Focal = false,
                Coverage = FhirClaimCoverages.Reference(other.Coverage),
            };
            // What the primary payer paid (837D 2320 AMT*D) has no R4 element short of its ClaimResponse; it rides in an extension.
            if (other.PaidAmount is { } paid)
            {
                coordinated.Extension.Add(new Extension(FhirClaimSystems.OtherPayerPaidExtension, FhirMoney.Of(paid)));
            }

            yield return coordinated;
        }
    }

    private static FhirClaim.AccidentComponent? Accident(AccidentInfo? accident)
    {
        if (accident is null)
        {
            return null;
        }

        var type = new CodeableConcept();
        switch (accident.Cause)
        {
            case AccidentCause.AutoAccident:
                type.Coding.Add(new Coding(FhirClaimSystems.ActCode, "MVA"));
                break;
            case AccidentCause.Employment:
                type.Coding.Add(new Coding(FhirClaimSystems.ActCode, "WPA"));
                break;
        }

        type.Coding.Add(new Coding(FhirClaimSystems.X12RelatedCauses, accident.ToX12Code()));
        var result = new FhirClaim.AccidentComponent
        {
            Date = accident.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Type = type,
        };
        if (accident.StateCode is not null || accident.CountryCode is not null)
        {
            result.Location = new Address { State = accident.StateCode, Country = accident.CountryCode };
        }

        return result;
    }
}
