using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Claims;

public class ClaimLineTeethTests
{
    private static readonly DateTimeOffset Now = ClaimFixture.Now;

    private static ClaimLineDetails PartialDenture(params string[] teeth) =>
        ClaimFixture.Line("D5213", 1800m, tooth: teeth[0], surfaces: "") with
        {
            AdditionalTeeth = [.. teeth.Skip(1).Select(ToothNumber.ParseUniversal)],
        };

    [Fact]
    public void AddLine_PartialDentureTeeth_KeepsAllTeeth()
    {
        var line = ClaimFixture.NewDraft().AddLine(PartialDenture("3", "4", "14"), Now);

        Assert.Equal("3", line.Tooth!.Value.Value);
        Assert.Equal(["4", "14"], line.AdditionalTeeth.Select(t => t.Value));
        Assert.Equal(["4", "14"], line.ToDetails().AdditionalTeeth.Select(t => t.Value));
    }

    [Fact]
    public void AddLine_AdditionalTeethWithUnitsAboveOne_Throws()
    {
        var details = PartialDenture("3", "4") with { Units = 2 };

        Assert.Throws<DomainException>(() => ClaimFixture.NewDraft().AddLine(details, Now));
    }

    [Fact]
    public void AddLine_SameToothTwiceInDifferentSystems_Throws()
    {
        var details = PartialDenture("3") with { AdditionalTeeth = [ToothNumber.ParseFdi("16")] };

        Assert.Throws<DomainException>(() => ClaimFixture.NewDraft().AddLine(details, Now));
    }

    [Fact]
    public void AddLine_AdditionalTeethWithoutFirst_Throws()
    {
        var details = PartialDenture("3") with { Tooth = null, AdditionalTeeth = [ToothNumber.ParseUniversal("4")] };

        Assert.Throws<DomainException>(() => ClaimFixture.NewDraft().AddLine(details, Now));
    }

    [Fact]
    public void SetAuthorizations_Numbers_AreCopiedToReplacement()
    {
        var claim = ClaimFixture.ValidDraft();
        claim.SetAuthorizations(" G1-55 ", "G3-77", Now);
        foreach (var step in new[] { ClaimState.Validated, ClaimState.Queued, ClaimState.Submitted, ClaimState.Acknowledged, ClaimState.Accepted })
        {
            ClaimFixture.Apply(claim, step);
        }

        var replacement = claim.CreateReplacement("jane", Now);

        Assert.Equal("G1-55", replacement.PriorAuthorizationNumber);
        Assert.Equal("G3-77", replacement.PredeterminationNumber);
    }
}
