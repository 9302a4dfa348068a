using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Practices;

public class ProviderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_UsDentist_NormalisesTaxonomy()
    {
        var provider = Provider.Create(Guid.NewGuid(), new PersonName("Lee", "Ann"), Now, Npi.Parse("1245319599"), "1223g0001x");

        Assert.Equal("1223G0001X", provider.TaxonomyCode);
        Assert.Equal("1245319599", provider.Npi!.Value.Value);
    }

    [Theory]
    [InlineData("1223G0001")]
    [InlineData("1223G0001-")]
    public void Create_BadTaxonomy_Throws(string taxonomy)
    {
        Assert.Throws<DomainException>(() => Provider.Create(Guid.NewGuid(), new PersonName("Lee", "Ann"), Now, taxonomyCode: taxonomy));
    }
}
