using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Rosters;

namespace DentalClaimsHub.Adapters.Tests.Dms.Mappings;

/// <summary>The <c>rosters:</c> section of <c>mappings/dms/*.yaml</c>: what a valid one becomes, and the error a broken one gets
/// (file, line, field and the rule), all errors of a file at once.</summary>
public sealed class DmsRosterLayoutTests : IDisposable
{
    private const string Valid = """
        insurer: СК «Проба»
        rosters:
          formats: [csv, xlsx]
          header: { cell: '^№\s*полиса$' }
          kind: { detach: 'откреп', default: full }
          name: joined
          columns:
            policy: ['№ полиса']
            fullName: [ФИО]
            birthDate: ['Дата рождения']
            program: [Программа]
          fillDown: [program]
          freeText:
            franchise: 'Франшиза\s*(?<percent>\d+)%'
          programs:
            - { match: '^СТ', code: DENT, name: Стоматология }

        """;

    private readonly string directory = Directory.CreateTempSubdirectory("dms-roster-layout-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Load_ValidSection_BecomesTheLayout()
    {
        var layout = Load(Valid).Rosters!;

        Assert.True(layout.JoinedName);
        Assert.Equal(RosterKind.Full, layout.DefaultKind);
        Assert.Matches(layout.Kinds[RosterKind.Detach], "Открепление 01.12.2026");
        Assert.Equal(["program"], layout.Table.FillDown);
        Assert.Equal(30, layout.Table.HeaderWithin);
        Assert.Equal("DENT", Assert.Single(layout.Programs).Code);
    }

    [Theory]
    [InlineData("name: joined", "name: both", "rosters.name", "use joined")]
    [InlineData("fullName: [ФИО]", "lastName: [Фамилия]", "rosters.columns.fullName", "needs this column")]
    [InlineData("formats: [csv, xlsx]", "formats: [csv, pdf]", "rosters.formats", "'pdf' is not a format")]
    [InlineData("(?<percent>\\d+)%", "(\\d+)%", "rosters.freeText.franchise", "(?<percent>")]
    [InlineData("'^№\\s*полиса$'", "'^№(полиса'", "rosters.header.cell", "not a valid regular expression")]
    [InlineData("fillDown: [program]", "fillDown: [clinic]", "rosters.fillDown", "'clinic' is not one of this layout's columns")]
    [InlineData("kind: { detach: 'откреп', default: full }", "kind: { default: sometimes }", "rosters.kind.default", "use attach, detach or full")]
    [InlineData("program: [Программа]", "programme: [Программа]", "rosters.columns.programme", "unknown field")]
    public void Load_BrokenSection_ReportsTheFieldAndTheRule(string good, string bad, string field, string message)
    {
        Assert.Contains(good, Valid, StringComparison.Ordinal);
        var errors = LoadErrors(Valid.Replace(good, bad, StringComparison.Ordinal));

        Assert.Contains(errors, error => error.Field == field && error.Message.Contains(message, StringComparison.Ordinal) && error.Line > 0);
    }

    [Fact]
    public void Load_SeveralProblems_AreAllReportedAtOnce()
    {
        var errors = LoadErrors(Valid.Replace("name: joined", "name: both", StringComparison.Ordinal)
            .Replace("formats: [csv, xlsx]", "formats: [pdf]", StringComparison.Ordinal));

        Assert.Contains(errors, error => error.Field == "rosters.name");
        Assert.Contains(errors, error => error.Field == "rosters.formats");
    }

    private DmsMapping Load(string yaml)
    {
        var (catalog, errors) = LoadCatalog(yaml);
        Assert.Empty(errors);
        return Assert.Single(catalog.Mappings);
    }

    private IReadOnlyList<PayerProfileError> LoadErrors(string yaml)
    {
        var (catalog, errors) = LoadCatalog(yaml);
        Assert.Empty(catalog.Mappings);
        return errors;
    }

    private (DmsMappingCatalog Catalog, IReadOnlyList<PayerProfileError> Errors) LoadCatalog(string yaml)
    {
        foreach (var old in Directory.EnumerateFiles(directory))
        {
            File.Delete(old);
        }

        File.WriteAllText(Path.Combine(directory, "proba.yaml"), yaml);
        return DmsMappingCatalog.Load(directory);
    }
}
