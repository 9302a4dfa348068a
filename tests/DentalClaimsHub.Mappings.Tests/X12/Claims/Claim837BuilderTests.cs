using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.X12.Claims;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Mappings.Tests.Fhir.Claims;
using DentalClaimsHub.Mappings.Tests.Fixtures;
using DentalClaimsHub.Testing.Snapshots;
using DentalClaimsHub.X12.Validation;
using DentalClaimsHub.X12.Writing;
using static DentalClaimsHub.Mappings.Tests.Fixtures.EligibilityFixtures;

namespace DentalClaimsHub.Mappings.Tests.X12.Claims;

/// <summary>The canonical claim cases (shared with the FHIR mapping) as 837D interchanges: golden files and our own validator.</summary>
public sealed class Claim837BuilderTests
{
    /// <summary>Every canonical case a US X12 payer would get (the ДМС case goes to a registry instead).</summary>
    public static TheoryData<string> Cases => [.. FhirClaimCases.Names.Where(n => n != "dms-filling")];

    public static ClaimSubmission Case(string name)
    {
        var submission = FhirClaimCases.Get(name) with { Payer = X12Payer() };
        if (submission.PatientIsDependent && submission.Patient.Address is null)
        {
            // 2010CA requires the dependent's address; the shared case leaves it out because FHIR does not need it.
            var child = submission.Patient;
            submission = submission with
            {
                Patient = Patient.Create(child.PracticeId, child.Name, child.BirthDate, child.Sex, child.CreatedAt,
                    new Address("48 Birch Ln", null, "Lakeside", "IL", "60614", "US"), id: child.Id),
            };
        }

        return submission;
    }

    private static string Build(params ClaimSubmission[] batch) =>
        new Claim837Builder(new SequentialControlNumberSource(501), Time()).Build(batch);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Build_Case_MatchesSnapshot(string name)
    {
        var submission = Case(name);
        return Snapshot.Verify(Stable(Build(submission), submission), "x12", name, scrub: false);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_Case_PassesOwnValidatorWithoutErrors(string name)
    {
        var report = new X12Validator(Samples.Schemas).Validate(Build(Case(name)));

        var errors = report.Findings.Where(f => f.IsError).Select(f => f.ToString()).ToList();
        Assert.Empty(errors);
        Assert.Single(report.Transactions);
    }

    [Fact]
    public void Build_BatchOfAllCases_OneInterchangeWithOneValidTransactionPerClaim()
    {
        var batch = FhirClaimCases.Names.Where(n => n != "dms-filling").Select(Case).ToArray();

        var report = new X12Validator(Samples.Schemas).Validate(Build(batch));

        Assert.Empty(report.Findings.Where(f => f.IsError).Select(f => f.ToString()));
        Assert.Equal(batch.Length, report.Transactions.Count());
    }

    // A void gets a fresh claim id, control number and line control numbers from the domain: stable tokens for those only.
    private static string Stable(string x12, ClaimSubmission submission)
    {
        var claim = submission.Claim;
        if (claim.Frequency != Domain.Claims.ClaimFrequency.Void)
        {
            return x12;
        }

        x12 = x12.Replace(claim.PatientControlNumber, "GENERATEDPCN", StringComparison.Ordinal);
        foreach (var line in claim.Lines)
        {
            x12 = x12.Replace($"REF*6R*{line.LineControlNumber}~", $"REF*6R*GENERATEDLCN{line.LineNumber}~", StringComparison.Ordinal);
        }

        return x12;
    }
}
