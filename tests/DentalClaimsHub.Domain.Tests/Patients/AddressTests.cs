using DentalClaimsHub.Domain.Patients;

namespace DentalClaimsHub.Domain.Tests.Patients;

public class AddressTests
{
    [Fact]
    public void Constructor_PaddedParts_AreTrimmedAndCountryUpperCased()
    {
        var address = new Address(" 12 Ленина ул. ", "  ", " Москва ", "", " 101000 ", "ru");

        Assert.Equal("12 Ленина ул.", address.Line1);
        Assert.Null(address.Line2);
        Assert.Equal("Москва", address.City);
        Assert.Equal(string.Empty, address.Region);
        Assert.Equal("101000", address.PostalCode);
        Assert.Equal("RU", address.CountryCode);
    }

    [Theory]
    [InlineData("", "City", "US")]
    [InlineData("Line", " ", "US")]
    [InlineData("Line", "City", "USA")]
    public void Constructor_MissingOrInvalidPart_Throws(string line1, string city, string country)
    {
        Assert.Throws<DomainException>(() => new Address(line1, null, city, "IL", "62701", country));
    }
}
