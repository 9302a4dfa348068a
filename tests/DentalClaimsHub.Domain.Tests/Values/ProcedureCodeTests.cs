using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Values;

public class ProcedureCodeTests
{
    [Fact]
    public void Create_Cdt_NormalisesCode()
    {
        var code = ProcedureCode.Create(ProcedureCodeSystem.Cdt, "d0120");

        Assert.Equal(ProcedureCodeSystem.Cdt, code.System);
        Assert.Equal("D0120", code.Code);
    }

    [Fact]
    public void Create_Nomenclature_NormalisesLookAlikes()
    {
        var code = ProcedureCode.Create(ProcedureCodeSystem.Nomenclature804n, "А16.07.002");

        Assert.Equal(ProcedureCodeSystem.Nomenclature804n, code.System);
        Assert.Equal("A16.07.002", code.Code);
    }

    [Fact]
    public void Create_CodeOfOtherSystem_Throws()
    {
        Assert.Throws<DomainException>(() => ProcedureCode.Create(ProcedureCodeSystem.Cdt, "A16.07.002"));
        Assert.False(ProcedureCode.TryCreate(ProcedureCodeSystem.Nomenclature804n, "D0120", out _));
    }

    [Theory]
    [InlineData("D2391", ProcedureCodeSystem.Cdt)]
    [InlineData("B01.065.001", ProcedureCodeSystem.Nomenclature804n)]
    public void TryParseAny_Code_DetectsSystem(string input, ProcedureCodeSystem system)
    {
        Assert.True(ProcedureCode.TryParseAny(input, out var code));
        Assert.Equal(system, code.System);
    }

    [Fact]
    public void TryParseAny_Garbage_ReturnsFalse()
    {
        Assert.False(ProcedureCode.TryParseAny("X123", out _));
    }

    [Fact]
    public void AsCdt_NomenclatureCode_Throws()
    {
        var code = ProcedureCode.Nomenclature(NomenclatureCode.Parse("A16.07.002"));

        Assert.Throws<InvalidOperationException>(() => code.AsCdt());
        Assert.Equal("A16.07.002", code.AsNomenclature().Value);
    }

    [Fact]
    public void Equality_SameSystemAndCode_AreEqual()
    {
        Assert.Equal(ProcedureCode.Cdt(CdtCode.Parse("D0120")), ProcedureCode.Create(ProcedureCodeSystem.Cdt, " d0120"));
    }
}
