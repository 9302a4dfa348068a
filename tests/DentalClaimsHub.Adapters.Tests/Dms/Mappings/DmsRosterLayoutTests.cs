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
    [InlineData("kind: { detach: 'откреп', default: full }", "kind: { default: sometimes }", "rosters.kind.default", "use attach, detach, full or mixed")]
    [InlineData("program: [Программа]", "programme: [Программа]", "rosters.columns.programme", "unknown field")]
    public void Load_BrokenSection_ReportsTheFieldAndTheRule(string good, string bad, string field, string message)
    {
        Assert.Contains(good, Valid, StringComparison.Ordinal);
        var errors = LoadErrors(Valid.Replace(good, bad, StringComparison.Ordinal));

        Assert.Contains(errors, error => error.Field == field && error.Message.Contains(message, StringComparison.Ordinal) && error.Line > 0);
    }

    private const string Mixed = """
        insurer: СК «Проба»
        rosters:
          formats: [csv]
          header: { cell: '^№\s*полиса$' }
          kind: { mixed: 'изменения', attach: 'прикреп' }
          rowKind: { column: true, sections: true, attach: '^прикреп', detach: '^откреп' }
          blocks: { start: fullName, carry: [fullName, policy, birthDate] }
          name: joined
          columns:
            policy: ['№ полиса']
            fullName: [ФИО]
            birthDate: ['Дата рождения']
            action: [Действие]

        """;

    [Fact]
    public void Load_MixedWithBlocks_BecomesTheLayout()
    {
        var layout = Load(Mixed).Rosters!;

        Assert.Matches(layout.Kinds[RosterKind.Mixed], "Изменения в списке");
        Assert.Equal((true, true), (layout.RowKinds!.Column, layout.RowKinds.Sections));
        Assert.Matches(layout.RowKinds.Detach, "ОТКРЕПИТЬ с 01.12.2026");
        Assert.Equal("fullName", layout.Blocks!.Start);
        Assert.Equal(["fullName", "policy", "birthDate"], layout.Blocks.Carry);
    }

    [Theory]
    [InlineData("kind: { mixed: 'изменения', attach: 'прикреп' }", "kind: { attach: 'прикреп' }", "rosters.rowKind", "mixed files only")]
    [InlineData("  rowKind: { column: true, sections: true, attach: '^прикреп', detach: '^откреп' }\n", "", "rosters.rowKind", "must say how a row")]
    [InlineData("column: true, sections: true", "column: false, sections: false", "rosters.rowKind.column", "say where a row's kind is written")]
    [InlineData("detach: '^откреп' }", "detach: '^(откреп' }", "rosters.rowKind.detach", "not a valid regular expression")]
    [InlineData("    action: [Действие]\n", "", "rosters.rowKind.column", "needs columns.action")]
    [InlineData("start: fullName,", "start: program,", "rosters.blocks.start", "'program' is not one of this layout's columns")]
    [InlineData("carry: [fullName, policy, birthDate]", "carry: [policy, birthDate]", "rosters.blocks.carry", "must carry the block's start field")]
    [InlineData("carry: [fullName, policy, birthDate]", "carry: [fullName, sex]", "rosters.blocks.carry", "'sex' is not one of this layout's columns")]
    [InlineData("blocks: { start: fullName,", "blocks: { begin: fullName,", "rosters.blocks.begin", "unknown field")]
    public void Load_BrokenMixedOrBlocks_ReportsTheFieldAndTheRule(string good, string bad, string field, string message)
    {
        Assert.Contains(good, Mixed, StringComparison.Ordinal);
        var errors = LoadErrors(Mixed.Replace(good, bad, StringComparison.Ordinal));

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
