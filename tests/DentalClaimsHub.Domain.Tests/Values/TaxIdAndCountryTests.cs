using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Values;

public class TaxIdAndCountryTests
{
    [Theory]
    [InlineData("12-3456789", "123456789")]
    [InlineData(" 123456789 ", "123456789")]
    public void TaxIdNormalise_Valid_ReturnsNineDigits(string input, string expected)
    {
        Assert.Equal(expected, TaxId.Normalise(input));
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("12345678A")]
    public void TaxIdNormalise_Invalid_Throws(string input)
    {
        Assert.Throws<DomainException>(() => TaxId.Normalise(input));
    }

    [Theory]
    [InlineData("us", "US")]
    [InlineData(" RU ", "RU")]
    public void CountryNormalise_Valid_IsUpperCase(string input, string expected)
    {
        Assert.Equal(expected, CountryCode.Normalise(input));
    }

    [Theory]
    [InlineData("RUS")]
    [InlineData("Р")]
    [InlineData(null)]
    public void CountryNormalise_Invalid_Throws(string? input)
    {
        Assert.Throws<DomainException>(() => CountryCode.Normalise(input));
    }
}
