using System.Globalization;
using DentalClaimsHub.Api.Rosters;

namespace DentalClaimsHub.Api.Tests.Rosters;

public sealed class RosterRepeatFilterTests
{
    private static readonly DateOnly December = new(2026, 12, 1);

    [Fact]
    public void Add_AMillionDistinctPeople_SaysNoRepeat()
    {
        var filter = new RosterRepeatFilter();
        for (var i = 0; i < 1_000_000; i++)
        {
            filter.Add(string.Create(CultureInfo.InvariantCulture, $"ДМ{i:D10}"), BenchmarkName(i), December, "СТ-1");
        }

        Assert.False(filter.MaybeRepeated);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(499_999)]
    public void Add_OnePersonTwiceOnOneDateAndProgramme_SaysMaybe(int repeated)
    {
        var filter = new RosterRepeatFilter();
        for (var i = 0; i < 500_000; i++)
        {
            filter.Add(string.Create(CultureInfo.InvariantCulture, $"СЗ{i:D8}"), Name(i), December, "");
        }

        Assert.False(filter.MaybeRepeated);
        filter.Add(string.Create(CultureInfo.InvariantCulture, $"СЗ{repeated:D8}"), Name(repeated), December, "");
        Assert.True(filter.MaybeRepeated);
    }

    [Fact]
    public void Add_TheSamePersonOnAnotherDateOrProgramme_IsNoRepeat()
    {
        var filter = new RosterRepeatFilter();
        filter.Add("ЮП000105", "ЖУКОВА АННА", December, "POLY");
        filter.Add("ЮП000105", "ЖУКОВА АННА", December, "DENT-FULL");
        filter.Add("ЮП000105", "ЖУКОВА АННА", new DateOnly(2026, 12, 15), "DENT-FULL");
        filter.Add("ЮП000105", "ЖУКОВА АННА", null, "DENT-FULL");

        Assert.False(filter.MaybeRepeated);
    }

    private static readonly string[] Lasts = ["ИВАНОВ", "СМИРНОВ", "КУЗНЕЦОВ", "ПОПОВ", "ВАСИЛЬЕВ", "ПЕТРОВ", "СОКОЛОВ", "МИХАЙЛОВ", "НОВИКОВ", "ФЕДОРОВ"];
    private static readonly string[] Firsts = ["АЛЕКСЕЙ", "АНДРЕЙ", "ДМИТРИЙ", "СЕРГЕЙ", "АРТЕМ", "ИВАН", "МАКСИМ", "ЕГОР", "НИКИТА", "МИХАИЛ"];
    private static readonly string[] Middles = ["АЛЕКСАНДРОВИЧ", "СЕРГЕЕВИЧ", "ВИКТОРОВИЧ", "ОЛЕГОВИЧ", "ИГОРЕВИЧ", "ПЕТРОВИЧ"];

    // The load benchmark's people: 600 names over a million policies.
    private static string BenchmarkName(int i) => $"{Lasts[i % 10]} {Firsts[i / 10 % 10]} {Middles[i / 100 % 6]}";

    private static string Name(int i) => $"ИВАНОВ{i % 10} АЛЕКСЕЙ{i / 10 % 10} ПЕТРОВИЧ{i / 100 % 6}";
}
