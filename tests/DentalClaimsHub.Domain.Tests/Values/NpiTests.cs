using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Values;

public class NpiTests
{
    [Theory]
    [InlineData("1234567893")]
    [InlineData("1245319599")]
    [InlineData("123-456-7893")]
    public void Parse_ValidNpi_ReturnsDigits(string input)
    {
        Assert.Equal(input.Replace("-", string.Empty, StringComparison.Ordinal), Npi.Parse(input).Value);
    }

    [Theory]
    [InlineData("1234567890")]
    [InlineData("1234567894")]
    [InlineData("123456789")]
    [InlineData("12345678933")]
    [InlineData("12345A7893")]
    [InlineData("")]
    public void TryParse_InvalidNpi_ReturnsFalse(string input)
    {
        Assert.False(Npi.TryParse(input, out var npi));
        Assert.Equal(default, npi);
    }

    [Fact]
    public void Parse_WrongCheckDigit_ThrowsWithCheckDigitMessage()
    {
        var ex = Assert.Throws<DomainException>(() => Npi.Parse("1234567890"));
        Assert.Contains("check digit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(Npi.TryParse(null, out _));
    }
}
