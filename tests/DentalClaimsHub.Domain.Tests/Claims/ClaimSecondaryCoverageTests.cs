using DentalClaimsHub.Domain.Claims;

namespace DentalClaimsHub.Domain.Tests.Claims;

public class ClaimSecondaryCoverageTests
{
    private static readonly Guid Other = Guid.Parse("40000000-0000-0000-0000-000000000004");

    [Fact]
    public void SetSecondaryCoverage_OtherCoverage_IsCarriedAndCopiedOntoAReplacement()
    {
        var claim = ClaimFixture.ValidDraft();
        claim.SetSecondaryCoverage(Other, ClaimFixture.Now);
        foreach (var step in ClaimFixture.PathTo(ClaimState.Paid))
        {
            ClaimFixture.Apply(claim, step);
        }

        var replacement = claim.CreateReplacement("jane", ClaimFixture.Now, "wrong surface");

        Assert.Equal(Other, claim.SecondaryCoverageId);
        Assert.Equal(Other, replacement.SecondaryCoverageId);
    }

    [Fact]
    public void SetSecondaryCoverage_TheBilledCoverage_IsRefused()
    {
        var claim = ClaimFixture.ValidDraft();

        var error = Assert.Throws<DomainException>(() => claim.SetSecondaryCoverage(ClaimFixture.CoverageId, ClaimFixture.Now));

        Assert.Contains("different coverage", error.Message, StringComparison.Ordinal);
        Assert.Null(claim.SecondaryCoverageId);
    }

    [Fact]
    public void SetSecondaryCoverage_Null_Clears()
    {
        var claim = ClaimFixture.ValidDraft();
        claim.SetSecondaryCoverage(Other, ClaimFixture.Now);

        claim.SetSecondaryCoverage(null, ClaimFixture.Now);

        Assert.Null(claim.SecondaryCoverageId);
    }
}
