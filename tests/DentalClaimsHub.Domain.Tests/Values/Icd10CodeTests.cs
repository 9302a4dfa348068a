using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Tests.Values;

public class Icd10CodeTests
{
    [Theory]
    [InlineData("K04.5", "K04.5")]
    [InlineData("K045", "K04.5")]
    [InlineData("К04.5", "K04.5")]
    [InlineData("k02.1", "K02.1")]
    [InlineData("КО5.3", "K05.3")]
    [InlineData(" K08 ", "K08")]
    [InlineData("K08,1", "K08.1")]
    [InlineData("S02.5XXA", "S02.5XXA")]
    [InlineData("C4A.0", "C4A.0")]
    [InlineData("K02.52", "K02.52")]
    public void Parse_ValidOrLookAlike_Normalises(string input, string expected)
    {
        Assert.Equal(expected, Icd10Code.Parse(input).Value);
    }

    [Theory]
    [InlineData("K0")]
    [InlineData("04.5")]
    [InlineData("KK4.5")]
    [InlineData("K0.45")]
    [InlineData("K04.5.1")]
    [InlineData("K04.12345")]
    [InlineData("K04-5")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_Invalid_Throws(string? input)
    {
        Assert.Throws<DomainException>(() => Icd10Code.Parse(input));
        Assert.False(Icd10Code.TryParse(input, out _));
    }

    [Fact]
    public void ToX12_CodeWithDot_DropsDot()
    {
        Assert.Equal("K045", Icd10Code.Parse("K04.5").ToX12());
    }

    [Fact]
    public void Category_Code_IsFirstThree()
    {
        Assert.Equal("K04", Icd10Code.Parse("К04.5").Category);
    }

    [Fact]
    public void Equality_CyrillicAndLatin_AreEqual()
    {
        Assert.Equal(Icd10Code.Parse("K04.5"), Icd10Code.Parse("К045"));
    }
}
