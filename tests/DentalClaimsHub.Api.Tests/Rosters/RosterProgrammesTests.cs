using System.Text;
using DentalClaimsHub.Api.Rosters;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Storage.Rosters;
using DentalClaimsHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Tests.Rosters;

/// <summary>
/// A person listed twice on one date with two programmes (поликлиника and стоматология) holds both: a membership per
/// programme, dated like any other; a later date lists the programmes anew, and a detachment without a programme ends all.
/// </summary>
public sealed class RosterProgrammesTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    private const string TwoProgrammes = "yug-polis/bloki-dve-programmy-2026-12-01.csv";

    static RosterProgrammesTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Blocks_TwoProgrammesOnOneDate_AreTwoMemberships_AndTheSameRowsAgainChangeNothing()
    {
        var practice = await factory.CreatePracticeAsync();
        var file = File.ReadAllBytes(Path.Combine(RepositoryPaths.Samples, "dms", TwoProgrammes));

        var import = await RosterImportTests.ImportAsync(practice, "dms-yug", file, "dve-programmy.csv");

        Assert.Equal(("completed", "attach"), (import.Status, import.Kind));
        Assert.Equal(new RosterImportCounts(Attached: 5, Detached: 0, Changed: 0, Unchanged: 0, Duplicates: 1), import.Counts);
        Assert.Equal(
            [
                (new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 1), "DENT-FULL", 10m),
                (new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 1), "POLY", (decimal?)null),
                (new DateOnly(2027, 2, 1), (DateOnly?)null, "DENT-FULL", null),
            ],
            Periods(await MembershipsAsync(practice.Id, "ЮП000201")));
        Assert.Equal(
            [(new DateOnly(2026, 12, 1), (DateOnly?)null, "DENT-FULL", (decimal?)null), (new DateOnly(2026, 12, 1), null, "POLY", null)],
            Periods(await MembershipsAsync(practice.Id, "ЮП000202")));
        var before = await StampsAsync(practice.Id);

        // The same rows in another file (a trailing line, so not the same upload): nothing changes.
        var again = await RosterImportTests.ImportAsync(practice, "dms-yug", [.. file, .. "\r\n"u8], "dve-programmy-2.csv");

        Assert.NotEqual(import.Id, again.Id);
        Assert.Equal(new RosterImportCounts(Attached: 0, Detached: 0, Changed: 0, Unchanged: 5, Duplicates: 1), again.Counts);
        Assert.Equal(before, await StampsAsync(practice.Id));
    }

    [Fact]
    public async Task Detach_WithoutAProgramme_EndsEveryProgramme_WithOne_EndsOnlyThatOne()
    {
        var practice = await factory.CreatePracticeAsync();
        await RosterImportTests.ImportAsync(practice, "dms-yug", File.ReadAllBytes(Path.Combine(RepositoryPaths.Samples, "dms", TwoProgrammes)),
            "dve-programmy.csv");
        var detachments = Encoding.GetEncoding(1251).GetBytes(string.Join("\r\n",
            "Письмо № ЮП-1301 от 20.02.2027;;;;;;;", "Изменения в списке застрахованных с 01.03.2027;;;;;;;", "Договор № ЮП-ДМС-88/2026;;;;;;;",
            "№ полиса;ФИО;Дата рождения;Пол;Программа;Дата прикрепления;Дата открепления;Действие",
            "ЮП-000202;Лебедев Артём Семёнович;;М;;;01.03.2027;Открепить",
            "ЮП-000201;Комарова Ольга Ивановна;;Ж;ЮП-АПП;;15.01.2027;Открепить", ""));

        var import = await RosterImportTests.ImportAsync(practice, "dms-yug", detachments, "izmeneniya.csv");

        Assert.Equal(("completed", 2), (import.Status, import.Counts.Detached));
        Assert.Equal(
            [(new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 1), "DENT-FULL", (decimal?)null), (new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 1), "POLY", null)],
            Periods(await MembershipsAsync(practice.Id, "ЮП000202")));
        var komarova = Periods(await MembershipsAsync(practice.Id, "ЮП000201"));
        Assert.Equal((new DateOnly(2027, 1, 15), new DateOnly(2027, 2, 1)), (komarova.Single(p => p.Program == "POLY").To, komarova[0].To));
    }

    private static List<(DateOnly? From, DateOnly? To, string? Program, decimal? Franchise)> Periods(List<DmsMembership> memberships) =>
        [.. memberships.OrderBy(m => m.AttachedFrom).ThenBy(m => m.ProgramCode, StringComparer.Ordinal)
            .Select(m => (m.AttachedFrom, m.DetachedFrom, m.ProgramCode, m.FranchisePercent))];

    private Task<List<DmsMembership>> MembershipsAsync(Guid practiceId, string policyKey) =>
        factory.InDatabaseAsync(db => db.DmsMemberships.Where(m => m.PracticeId == practiceId && m.PolicyKey == policyKey).ToListAsync());

    private Task<List<(Guid, Guid, DateTimeOffset)>> StampsAsync(Guid practiceId) =>
        factory.InDatabaseAsync(async db => (await db.DmsMemberships.Where(m => m.PracticeId == practiceId).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.ImportId, m.UpdatedAt }).ToListAsync()).Select(m => (m.Id, m.ImportId, m.UpdatedAt)).ToList());
}
