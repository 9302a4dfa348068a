using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Values;

public class OralCavityAreaTests
{
    [Theory]
    [InlineData(OralCavityArea.WholeMouth, "00")]
    [InlineData(OralCavityArea.Maxillary, "01")]
    [InlineData(OralCavityArea.Mandibular, "02")]
    [InlineData(OralCavityArea.UpperRight, "10")]
    [InlineData(OralCavityArea.UpperLeft, "20")]
    [InlineData(OralCavityArea.LowerLeft, "30")]
    [InlineData(OralCavityArea.LowerRight, "40")]
    public void ToX12Code_EachArea_MapsAndRoundTrips(OralCavityArea area, string code)
    {
        Assert.Equal(code, area.ToX12Code());
        Assert.Equal(area, OralCavityAreaCodes.FromX12Code(code));
    }

    [Theory]
    [InlineData("03")]
    [InlineData("50")]
    [InlineData("1")]
    [InlineData("0A")]
    [InlineData("")]
    [InlineData(null)]
    public void FromX12Code_Unknown_Throws(string? code)
    {
        Assert.Throws<DomainException>(() => OralCavityAreaCodes.FromX12Code(code));
        Assert.False(OralCavityAreaCodes.TryFromX12Code(code, out _));
    }

    [Theory]
    [InlineData(Quadrant.UpperRight, OralCavityArea.UpperRight, Arch.Maxillary)]
    [InlineData(Quadrant.UpperLeft, OralCavityArea.UpperLeft, Arch.Maxillary)]
    [InlineData(Quadrant.LowerLeft, OralCavityArea.LowerLeft, Arch.Mandibular)]
    [InlineData(Quadrant.LowerRight, OralCavityArea.LowerRight, Arch.Mandibular)]
    public void ToOralCavityArea_Quadrant_MapsBothWays(Quadrant quadrant, OralCavityArea area, Arch arch)
    {
        Assert.Equal(area, quadrant.ToOralCavityArea());
        Assert.Equal(quadrant, area.ToQuadrant());
        Assert.Equal(arch, quadrant.GetArch());
    }

    [Fact]
    public void ToQuadrant_WholeMouth_IsNull()
    {
        Assert.Null(OralCavityArea.WholeMouth.ToQuadrant());
        Assert.Equal(OralCavityArea.Mandibular, Arch.Mandibular.ToOralCavityArea());
    }
}
