using System.Globalization;
using DentalClaimsHub.Api.AdminConsole;

namespace DentalClaimsHub.Api.Tests.Console;

public sealed class PluralTests
{
    [Theory]
    [InlineData(0, PluralForm.Many)]
    [InlineData(1, PluralForm.One)]
    [InlineData(2, PluralForm.Many)]
    [InlineData(21, PluralForm.Many)]
    public void FormOf_English_IsOneOnlyForOne(long count, PluralForm form) =>
        Assert.Equal(form, Plural.FormOf(count, CultureInfo.GetCultureInfo("en-US")));

    [Theory]
    [InlineData(0, PluralForm.Many)]
    [InlineData(1, PluralForm.One)]
    [InlineData(2, PluralForm.Few)]
    [InlineData(4, PluralForm.Few)]
    [InlineData(5, PluralForm.Many)]
    [InlineData(11, PluralForm.Many)]
    [InlineData(12, PluralForm.Many)]
    [InlineData(14, PluralForm.Many)]
    [InlineData(21, PluralForm.One)]
    [InlineData(22, PluralForm.Few)]
    [InlineData(101, PluralForm.One)]
    [InlineData(111, PluralForm.Many)]
    [InlineData(112, PluralForm.Many)]
    [InlineData(1024, PluralForm.Few)]
    public void FormOf_Russian_FollowsOneFewMany(long count, PluralForm form) =>
        Assert.Equal(form, Plural.FormOf(count, CultureInfo.GetCultureInfo("ru-RU")));

    [Theory]
    [InlineData("en-US", 1, "1 delivery shown (at most 200, newest first)")]
    [InlineData("en-US", 2, "2 deliveries shown (at most 200, newest first)")]
    [InlineData("ru-RU", 1, "Показана 1 доставка (не более 200, сначала новые)")]
    [InlineData("ru-RU", 2, "Показаны 2 доставки (не более 200, сначала новые)")]
    [InlineData("ru-RU", 5, "Показано 5 доставок (не более 200, сначала новые)")]
    [InlineData("ru-RU", 11, "Показано 11 доставок (не более 200, сначала новые)")]
    [InlineData("ru-RU", 21, "Показана 21 доставка (не более 200, сначала новые)")]
    public void Count_PicksTheResxEntryForTheForm(string culture, int count, string expected)
    {
        Assert.Equal(expected, ConsoleCulture.In(culture, text => text.Count("Webhooks.Showing", count, count, 200)));
    }
}
