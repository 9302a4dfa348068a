using System.Text;
using DentalClaimsHub.Api.Rosters;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Storage.Rosters;
using DentalClaimsHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Tests.Rosters;

/// <summary>
/// A clinic's first roster from an insurer is copied straight into the memberships; any later one is staged and diffed.
/// Both paths must leave the same memberships and counts — also when the file repeats a person (the first path then
/// falls back to the stage, which keeps the first row).
/// </summary>
public sealed class RosterFirstImportTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    private const string Earlier = "РАНЕЕ-1";

    static RosterFirstImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("dms-yug", "yug-polis/bloki-prikreplenie-2026-12-01.csv", false)]
    [InlineData("dms-yug", "yug-polis/bloki-dve-programmy-2026-12-01.csv", false)]
    [InlineData("dms-severnaya", "severnaya-zashchita/spisok-2026-12-01.csv", false)]
    [InlineData("demo-dms-insurer", "demo-med/prikreplenie-2026-12-01.xlsx", true)]
    [InlineData("dms-volga", "volga-garant/prikrepit-2026-11-20.xls", true)]
    [InlineData("dms-baltika", "baltika-life/spisok-2026-12.xml", true)]
    public async Task FirstImport_HoldsTheSameMembershipsAsTheDiffAgainstAnEarlierPeriod(string insurer, string sample, bool partial)
    {
        var file = File.ReadAllBytes(Path.Combine(RepositoryPaths.Samples, "dms", sample));
        var fresh = await factory.CreatePracticeAsync();
        var known = await factory.CreatePracticeAsync();
        // A period that ended years ago: the clinic is not new to the insurer, so its import takes the diff; nobody in the file is touched by it.
        await factory.InDatabaseAsync(async db =>
        {
            db.DmsMemberships.Add(new DmsMembership
            {
                Id = Guid.CreateVersion7(), PracticeId = known.Id, PayerId = insurer, PolicyKey = Earlier, PolicyNumber = Earlier, NameKey = "ранее",
                LastName = "Ранее", FirstName = "Был", AttachedFrom = new DateOnly(2020, 1, 1), DetachedFrom = new DateOnly(2021, 1, 1),
                ImportId = Guid.CreateVersion7(), UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        var first = await RosterImportTests.ImportAsync(fresh, insurer, file, Path.GetFileName(sample), partial);
        var diffed = await RosterImportTests.ImportAsync(known, insurer, file, Path.GetFileName(sample), partial);

        Assert.Equal("completed", first.Status);
        Assert.True(first.Counts.Attached > 0);
        Assert.Equal((diffed.Status, diffed.Counts, diffed.ErrorCount), (first.Status, first.Counts, first.ErrorCount));
        Assert.Equal(first.Errors.Select(e => (e.Row, e.Column, e.Reason)), diffed.Errors.Select(e => (e.Row, e.Column, e.Reason)));
        var memberships = await TermsAsync(fresh.Id);
        Assert.Equal(first.Counts.Attached, memberships.Count);
        Assert.Equal(memberships, await TermsAsync(known.Id));
    }

    [Fact]
    public async Task FirstImport_RepeatingAPerson_KeepsTheFirstRow_AndTheSameRowsAgainChangeNothing()
    {
        var practice = await factory.CreatePracticeAsync();
        var list = Encoding.GetEncoding(1251).GetBytes(string.Join("\r\n",
            "Письмо № ЮП-1200 от 25.11.2026;;;;;;;", "Прикрепление с 01.12.2026;;;;;;;", "Договор № ЮП-ДМС-88/2026;;;;;;;",
            "№ полиса;ФИО;Дата рождения;Пол;Программа;Дата прикрепления;Дата открепления;Действие",
            "ЮП-000301;Орлова Вера Павловна;02.03.1980;Ж;ЮП-СТОМ;;;", "ЮП-000302;Белов Олег Ильич;11.11.1975;М;ЮП-СТОМ;;;",
            "ЮП-000301;Орлова Вера Павловна;02.03.1981;Ж;ЮП-СТОМ;;;", ""));

        var import = await RosterImportTests.ImportAsync(practice, "dms-yug", list, "povtor.csv");

        Assert.Equal("completed", import.Status);
        Assert.Equal(new RosterImportCounts(Attached: 2, Detached: 0, Changed: 0, Unchanged: 0, Duplicates: 1), import.Counts);
        var orlova = await factory.InDatabaseAsync(db => db.DmsMemberships.SingleAsync(m => m.PracticeId == practice.Id && m.PolicyKey == "ЮП000301"));
        Assert.Equal(new DateOnly(1980, 3, 2), orlova.BirthDate);

        var again = await RosterImportTests.ImportAsync(practice, "dms-yug", [.. list, .. "\r\n"u8.ToArray()], "povtor-2.csv");
        Assert.Equal(new RosterImportCounts(Attached: 0, Detached: 0, Changed: 0, Unchanged: 2, Duplicates: 1), again.Counts);
        Assert.Equal(2, await factory.InDatabaseAsync(db => db.DmsMemberships.CountAsync(m => m.PracticeId == practice.Id)));
    }

    // Everything a membership says but its ids and stamps, in a stable order.
    private Task<List<string>> TermsAsync(Guid practiceId) => factory.InDatabaseAsync(async db =>
        (await db.DmsMemberships.AsNoTracking().Where(m => m.PracticeId == practiceId && m.PolicyKey != Earlier).ToListAsync())
        .Select(m => string.Join("|", m.PayerId, m.PolicyKey, m.PolicyNumber, m.NameKey, m.LastName, m.FirstName, m.MiddleName, m.BirthDate, m.Sex,
            m.ProgramCode, m.ProgramName, m.FranchisePercent, m.LimitAmount, string.Join(",", m.Exclusions), m.ContractNumber, m.Policyholder, m.Clinic, m.Phone,
            m.Address, m.AttachedFrom, m.DetachedFrom))
        .Order(StringComparer.Ordinal).ToList());
}
