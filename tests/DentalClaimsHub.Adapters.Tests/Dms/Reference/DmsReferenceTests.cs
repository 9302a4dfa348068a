using DentalClaimsHub.Adapters.Dms.Reference;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Testing;

namespace DentalClaimsHub.Adapters.Tests.Dms.Reference;

/// <summary>Lookups and normalisation over the shipped <c>schemas/dms</c> files.</summary>
public sealed class DmsReferenceTests
{
    private static readonly DmsReference Reference = new(Path.Combine(RepositoryPaths.Schemas, "dms"));

    [Theory]
    [InlineData("A16.07.002", "Восстановление зуба пломбой")]
    [InlineData("A16.07.002.009", "Наложение временной пломбы")]
    [InlineData("B01.065.001", "Прием (осмотр, консультация) врача-стоматолога-терапевта первичный")]
    [InlineData("A06.07.003", "Прицельная внутриротовая контактная рентгенография")]
    [InlineData("B01.003.004.002", "Проводниковая анестезия")]
    public void ServiceName_KnownCode_IsTheOfficialName(string code, string name) =>
        Assert.Equal(name, Reference.ServiceName(NomenclatureCode.Parse(code)));

    [Fact]
    public void ServiceName_UnknownRefinementOfKnownCode_IsNullRatherThanTheBase()
    {
        var refinement = NomenclatureCode.Parse("A16.07.002.999");

        Assert.Null(Reference.ServiceName(refinement));
        Assert.False(Reference.IsKnownService(refinement));
        Assert.True(Reference.IsKnownService(refinement.ToBase()));
    }

    [Fact]
    public void ServiceName_DefaultValue_IsNull() => Assert.Null(Reference.ServiceName(default));

    [Theory]
    [InlineData("А16.07.002", "A16.07.002")]
    [InlineData("ВОЗ.003.001", "B03.003.001")]
    [InlineData(" A06.07.003 ", "A06.07.003")]
    [InlineData("а16,07,002,009", "A16.07.002.009")]
    [InlineData("В01.О65.ОО1", "B01.065.001")]
    [InlineData("A16.07.0\u00A0 02", "A16.07.002")]
    public void TryNormaliseService_LookAlikesAndSpaces_GiveTheCanonicalCode(string raw, string expected)
    {
        Assert.True(Reference.TryNormaliseService(raw, out var code));
        Assert.Equal(expected, code.Value);
    }

    [Fact]
    public void TryNormaliseService_WellFormedButOutsideTheDentalSubset_IsNormalisedAndUnknown()
    {
        Assert.True(Reference.TryNormaliseService("ВОЗ.003.001", out var code));
        Assert.False(Reference.IsKnownService(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A16.07")]
    [InlineData("C16.07.002")]
    [InlineData("A16.07.002.09")]
    [InlineData("пломба")]
    public void TryNormaliseService_NotACode_IsFalse(string? raw) => Assert.False(Reference.TryNormaliseService(raw, out _));

    [Theory]
    [InlineData("К04.5", "K04.5")]
    [InlineData("КО4.5", "K04.5")]
    [InlineData("k02.1", "K02.1")]
    [InlineData("K021", "K02.1")]
    [InlineData(" К05,3 ", "K05.3")]
    [InlineData("К08.О", "K08.0")]
    [InlineData("K04.o", "K04.0")]
    public void TryNormaliseDiagnosis_LookAlikesAndSpaces_GiveTheCanonicalCode(string raw, string expected)
    {
        Assert.True(Reference.TryNormaliseDiagnosis(raw, out var code));
        Assert.Equal(expected, code.Value);
        Assert.NotNull(Reference.DiagnosisName(code));
    }

    [Fact]
    public void TryNormaliseDiagnosis_WellFormedButUnknown_KeepsTheParsedCode()
    {
        Assert.True(Reference.TryNormaliseDiagnosis("Z01.2", out var code));
        Assert.Equal("Z01.2", code.Value);
        Assert.False(Reference.IsKnownDiagnosis(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K0")]
    [InlineData("04.5")]
    [InlineData("кариес")]
    public void TryNormaliseDiagnosis_NotACode_IsFalse(string? raw) => Assert.False(Reference.TryNormaliseDiagnosis(raw, out _));

    [Theory]
    [InlineData("K02.1", "Кариес дентина")]
    [InlineData("K04.0", "Пульпит")]
    [InlineData("K04.5", "Хронический апикальный периодонтит")]
    [InlineData("K05.3", "Хронический пародонтит")]
    [InlineData("K08.1", "Потеря зубов вследствие несчастного случая, удаления или локализованного пародонтита")]
    [InlineData("K02", "Кариес зубов")]
    public void DiagnosisName_KnownCode_IsTheRussianName(string code, string name) =>
        Assert.Equal(name, Reference.DiagnosisName(Icd10Code.Parse(code)));

    [Fact]
    public void DiagnosisName_UnknownCode_IsNull() => Assert.Null(Reference.DiagnosisName(Icd10Code.Parse("K02.7")));

    [Theory]
    [InlineData("K02", false)]
    [InlineData("K02.1", true)]
    [InlineData("K04", false)]
    [InlineData("K04.0", true)]
    [InlineData("K08.1", true)]
    [InlineData("K04.01", true)]
    [InlineData("K02.7", false)]
    [InlineData("Z01.2", true)]
    [InlineData("Z01", false)]
    public void IsBillableDiagnosis_Code_SaysWhetherItIsSpecificEnough(string code, bool billable) =>
        Assert.Equal(billable, Reference.IsBillableDiagnosis(Icd10Code.Parse(code)));

    [Fact]
    public void IsBillableDiagnosis_DefaultValue_IsFalse() => Assert.False(Reference.IsBillableDiagnosis(default));
}
