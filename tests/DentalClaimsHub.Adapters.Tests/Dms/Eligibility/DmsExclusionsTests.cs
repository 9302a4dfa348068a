using DentalClaimsHub.Adapters.Dms.Eligibility;
using DentalClaimsHub.Adapters.Dms.Reference;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Tests.Dms.Eligibility;

/// <summary>Which services a programme's free-text exclusion takes out, found by the service's name in the 804н nomenclature.</summary>
public sealed class DmsExclusionsTests
{
    private static readonly DmsReference Reference = DmsReference.LoadDefault();

    [Theory]
    [InlineData("без ортодонтии", "B01.063.001", true)] // the orthodontist's consultation
    [InlineData("без ортодонтии", "A16.07.002", false)] // a filling
    [InlineData("кроме протезирования", "A16.07.004", true)] // a crown
    [InlineData("кроме протезирования", "A16.07.006", true)] // a crown on an implant
    [InlineData("кроме протезирования", "B01.066.001", true)] // the prosthodontist's consultation
    [InlineData("кроме протезирования", "A16.07.001.002", false)] // an extraction
    [InlineData("кроме имплантации", "A16.07.054", true)]
    [InlineData("кроме имплантации", "A16.07.004", false)]
    [InlineData("Без профессионального ОТБЕЛИВАНИЯ", "A16.07.050", true)]
    [InlineData("Франшиза 20%", "A16.07.002", false)]
    public void Excluding_MatchesTheExclusionToTheServiceName(string exclusion, string code, bool excluded)
    {
        var name = Reference.ServiceName(NomenclatureCode.Parse(code));
        Assert.NotNull(name);

        Assert.Equal(excluded ? exclusion : null, DmsExclusions.Excluding(name, ["Франшиза 10%", exclusion]));
    }

    [Fact]
    public void Excluding_AnUnknownService_IsNotExcluded() =>
        Assert.Null(DmsExclusions.Excluding(null, ["без ортодонтии"]));

    [Theory]
    [InlineData("без стоматологического обслуживания", true)]
    [InlineData("Стоматология не включена", true)]
    [InlineData("без ортодонтии", false)]
    public void ExcludesDentistry_IsDentistryAsAWhole(string exclusion, bool whole) =>
        Assert.Equal(whole, DmsExclusions.ExcludesDentistry(exclusion));
}
