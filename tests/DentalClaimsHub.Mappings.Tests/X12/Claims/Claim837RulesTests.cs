using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.X12.Claims;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.X12.Writing;
using static DentalClaimsHub.Mappings.Tests.Fixtures.EligibilityFixtures;

namespace DentalClaimsHub.Mappings.Tests.X12.Claims;

/// <summary>The 837D rules the golden files only show implicitly, each asserted on its own.</summary>
public sealed class Claim837RulesTests
{
    private static string[] Lines(params ClaimSubmission[] batch) =>
        new Claim837Builder(new SequentialControlNumberSource(1), Time()).Build(batch).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static ClaimSubmission Case(string name) => Claim837BuilderTests.Case(name);

    [Fact]
    public void Predetermination_HasClm19PbAndNoServiceDates()
    {
        var lines = Lines(Case("predetermination"));

        Assert.Contains(lines, l => l.StartsWith("CLM*", StringComparison.Ordinal) && l.EndsWith("*PB~", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("DTP*472*", StringComparison.Ordinal));
    }

    [Fact]
    public void Claim_HasServiceDatesAndNoPb()
    {
        var lines = Lines(Case("routine"));

        Assert.Contains(lines, l => l.StartsWith("DTP*472*D8*", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("*PB~", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderingLoop_OnlyWhenTheDentistIsNotTheBillingPractice()
    {
        var routine = Case("routine");
        var samePerson = routine.Claim;
        samePerson.SetRenderingProvider(new ProviderIdentity(routine.Practice.Npi, organizationName: "Lakeside Family Dental"), samePerson.UpdatedAt);

        Assert.Contains(Lines(Case("routine")), l => l.StartsWith("NM1*82*", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines(routine), l => l.StartsWith("NM1*82*", StringComparison.Ordinal));
    }

    [Fact]
    public void Diagnoses_PrincipalFirstAsAbkThenAbfWithoutDots()
    {
        var hi = Assert.Single(Lines(Case("routine")), l => l.StartsWith("HI*", StringComparison.Ordinal));

        Assert.Equal("HI*ABK:K0252*ABF:K05311~", hi);
    }

    [Fact]
    public void EveryServiceLine_CarriesItsLineControlNumber()
    {
        var submission = Case("routine");
        var lines = Lines(submission);

        Assert.Equal(submission.Claim.Lines.Select(l => $"REF*6R*{l.LineControlNumber}~"), lines.Where(l => l.StartsWith("REF*6R*", StringComparison.Ordinal)));
        Assert.Equal(submission.Claim.Lines.Count, lines.Count(l => l.StartsWith("LX*", StringComparison.Ordinal)));
    }

    [Fact]
    public void Batch_OneInterchangeOneGroupOneTransactionSetPerClaimWithDistinctNumbers()
    {
        var lines = Lines(Case("routine"), Case("replacement"), Case("bridge-with-attachments"));

        Assert.Single(lines, l => l.StartsWith("ISA*", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("GS*", StringComparison.Ordinal));
        var st02 = lines.Where(l => l.StartsWith("ST*837*", StringComparison.Ordinal)).Select(l => l.Split('*')[2]).ToList();
        Assert.Equal(3, st02.Distinct().Count());
        Assert.Equal("GE*3*1~", Assert.Single(lines, l => l.StartsWith("GE*", StringComparison.Ordinal)));
    }

    [Fact]
    public void Batch_MixingPayers_IsRefused()
    {
        var other = Case("routine") with { Payer = X12Payer() with { Id = "another-payer" } };

        Assert.Throws<ArgumentException>(() => Lines(Case("routine"), other));
    }

    [Fact]
    public void PracticeWithoutBillingAddress_IsAClaimBuildErrorNamingTheLoop()
    {
        var submission = Case("routine");
        submission.Practice.SetAddress(null);

        var error = Assert.Throws<ClaimBuildException>(() => Lines(submission));

        Assert.Contains("2010AA N3/N4", error.Message, StringComparison.Ordinal);
        Assert.Equal(submission.Claim.Id, error.ClaimId);
        // The same account as a timeline code with the problem's code, the English unchanged.
        Assert.Equal((DentalClaimsHub.Domain.Claims.TimelineReasonCodes.X12Unbuildable, error.Message), (error.Reason?.Code, error.Reason?.Text));
        Assert.Equal([submission.Claim.PatientControlNumber, Claim837Problems.PracticeAddress], error.Reason!.Args);
    }
}
