using System.Text.Json;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Practices;

public class ProviderIdentityTests
{
    [Fact]
    public void New_BothOrganizationAndPerson_Throws()
    {
        var error = Assert.Throws<DomainException>(() =>
            new ProviderIdentity(null, organizationName: "Smile Dental", person: new PersonName("Moreau", "Anne")));

        Assert.Contains("either an organisation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_NeitherName_Throws() =>
        Assert.Throws<DomainException>(() => new ProviderIdentity(Npi.Parse("1234567893"), organizationName: "  "));

    [Fact]
    public void Of_Practice_IsTheOrganizationWithItsNpi()
    {
        var practice = Practice.Create("Smile Dental", "US", "America/Chicago", DateTimeOffset.UtcNow, Npi.Parse("1234567893"));

        var identity = ProviderIdentity.Of(practice);

        Assert.True(identity.IsOrganization);
        Assert.Equal("Smile Dental", identity.OrganizationName);
        Assert.Equal("1234567893", identity.Npi?.Value);
    }

    [Fact]
    public void Json_RoundTrip_KeepsEveryPart()
    {
        var identity = new ProviderIdentity(Npi.Parse("1234567893"), person: new PersonName("Moreau", "Anne", "L"), taxonomyCode: "1223g0001x");

        var copy = JsonSerializer.Deserialize<ProviderIdentity>(JsonSerializer.Serialize(identity));

        Assert.Equal(identity, copy);
        Assert.Equal("1223G0001X", copy!.TaxonomyCode);
    }
}
