using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Values;

public class InnTests
{
    [Theory]
    [InlineData("7707083893")]
    [InlineData("7736207543")]
    [InlineData("7702070139")]
    public void Parse_ValidOrganisationInn_IsOrganisation(string input)
    {
        var inn = Inn.Parse(input);

        Assert.Equal(input, inn.Value);
        Assert.True(inn.IsOrganisation);
    }

    [Theory]
    [InlineData("500100732259")]
    [InlineData("7830002293 57")]
    public void Parse_ValidPersonalInn_IsNotOrganisation(string input)
    {
        var inn = Inn.Parse(input);

        Assert.Equal(12, inn.Value.Length);
        Assert.False(inn.IsOrganisation);
    }

    [Theory]
    [InlineData("7707083894")]
    [InlineData("500100732258")]
    [InlineData("500100732269")]
    [InlineData("77070838")]
    [InlineData("77070838931")]
    [InlineData("77O7083893")]
    public void TryParse_InvalidInn_ReturnsFalse(string input)
    {
        Assert.False(Inn.TryParse(input, out _));
    }

    [Fact]
    public void Parse_WrongCheckDigit_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => Inn.Parse("7707083894"));
        Assert.Contains("check digit", ex.Message, StringComparison.Ordinal);
    }
}
