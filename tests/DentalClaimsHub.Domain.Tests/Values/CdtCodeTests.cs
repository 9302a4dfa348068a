using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Values;

public class CdtCodeTests
{
    [Theory]
    [InlineData("D0120", "D0120")]
    [InlineData("d2391", "D2391")]
    [InlineData(" D 1110 ", "D1110")]
    [InlineData("D\u00A09999", "D9999")]
    public void Parse_Valid_Normalises(string input, string expected)
    {
        Assert.Equal(expected, CdtCode.Parse(input).Value);
    }

    [Theory]
    [InlineData("D012")]
    [InlineData("D01200")]
    [InlineData("E0120")]
    [InlineData("0120")]
    [InlineData("D01A0")]
    [InlineData("AD:D0120")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_Invalid_ThrowsAndTryParseFails(string? input)
    {
        var ex = Assert.Throws<DomainException>(() => CdtCode.Parse(input));
        Assert.Contains("CDT", ex.Message, StringComparison.Ordinal);
        Assert.False(CdtCode.TryParse(input, out _));
    }

    [Theory]
    [InlineData("D0120", CdtCategory.Diagnostic)]
    [InlineData("D1110", CdtCategory.Preventive)]
    [InlineData("D2391", CdtCategory.Restorative)]
    [InlineData("D3310", CdtCategory.Endodontics)]
    [InlineData("D4341", CdtCategory.Periodontics)]
    [InlineData("D5110", CdtCategory.ProsthodonticsRemovable)]
    [InlineData("D5986", CdtCategory.MaxillofacialProsthetics)]
    [InlineData("D6010", CdtCategory.Implants)]
    [InlineData("D6750", CdtCategory.ProsthodonticsFixed)]
    [InlineData("D7140", CdtCategory.OralSurgery)]
    [InlineData("D8080", CdtCategory.Orthodontics)]
    [InlineData("D9110", CdtCategory.Adjunctive)]
    [InlineData("D0001", CdtCategory.Unknown)]
    public void Category_CodeRange_MapsToCategory(string code, CdtCategory expected)
    {
        Assert.Equal(expected, CdtCode.Parse(code).Category);
    }

    [Fact]
    public void Number_Code_IsDigits()
    {
        Assert.Equal(2391, CdtCode.Parse("D2391").Number);
    }
}
