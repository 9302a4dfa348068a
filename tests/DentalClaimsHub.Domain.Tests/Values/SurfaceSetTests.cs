using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Values;

public class SurfaceSetTests
{
    [Theory]
    [InlineData("MOD", "MOD")]
    [InlineData("dom", "MOD")]
    [InlineData("M,O,D", "MOD")]
    [InlineData("M O D D", "MOD")]
    [InlineData("LFIDM", "MIDFL")]
    [InlineData("BO", "OB")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Parse_Letters_DedupsAndOrdersCanonically(string? input, string expected)
    {
        Assert.Equal(expected, SurfaceSet.Parse(input).Value);
    }

    [Fact]
    public void Parse_SixDistinctSurfaces_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => SurfaceSet.Parse("MODBLF"));
        Assert.Contains("At most 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FiveSurfacesWithDuplicates_IsAccepted()
    {
        Assert.Equal(5, SurfaceSet.Parse("MODBLMODBL").Count);
    }

    [Theory]
    [InlineData("MX")]
    [InlineData("V")]
    [InlineData("1")]
    public void Parse_UnknownLetter_Throws(string input)
    {
        Assert.Throws<DomainException>(() => SurfaceSet.Parse(input));
        Assert.False(SurfaceSet.TryParse(input, out _));
    }

    [Fact]
    public void Surfaces_Set_ListsInOrder()
    {
        Assert.Equal([Surface.Mesial, Surface.Occlusal, Surface.Distal], SurfaceSet.Parse("DOM").Surfaces);
    }

    [Fact]
    public void Contains_MemberAndNonMember_Answers()
    {
        var set = SurfaceSet.Parse("MO");

        Assert.True(set.Contains(Surface.Occlusal));
        Assert.False(set.Contains(Surface.Distal));
    }

    [Fact]
    public void Of_Surfaces_BuildsCanonicalSet()
    {
        Assert.Equal(SurfaceSet.Parse("MOD"), SurfaceSet.Of(Surface.Distal, Surface.Mesial, Surface.Occlusal));
    }

    [Theory]
    [InlineData(Surface.Mesial, 'M')]
    [InlineData(Surface.Occlusal, 'O')]
    [InlineData(Surface.Incisal, 'I')]
    [InlineData(Surface.Distal, 'D')]
    [InlineData(Surface.Buccal, 'B')]
    [InlineData(Surface.Facial, 'F')]
    [InlineData(Surface.Lingual, 'L')]
    public void ToCode_EachSurface_RoundTrips(Surface surface, char code)
    {
        Assert.Equal(code, surface.ToCode());
        Assert.Equal(surface, SurfaceCodes.FromCode(char.ToLowerInvariant(code)));
    }
}
