using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Domain.Claims;
using static DentalClaimsHub.Adapters.X12.Claims.Claim837Problems;

namespace DentalClaimsHub.Adapters.X12.Claims;

/// <summary>What the dental guide requires that the hub's intake does not (it is payer-specific): checked before writing.</summary>
internal static class Claim837Checks
{
    public static void Ensure(ClaimSubmission submission)
    {
        var problems = new List<string>();
        var practice = submission.Practice;
        if (practice.Npi is null)
        {
            problems.Add(PracticeNpi);
        }

        if (practice.TaxId is null)
        {
            problems.Add(PracticeTaxId);
        }

        if (practice.Address is null)
        {
            problems.Add(PracticeAddress);
        }

        if (submission.PatientIsDependent && submission.Patient.Address is null)
        {
            problems.Add(DependentAddress);
        }

        if (submission.Claim.RenderingProvider is { Npi: null })
        {
            problems.Add(RenderingNpi);
        }

        if (submission.Claim.Lines.Count == 0)
        {
            problems.Add(NoLines);
        }

        if (problems.Count > 0)
        {
            var number = submission.Claim.PatientControlNumber;
            throw new ClaimBuildException(new TimelineReason(
                $"Claim {number} cannot be sent as an 837D: {string.Join("; ", problems.Select(p => English[p]))}.",
                TimelineReasonCodes.X12Unbuildable, [number, .. problems]), null, submission.Claim.Id);
        }
    }
}
