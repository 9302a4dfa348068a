using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Claims;

public class CdtSiteRulesTests
{
    private static readonly DateTimeOffset Now = ClaimFixture.Now;

    [Theory]
    [InlineData("D0120", CdtSite.NoTooth)]
    [InlineData("D1110", CdtSite.NoTooth)]
    [InlineData("D2392", CdtSite.Tooth)]
    [InlineData("D2740", CdtSite.Tooth)]
    [InlineData("D3330", CdtSite.Tooth)]
    [InlineData("D4341", CdtSite.Quadrant)]
    [InlineData("D4249", CdtSite.Tooth)]
    [InlineData("D4355", CdtSite.NoTooth)]
    [InlineData("D5110", CdtSite.Arch)]
    [InlineData("D5213", CdtSite.Arch)]
    [InlineData("D6010", CdtSite.Tooth)]
    [InlineData("D6190", CdtSite.Unrestricted)]
    [InlineData("D6750", CdtSite.Tooth)]
    [InlineData("D7140", CdtSite.Tooth)]
    [InlineData("D8080", CdtSite.Unrestricted)]
    [InlineData("D9110", CdtSite.Unrestricted)]
    public void SiteOf_KnownCodes(string code, CdtSite expected) => Assert.Equal(expected, CdtSiteRules.SiteOf(CdtCode.Parse(code)));

    [Theory]
    [InlineData("D2392", "30", "MO", null)]
    [InlineData("D2392", "30", "O", "lines[1].surfaces")] // two-surface posterior composite with one surface
    [InlineData("D2394", "3", "MODB", null)]
    [InlineData("D2394", "3", "MODBL", null)] // "four or more"
    [InlineData("D2161", "19", "MOD", "lines[1].surfaces")]
    [InlineData("D2330", "8", "I", null)]
    [InlineData("D2330", "8", "O", "lines[1].surfaces")] // an incisor has no occlusal surface
    [InlineData("D2392", "30", "MI", "lines[1].surfaces")] // a molar has no incisal edge
    [InlineData("D2331", "30", "MO", "lines[1].tooth")] // anterior composite code on a molar
    [InlineData("D2391", "8", "M", "lines[1].tooth")] // posterior composite code on an incisor
    [InlineData("D2391", "K", "O", null)] // primary molar is posterior
    [InlineData("D2330", "E", "I", null)] // primary incisor is anterior
    public void CheckRules_ToothAndSurfaces(string code, string tooth, string surfaces, string? expectedField)
    {
        var claim = WithLine(ClaimFixture.Line(code, tooth: tooth, surfaces: surfaces));

        var fields = claim.CheckRules(ClaimFixture.Today).Select(v => v.Field).ToList();

        if (expectedField is null)
        {
            Assert.Empty(fields);
        }
        else
        {
            Assert.Equal([expectedField], fields);
        }
    }

    [Fact]
    public void CheckRules_RestorationWithoutTooth_AsksForTheTooth()
    {
        var violation = Assert.Single(WithLine(ClaimFixture.Line("D2740", tooth: null, surfaces: "")).CheckRules(ClaimFixture.Today));

        Assert.Equal("lines[1].tooth", violation.Field);
        Assert.Contains("D2740", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckRules_ExamWithATooth_AsksToLeaveItOut()
    {
        var violation = Assert.Single(WithLine(ClaimFixture.Line("D0120", tooth: "14", surfaces: "")).CheckRules(ClaimFixture.Today));

        Assert.Equal("lines[1].tooth", violation.Field);
    }

    [Fact]
    public void CheckRules_QuadrantScalingNeedsAQuadrantAndNoTooth()
    {
        var withTooth = WithLine(ClaimFixture.Line("D4341", tooth: "3", surfaces: "") with { Area = OralCavityArea.UpperRight });
        var withArch = WithLine(ClaimFixture.Line("D4341", tooth: null, surfaces: "") with { Area = OralCavityArea.Maxillary });
        var right = WithLine(ClaimFixture.Line("D4341", tooth: null, surfaces: "") with { Area = OralCavityArea.LowerLeft });

        Assert.Equal(["lines[1].tooth"], withTooth.CheckRules(ClaimFixture.Today).Select(v => v.Field));
        Assert.Equal(["lines[1].area"], withArch.CheckRules(ClaimFixture.Today).Select(v => v.Field));
        Assert.Empty(right.CheckRules(ClaimFixture.Today));
    }

    [Fact]
    public void CheckRules_CompleteDentureNeedsAnArch()
    {
        var quadrant = WithLine(ClaimFixture.Line("D5110", tooth: null, surfaces: "") with { Area = OralCavityArea.UpperLeft });
        var arch = WithLine(ClaimFixture.Line("D5110", tooth: null, surfaces: "") with { Area = OralCavityArea.Maxillary });

        Assert.Equal(["lines[1].area"], quadrant.CheckRules(ClaimFixture.Today).Select(v => v.Field));
        Assert.Empty(arch.CheckRules(ClaimFixture.Today));
    }

    [Fact]
    public void CheckRules_ToothNumbersInFdi_AreJudgedTheSame()
    {
        var fdiMolar = ClaimFixture.Line("D2330", tooth: null, surfaces: "") with { Tooth = ToothNumber.ParseFdi("36"), Surfaces = SurfaceSet.Parse("M") };

        Assert.Equal(["lines[1].tooth"], WithLine(fdiMolar).CheckRules(ClaimFixture.Today).Select(v => v.Field));
    }

    private static Claim WithLine(ClaimLineDetails line)
    {
        var claim = ClaimFixture.NewDraft();
        claim.SetDiagnoses([Icd10Code.Parse("K02.52")], Now);
        claim.AddLine(line, Now);
        return claim;
    }
}
