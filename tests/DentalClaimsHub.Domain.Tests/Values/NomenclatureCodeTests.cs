using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Values;

public class NomenclatureCodeTests
{
    [Theory]
    [InlineData("A16.07.002", "A16.07.002")]
    [InlineData("B01.065.001", "B01.065.001")]
    [InlineData("A16.07.002.009", "A16.07.002.009")]
    [InlineData("A06.07.003", "A06.07.003")]
    [InlineData("а16.07.002", "A16.07.002")]
    [InlineData("А 16.07.002", "A16.07.002")]
    [InlineData("ВОЗ.003.001", "B03.003.001")]
    [InlineData("В01.065.00З", "B01.065.003")]
    [InlineData("A16,07,030,001", "A16.07.030.001")]
    [InlineData(" a16.07.001.002 ", "A16.07.001.002")]
    public void Parse_ValidOrLookAlike_Normalises(string input, string expected)
    {
        Assert.Equal(expected, NomenclatureCode.Parse(input).Value);
    }

    [Theory]
    [InlineData("C16.07.002")]
    [InlineData("A16.07.02")]
    [InlineData("A16.0702")]
    [InlineData("A1607002")]
    [InlineData("A16.7.002")]
    [InlineData("A16.0701.002")]
    [InlineData("A16.07.002.09")]
    [InlineData("A16.07.002.009.001")]
    [InlineData("A16.07.002.")]
    [InlineData("D0120")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_Invalid_Throws(string? input)
    {
        var ex = Assert.Throws<DomainException>(() => NomenclatureCode.Parse(input));
        Assert.Contains("804н", ex.Message, StringComparison.Ordinal);
        Assert.False(NomenclatureCode.TryParse(input, out _));
    }

    [Fact]
    public void Properties_RefinedCode_ExposeParts()
    {
        var code = NomenclatureCode.Parse("A16.07.002.009");

        Assert.Equal('A', code.Section);
        Assert.Equal(16, code.Class);
        Assert.True(code.IsRefined);
        Assert.Equal("A16.07.002", code.ToBase().Value);
    }

    [Fact]
    public void ToBase_UnrefinedCode_IsItself()
    {
        var code = NomenclatureCode.Parse("B01.065.001");

        Assert.False(code.IsRefined);
        Assert.Equal(code, code.ToBase());
    }
}
