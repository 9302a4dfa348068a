using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Practices;

public class PracticeTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_UsPractice_KeepsNpiAndNormalisedTaxId()
    {
        var practice = Practice.Create("Bright Smiles", "us", "America/Chicago", Now, Npi.Parse("1234567893"), "12-3456789");

        Assert.Equal("Bright Smiles", practice.Name);
        Assert.Equal("US", practice.CountryCode);
        Assert.Equal("1234567893", practice.Npi!.Value.Value);
        Assert.Equal("123456789", practice.TaxId);
        Assert.Null(practice.Inn);
        Assert.Equal(Now, practice.CreatedAt);
    }

    [Fact]
    public void Create_RussianClinic_KeepsInnAndOgrn()
    {
        var practice = Practice.Create(
            "Клиника «Улыбка»", "RU", "Europe/Moscow", Now, inn: Inn.Parse("7707083893"), ogrn: Ogrn.Parse("1027700132195"));

        Assert.Equal("7707083893", practice.Inn!.Value.Value);
        Assert.Equal("1027700132195", practice.Ogrn!.Value.Value);
        Assert.Null(practice.Npi);
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("12-34A6789")]
    public void Create_InvalidTaxId_Throws(string taxId)
    {
        Assert.Throws<DomainException>(() => Practice.Create("P", "US", "America/New_York", Now, taxId: taxId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Eastern Standard Time")]
    [InlineData("/Europe")]
    public void Create_InvalidTimeZone_Throws(string timeZone)
    {
        Assert.Throws<DomainException>(() => Practice.Create("P", "US", timeZone, Now));
    }

    [Theory]
    [InlineData("USA")]
    [InlineData("")]
    [InlineData("1A")]
    public void Create_InvalidCountry_Throws(string country)
    {
        Assert.Throws<DomainException>(() => Practice.Create("P", country, "UTC", Now));
    }

    [Fact]
    public void Rename_NewName_IsTrimmed()
    {
        var practice = Practice.Create("Old", "US", "UTC", Now);

        practice.Rename("  New Name ");

        Assert.Equal("New Name", practice.Name);
    }

    [Fact]
    public void Rename_Blank_Throws()
    {
        var practice = Practice.Create("Old", "US", "UTC", Now);

        Assert.Throws<DomainException>(() => practice.Rename(" "));
        Assert.Equal("Old", practice.Name);
    }

    [Fact]
    public void SetPayToAddress_ALockbox_IsKept_TheBillingAddressItselfMeansNone()
    {
        var practice = Practice.Create("Lakeside", "US", "UTC", Now);
        var billing = new DentalClaimsHub.Domain.Patients.Address("1200 Shore Dr", null, "Lakeside", "IL", "60601", "US");
        practice.SetAddress(billing);

        practice.SetPayToAddress(new DentalClaimsHub.Domain.Patients.Address("PO Box 4471", null, "Chicago", "IL", "60680", "US"));
        Assert.Equal("PO Box 4471", practice.PayToAddress!.Line1);

        practice.SetPayToAddress(billing with { });
        Assert.Null(practice.PayToAddress);
    }
}
