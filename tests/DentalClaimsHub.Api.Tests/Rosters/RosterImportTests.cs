using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Rosters;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage.Rosters;
using DentalClaimsHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Tests.Rosters;

/// <summary>
/// Roster files end to end: multipart upload over HTTP, the worker applying them to the real database, the
/// line-numbered report, re-imports, detachments, full lists, encryption at rest, purge and eligibility from the roster.
/// </summary>
public sealed class RosterImportTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    private const string DemoAttach = "demo-med/prikreplenie-2026-12-01.xlsx";
    private const string DemoDetach = "demo-med/otkreplenie-2026-12-15.xlsx";
    private const string SevernayaList = "severnaya-zashchita/spisok-2026-12-01.csv";

    [Fact]
    public async Task Attach_WithABadRowAndNotPartial_AppliesNothingAndListsTheRow()
    {
        var practice = await factory.CreatePracticeAsync();
        var import = await ImportAsync(practice, "demo-dms-insurer", Sample(DemoAttach), "prikreplenie.xlsx");

        Assert.Equal("failed", import.Status);
        Assert.Equal(14, import.FailureRow);
        Assert.Contains("nothing was applied", import.Failure, StringComparison.Ordinal);
        var error = Assert.Single(import.Errors);
        Assert.Equal((14, "Дата рождения", "31.02.1990"), (error.Row, error.Column, error.Value));
        Assert.Equal(0, await MembershipsAsync(practice.Id));
    }

    [Fact]
    public async Task Attach_Partial_AppliesTheGoodRows_AndTheSameFileAgainIsTheSameImport()
    {
        var practice = await factory.CreatePracticeAsync();
        var import = await ImportAsync(practice, "demo-dms-insurer", Sample(DemoAttach), "prikreplenie.xlsx", partial: true);

        Assert.Equal("completed", import.Status);
        Assert.Equal(("attach", "xlsx", "ДМ-4471/12", "77-ДМС/2026"), (import.Kind, import.Format, import.DocumentNumber, import.ContractNumber));
        Assert.Equal(new RosterImportCounts(Attached: 4, Detached: 0, Changed: 0, Unchanged: 0, Duplicates: 1), import.Counts);
        Assert.Equal(14, Assert.Single(import.Errors).Row);
        Assert.Equal(4, await MembershipsAsync(practice.Id));

        using var again = await UploadAsync(practice.Client, "/v1/roster-imports", Sample(DemoAttach), "copy.xlsx", ("insurer", "demo-dms-insurer"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var duplicate = (await again.Content.ReadFromJsonAsync<RosterImportView>())!;
        Assert.True(duplicate.Duplicate);
        Assert.Equal(import.Id, duplicate.Id);
    }

    [Fact]
    public async Task Detach_EndsThePeriodOfTheNamedPerson_AndReportsAnUnknownPolicyWithoutInventingIt()
    {
        var practice = await factory.CreatePracticeAsync();
        await ImportAsync(practice, "demo-dms-insurer", Sample(DemoAttach), "prikreplenie.xlsx", partial: true);
        var import = await ImportAsync(practice, "demo-dms-insurer", Sample(DemoDetach), "otkreplenie.xlsx");

        Assert.Equal("completed", import.Status);
        Assert.Equal("detach", import.Kind);
        Assert.Equal(1, import.Counts.Detached);
        var notice = Assert.Single(import.Errors);
        Assert.Equal((8, false), (notice.Row, notice.Blocking));
        Assert.Contains("not applied", notice.Reason, StringComparison.Ordinal);
        var kovaleva = await factory.InDatabaseAsync(db => db.DmsMemberships.SingleAsync(m => m.PracticeId == practice.Id && m.PolicyKey == "ДМ0012345602"));
        Assert.Equal(new DateOnly(2026, 12, 15), kovaleva.DetachedFrom);
        Assert.Equal(4, await MembershipsAsync(practice.Id));
    }

    [Fact]
    public async Task FullList_ReimportedChangesNothing_AndALaterListDetachesWhoItNoLongerNames()
    {
        var practice = await factory.CreatePracticeAsync();
        var bytes = Sample(SevernayaList);
        var first = await ImportAsync(practice, "dms-severnaya", bytes, "spisok.csv");
        Assert.Equal(("completed", "full", "windows-1251"), (first.Status, first.Kind, first.Encoding));
        Assert.Equal(4, first.Counts.Attached);

        // The same rows in a file that differs (a trailing empty line): applied again, nothing changes.
        var same = await ImportAsync(practice, "dms-severnaya", [.. bytes, .. "\r\n"u8.ToArray()], "spisok-2.csv");
        Assert.Equal(new RosterImportCounts(0, 0, 0, 4, 0), same.Counts);

        // A list without Лебедев, re-encoded as UTF-8: he is detached on the list's date, the others stay.
        var text = Encoding.GetEncoding(1251).GetString(bytes);
        var without = string.Join("\r\n", text.Split("\r\n").Where(line => !line.StartsWith("СЗ-000773;", StringComparison.Ordinal)));
        var later = await ImportAsync(practice, "dms-severnaya", Encoding.UTF8.GetBytes(without), "spisok-3.csv");
        Assert.Equal(("completed", "utf-8"), (later.Status, later.Encoding));
        Assert.Equal(new RosterImportCounts(0, 1, 0, 3, 0), later.Counts);
        var lebedev = await factory.InDatabaseAsync(db => db.DmsMemberships.SingleAsync(m => m.PracticeId == practice.Id && m.PolicyKey == "СЗ000773"));
        Assert.Equal(new DateOnly(2026, 12, 1), lebedev.DetachedFrom);
    }

    [Fact]
    public async Task Mixed_AttachesAndDetachesPerRow_AndABrokenMixedFileChangesNothing()
    {
        var practice = await factory.CreatePracticeAsync();
        var attached = await ImportAsync(practice, "dms-yug", YugAttachedBefore(), "prikreplenie-11.csv");
        Assert.Equal(("completed", 2), (attached.Status, attached.Counts.Attached));

        var broken = await ImportAsync(practice, "dms-yug", Sample("invalid/yug-polis/izmeneniya-bad-action.csv"), "izmeneniya-bad.csv");

        Assert.Equal(("failed", "mixed"), (broken.Status, broken.Kind));
        Assert.Equal([8, 9], broken.Errors.Select(e => e.Row));
        Assert.Equal(2, await MembershipsAsync(practice.Id));
        Assert.Null((await YugAsync(practice.Id, "ЮП000077")).Single().DetachedFrom);

        var mixed = await ImportAsync(practice, "dms-yug", Sample("yug-polis/izmeneniya-2026-12-01.csv"), "izmeneniya.csv");

        Assert.Equal(("completed", "mixed"), (mixed.Status, mixed.Kind));
        Assert.Equal(new RosterImportCounts(Attached: 2, Detached: 2, Changed: 0, Unchanged: 0, Duplicates: 0), mixed.Counts);
        Assert.Empty(mixed.Errors);
        Assert.Equal(new DateOnly(2026, 12, 15), (await YugAsync(practice.Id, "ЮП000077")).Single().DetachedFrom);
        Assert.Equal(new DateOnly(2026, 12, 1), (await YugAsync(practice.Id, "ЮП000078")).Single().DetachedFrom);
        var abramova = (await YugAsync(practice.Id, "ЮП000101")).Single();
        Assert.Equal((new DateOnly(2026, 12, 1), null, "DENT-FULL"), (abramova.AttachedFrom, abramova.DetachedFrom, abramova.ProgramCode));

        var sections = await ImportAsync(practice, "dms-yug", Sample("yug-polis/razdely-2026-12-01.csv"), "razdely.csv");
        Assert.Equal(("completed", 2), (sections.Status, sections.Counts.Attached));
        Assert.Equal(2, sections.Errors.Count(e => e.Reason.Contains("not applied", StringComparison.Ordinal))); // 079 and 080 were never attached
    }

    [Fact]
    public async Task Blocks_ContinuationRowsBecomeThePersonsLaterPeriods()
    {
        var practice = await factory.CreatePracticeAsync();

        var import = await ImportAsync(practice, "dms-yug", Sample("yug-polis/bloki-prikreplenie-2026-12-01.csv"), "bloki.csv");

        Assert.Equal(("completed", "attach"), (import.Status, import.Kind));
        var zhukova = (await YugAsync(practice.Id, "ЮП000105")).OrderBy(m => m.AttachedFrom).ToList();
        Assert.Equal([(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15), "POLY"), (new DateOnly(2026, 12, 15), (DateOnly?)null, "DENT-FULL")],
            zhukova.Select(m => (m.AttachedFrom, m.DetachedFrom, m.ProgramCode)));
        Assert.All(zhukova, m => Assert.Equal(("Жукова", new DateOnly(1993, 6, 14)), (m.LastName, m.BirthDate)));
        Assert.Equal(2, (await YugAsync(practice.Id, "ЮП000106")).Count);
        Assert.Single(await YugAsync(practice.Id, "ЮП000107"));
    }

    // ЮП-000077 and ЮП-000078 attached from November, before the mixed file detaches them.
    private static byte[] YugAttachedBefore() => Encoding.GetEncoding(1251).GetBytes(string.Join("\r\n",
        "Письмо № ЮП-1100 от 25.10.2026;;;;;;;", "Прикрепление с 01.11.2026;;;;;;;", "Договор № ЮП-ДМС-88/2026;;;;;;;",
        "№ полиса;ФИО;Дата рождения;Пол;Программа;Дата прикрепления;Дата открепления;Действие",
        "ЮП-000077;Гусев Роман Ильич;12.12.1972;М;ЮП-СТОМ;;;", "ЮП-000078;Дроздова Нина Павловна;01.07.1966;Ж;ЮП-СТОМ;;;", ""));

    private Task<List<DmsMembership>> YugAsync(Guid practiceId, string policyKey) =>
        factory.InDatabaseAsync(db => db.DmsMemberships.Where(m => m.PracticeId == practiceId && m.PolicyKey == policyKey).ToListAsync());

    [Fact]
    public async Task Insurer_PushesXmlForAClinicByInn_SeesItsImportWithoutCells()
    {
        var practice = await factory.CreatePracticeAsync();
        var inn = "7707083893";
        await factory.UpdatePracticeAsync(practice.Id, p => p.SetIdentifiers(p.Npi, p.TaxId, Inn.Parse(inn), null));
        var insurer = await factory.CreateInsurerClientAsync("dms-baltika");

        using var posted = await UploadAsync(insurer, "/inbound/dms-baltika/rosters", Sample("baltika-life/spisok-2026-12.xml"), "spisok.xml",
            ("practice", inn));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var queued = (await posted.Content.ReadFromJsonAsync<RosterImportView>())!;
        var done = await WaitAsync(id => insurer.GetAsync($"/inbound/dms-baltika/rosters/{id}"), queued.Id);
        Assert.Equal(("completed", "xml", 2), (done.Status, done.Format, done.Counts.Attached));

        using var otherInsurer = await UploadAsync(insurer, "/inbound/dms-severnaya/rosters", Sample(SevernayaList), "x.csv", ("practice", inn));
        Assert.Equal(HttpStatusCode.Forbidden, otherInsurer.StatusCode);
        using var unknownClinic = await UploadAsync(insurer, "/inbound/dms-baltika/rosters", Sample("baltika-life/spisok-2026-12.xml"), "x.xml",
            ("practice", "500100732259"));
        await ProblemAssert.HasFieldErrorsAsync(unknownClinic, "$.practice");
    }

    [Fact]
    public async Task PasswordZip_IsOpenedWithThePasswordSentSeparately_AndAWrongPasswordIsAClearRefusal()
    {
        var practice = await factory.CreatePracticeAsync();
        var zip = Zip("Пароль-2026", Sample(SevernayaList));

        var wrong = await ImportAsync(practice, "dms-severnaya", zip, "spisok.zip", password: "nope");
        Assert.Equal("failed", wrong.Status);
        Assert.Contains("password", wrong.Failure, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await MembershipsAsync(practice.Id));

        // The same file again with the right password: the refused import runs again.
        var right = await ImportAsync(practice, "dms-severnaya", zip, "spisok.zip", password: "Пароль-2026");
        Assert.Equal(wrong.Id, right.Id);
        Assert.Equal(("completed", "csv", 4), (right.Status, right.Format, right.Counts.Attached));
        var stored = await factory.InDatabaseAsync(db => db.RosterImports.SingleAsync(i => i.Id == right.Id));
        Assert.Null(stored.ZipPassword);
    }

    private static byte[] Zip(string password, byte[] content)
    {
        using var stream = new MemoryStream();
        using (var zip = new ICSharpCode.SharpZipLib.Zip.ZipOutputStream(stream) { IsStreamOwner = false })
        {
            zip.Password = password;
            zip.PutNextEntry(new ICSharpCode.SharpZipLib.Zip.ZipEntry("spisok.csv") { AESKeySize = 256, IsUnicodeText = true });
            zip.Write(content);
            zip.CloseEntry();
        }

        return stream.ToArray();
    }

    [Fact]
    public async Task StoredFile_IsEncryptedAtRest_AndPurgedAfterRetention()
    {
        var practice = await factory.CreatePracticeAsync();
        var bytes = Sample(SevernayaList);
        var import = await ImportAsync(practice, "dms-severnaya", bytes, "spisok.csv");

        var chunks = await factory.InDatabaseAsync(db => db.RosterImportChunks.Where(c => c.ImportId == import.Id).ToListAsync());
        var stored = Assert.Single(chunks).Protected;
        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.GetEncoding(1251).GetBytes("Орлов")));
        Assert.Equal(-1, stored.AsSpan().IndexOf("СЗ-000771"u8));

        var purged = await factory.InDatabaseAsync(db => RosterFileStore.PurgeAsync(db, DateTimeOffset.UtcNow.AddDays(91), CancellationToken.None));
        Assert.True(purged >= 1);
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.RosterImportChunks.CountAsync(c => c.ImportId == import.Id)));
        using var read = await practice.Client.GetAsync($"/v1/roster-imports/{import.Id}");
        var after = (await read.Content.ReadFromJsonAsync<RosterImportView>())!;
        Assert.False(after.FileStored);
        Assert.Equal(4, after.Counts.Attached);
    }

    [Fact]
    public async Task Eligibility_FollowsTheRoster_ActiveInItsPeriodWithItsTerms_InactiveBeforeAndWhenDentistryIsExcluded()
    {
        var practice = await factory.CreatePracticeAsync();
        await ImportAsync(practice, "demo-dms-insurer", Sample(DemoAttach), "prikreplenie.xlsx", partial: true);

        var semin = await CheckAsync(practice, "Сёмин", "Пётр", "Ильич", "ДМ 0012 345601", new DateOnly(2026, 12, 10));
        Assert.Equal("active", semin.CoverageStatus);
        Assert.Contains(semin.Benefits, b => b.Percent == 10m);
        Assert.Contains(semin.Benefits, b => b.Note?.Contains("DENT-BASIC", StringComparison.Ordinal) == true);
        Assert.Equal(new DateOnly(2026, 12, 1), semin.PlanBegin);

        var early = await CheckAsync(practice, "Семин", "Петр", "Ильич", "ДМ0012345601", new DateOnly(2026, 11, 20));
        Assert.Equal("inactive", early.CoverageStatus);
        Assert.Contains(early.Benefits, b => b.Note?.Contains("Прикрепление с 01.12.2026", StringComparison.Ordinal) == true);

        var mamedov = await CheckAsync(practice, "Мамедов", "Рашид", "Али оглы", "ДМ 0012 345603", new DateOnly(2026, 12, 10));
        Assert.Equal("inactive", mamedov.CoverageStatus);

        var stranger = await CheckAsync(practice, "Чужой", "Павел", null, "ДМ 0012 345601", new DateOnly(2026, 12, 10));
        Assert.Equal("inactive", stranger.CoverageStatus);
        Assert.Contains(stranger.Benefits, b => b.Note?.Contains("под другим ФИО", StringComparison.Ordinal) == true);
    }

    internal static async Task<EligibilityResultDto> CheckAsync(TestPractice practice, string last, string first, string? middle, string policy,
        DateOnly date, string payerId = "demo-dms-insurer")
    {
        var request = new EligibilityRequest
        {
            Patient = TestData.NewPatientRequest() with { Name = new PersonNameDto { Last = last, First = first, Middle = middle } },
            Coverage = TestData.NewDmsCoverageRequest() with { PayerId = payerId, MemberId = policy },
            DateOfService = date,
        };
        using var response = await practice.Client.PostAsJsonAsync("/v1/eligibility", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EligibilityResponse>())!.Result!;
    }

    internal static byte[] Sample(string path) => File.ReadAllBytes(Path.Combine(RepositoryPaths.Samples, "dms", path));

    private Task<int> MembershipsAsync(Guid practiceId) => factory.InDatabaseAsync(db => db.DmsMemberships.CountAsync(m => m.PracticeId == practiceId));

    internal static async Task<RosterImportView> ImportAsync(TestPractice practice, string insurer, byte[] content, string fileName, bool partial = false,
        string? password = null)
    {
        using var posted = await UploadAsync(practice.Client, "/v1/roster-imports", content, fileName,
            [("insurer", insurer), ("partial", partial ? "true" : "false"), .. password is null ? Array.Empty<(string, string)>() : [("password", password)]]);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var queued = (await posted.Content.ReadFromJsonAsync<RosterImportView>())!;
        Assert.Equal($"/v1/roster-imports/{queued.Id}", posted.Headers.Location?.OriginalString);
        return await WaitAsync(id => practice.Client.GetAsync($"/v1/roster-imports/{id}"), queued.Id);
    }

    private static async Task<RosterImportView> WaitAsync(Func<Guid, Task<HttpResponseMessage>> get, Guid id)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var response = await get(id);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var view = (await response.Content.ReadFromJsonAsync<RosterImportView>())!;
            if (view.Status is "completed" or "failed")
            {
                return view;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Roster import {id} did not finish in 30 s.");
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] content, string fileName,
        params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return client.PostAsync(url, form);
    }
}

/// <summary><c>dch roster import</c> against the hub over HTTP (the test server's handler stands in for the network).</summary>
public sealed class RosterCliTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    [Fact]
    public async Task RosterImport_UploadsFollowsAndReports()
    {
        var practice = await factory.CreatePracticeAsync();
        var file = Path.Combine(RepositoryPaths.Samples, "dms", "demo-med", "prikreplenie-2026-12-01.xlsx");
        Cli.Rosters.RosterCommands.Handler = factory.Server.CreateHandler();
        try
        {
            var (code, output, error) = Run("roster", "import", file, "--insurer", "demo-dms-insurer", "--key", practice.ApiKey, "--hub", "http://hub.test", "--partial");
            Assert.True(code == Cli.DchCli.Invalid, $"exit {code}: {output} {error}");
            Assert.Contains("completed", output, StringComparison.Ordinal);
            Assert.Contains("attach", output, StringComparison.Ordinal);
            Assert.Contains("row 14, Дата рождения: not a date", output, StringComparison.Ordinal);
            Assert.DoesNotContain("31.02.1990", output, StringComparison.Ordinal);

            var again = Run("roster", "import", file, "--insurer", "demo-dms-insurer", "--key", practice.ApiKey, "--hub", "http://hub.test");
            Assert.Contains("imported before", again.Output, StringComparison.Ordinal);

            var unknown = Run("roster", "import", file, "--insurer", "no-such-insurer", "--key", practice.ApiKey, "--hub", "http://hub.test");
            Assert.Equal(Cli.DchCli.Unreadable, unknown.Code);
            Assert.Contains("no roster layout", unknown.Error, StringComparison.Ordinal);
        }
        finally
        {
            Cli.Rosters.RosterCommands.Handler = null;
        }

        await Task.CompletedTask;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Cli.DchCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
