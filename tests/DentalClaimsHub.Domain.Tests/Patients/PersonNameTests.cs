using DentalClaimsHub.Domain.Patients;

namespace DentalClaimsHub.Domain.Tests.Patients;

public class PersonNameTests
{
    [Fact]
    public void ToString_WithMiddle_IsLastCommaFirstMiddle()
    {
        Assert.Equal("Smith, John Paul", new PersonName("Smith", "John", "Paul").ToString());
    }

    [Fact]
    public void ToString_WithoutMiddle_IsLastCommaFirst()
    {
        Assert.Equal("Smith, John", new PersonName(" Smith ", "John").ToString());
    }

    [Fact]
    public void ToString_WithSuffix_AppendsSuffix()
    {
        Assert.Equal("Smith, John Paul Jr", new PersonName("Smith", "John", "Paul", "Jr").ToString());
    }

    [Fact]
    public void ParseJoined_RussianFio_SplitsIntoThreeParts()
    {
        var name = PersonName.ParseJoined("Иванов Иван Иванович");

        Assert.Equal("Иванов", name.Last);
        Assert.Equal("Иван", name.First);
        Assert.Equal("Иванович", name.Middle);
    }

    [Fact]
    public void ParseJoined_ExtraSpacesAndTwoWordPatronymic_KeepsRestAsMiddle()
    {
        var name = PersonName.ParseJoined("  Мамедов   Рашид  Али оглы ");

        Assert.Equal("Мамедов", name.Last);
        Assert.Equal("Рашид", name.First);
        Assert.Equal("Али оглы", name.Middle);
    }

    [Fact]
    public void ParseJoined_TwoParts_HasNoMiddle()
    {
        Assert.Null(PersonName.ParseJoined("Петрова Анна").Middle);
    }

    [Theory]
    [InlineData("Иванов")]
    [InlineData("   ")]
    [InlineData("")]
    public void ParseJoined_FewerThanTwoParts_Throws(string input)
    {
        Assert.Throws<DomainException>(() => PersonName.ParseJoined(input));
        Assert.False(PersonName.TryParseJoined(input, out _));
    }

    [Fact]
    public void NormalisedKey_WithYo_IsUpperCaseWithYe()
    {
        var name = PersonName.ParseJoined("Сёмин Пётр Алексеевич");

        Assert.Equal("СЕМИН ПЕТР АЛЕКСЕЕВИЧ", name.NormalisedKey);
    }

    [Fact]
    public void NormalisedKey_SpellingsWithYoAndYe_AreEqual()
    {
        Assert.Equal(
            PersonName.ParseJoined("Фёдоров Артём").NormalisedKey,
            PersonName.ParseJoined("федоров артем").NormalisedKey);
    }

    [Theory]
    [InlineData("", "John")]
    [InlineData("Smith", " ")]
    public void Constructor_MissingPart_Throws(string last, string first)
    {
        Assert.Throws<DomainException>(() => new PersonName(last, first));
    }

    [Fact]
    public void Equality_SameParts_AreEqual()
    {
        Assert.Equal(new PersonName("Doe", "Jane", "Q"), new PersonName("Doe", "Jane", "Q"));
    }
}
