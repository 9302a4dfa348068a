using DentalClaimsHub.Adapters.Claims;

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
            problems.Add("the practice has no NPI (2010AA NM109)");
        }

        if (practice.TaxId is null)
        {
            problems.Add("the practice has no tax id (2010AA REF*EI)");
        }

        if (practice.Address is null)
        {
            problems.Add("the practice has no billing address (2010AA N3/N4)");
        }

        if (submission.PatientIsDependent && submission.Patient.Address is null)
        {
            problems.Add("the patient, a dependent, has no address (2010CA N3/N4)");
        }

        if (submission.Claim.RenderingProvider is { Npi: null })
        {
            problems.Add("the rendering provider has no NPI (2310B NM109)");
        }

        if (submission.Claim.Lines.Count == 0)
        {
            problems.Add("the claim has no lines (2400)");
        }

        if (problems.Count > 0)
        {
            throw new ClaimBuildException(
                $"Claim {submission.Claim.PatientControlNumber} cannot be sent as an 837D: {string.Join("; ", problems)}.", null, submission.Claim.Id);
        }
    }
}
