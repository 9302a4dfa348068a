using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Values;

public class OgrnTests
{
    [Theory]
    [InlineData("1027700132195")]
    [InlineData("1027700229193")]
    public void Parse_ValidOgrn_IsOrganisation(string input)
    {
        var ogrn = Ogrn.Parse(input);

        Assert.Equal(input, ogrn.Value);
        Assert.False(ogrn.IsEntrepreneur);
    }

    [Fact]
    public void Parse_ValidOgrnip_IsEntrepreneur()
    {
        Assert.True(Ogrn.Parse("304500116000157").IsEntrepreneur);
    }

    [Theory]
    [InlineData("1027700132196")]
    [InlineData("304500116000158")]
    [InlineData("10277001321")]
    [InlineData("10277001321950")]
    [InlineData("102770013219X")]
    public void TryParse_InvalidOgrn_ReturnsFalse(string input)
    {
        Assert.False(Ogrn.TryParse(input, out _));
    }

    [Fact]
    public void Parse_WrongCheckDigit_Throws()
    {
        Assert.Throws<DomainException>(() => Ogrn.Parse("1027700132196"));
    }
}
