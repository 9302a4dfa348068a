using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Testing;
using Microsoft.EntityFrameworkCore;
using DentalClaimsHub.PayerSimulator.X12;
using Microsoft.Playwright;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>The console's roster-import and eligibility logs over imports and checks made through the real API.</summary>
public sealed class ConsoleLogsBrowserTests(ConsoleBrowserFactory factory) : IClassFixture<ConsoleBrowserFactory>
{
    [Fact]
    public async Task A_refused_roster_shows_its_line_numbered_row_problems_and_the_eligibility_log_lists_a_check()
    {
        var practice = await factory.CreatePracticeAsync("Logs Dental");
        var importId = await ImportBadDatesAsync(practice);

        var check = await practice.Client.PostAsJsonAsync("/v1/eligibility", new EligibilityRequest
        {
            Patient = TestData.NewPatientRequest(), Coverage = TestData.NewDmsCoverageRequest(), DateOfService = new DateOnly(2026, 12, 1),
        });
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var checkId = (await check.Content.ReadFromJsonAsync<EligibilityResponse>())!.Id;

        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await ConsolePageTesting.SignInAsync(factory, page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Roster imports" }).ClickAsync();
        var row = page.Locator($"tr[data-import='{importId}']");
        await Assertions.Expect(row).ToContainTextAsync("Failed");
        await ConsoleBrowserTests.AccessibleAsync(page, "10-rosters");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("[data-status='Failed']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.row-errors tbody tr").First).ToBeVisibleAsync();
        var firstRow = await page.Locator("table.row-errors tbody tr").First.GetAttributeAsync("data-row");
        Assert.True(int.Parse(firstRow!, System.Globalization.CultureInfo.InvariantCulture) > 1);
        await ConsoleBrowserTests.AccessibleAsync(page, "11-roster-errors");
        Assert.True(await factory.InDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "roster-import" && e.EntityId == importId.ToString()
            && e.Action == "phi.read" && e.ActorKind == "console-user")));

        await page.GetByRole(AriaRole.Link, new() { Name = "Eligibility log" }).ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-check='{checkId}']")).ToContainTextAsync("Logs Dental");
        await ConsoleBrowserTests.AccessibleAsync(page, "12-eligibility");
        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Журнал проверок страхового покрытия");
        // The coverage the payer reported reads in words, not as the enum's English name.
        var coverage = (await factory.InDatabaseAsync(db => db.EligibilityChecks.AsNoTracking().SingleAsync(c => c.Id == checkId))).Result?.Status;
        Assert.NotNull(coverage);
        var said = new Dictionary<DentalClaimsHub.Domain.Eligibility.CoverageStatus, string>
        {
            [DentalClaimsHub.Domain.Eligibility.CoverageStatus.Active] = "Действует", [DentalClaimsHub.Domain.Eligibility.CoverageStatus.Inactive] = "Не действует",
            [DentalClaimsHub.Domain.Eligibility.CoverageStatus.NotFound] = "Не найдено", [DentalClaimsHub.Domain.Eligibility.CoverageStatus.Unknown] = "Неизвестно",
        };
        await Assertions.Expect(page.Locator($"tr[data-check='{checkId}']")).ToContainTextAsync(said[coverage.Value]);

        // A check the payer answered for another trace, through the API: the log words its stored code, the traces as given.
        var member = DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks.Member("LOGTRC");
        factory.Simulator.UseForMemberPrefix("LOGTRC", CoreRealtimeModule.EligibilityOtherTrace);
        var (_, otherTrace) = await DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks.PostAsync(practice.Client,
            DentalClaimsHub.Api.Tests.Eligibility.X12.X12Checks.Request(member));
        Assert.Equal("failed", otherTrace.Status);
        var (code, args) = await DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks.StoredReasonAsync(factory, otherTrace.Id);
        Assert.Equal(PayerReasons.OtherTrace, code);

        // Checks failed before reasons carried a code read by their English: the hub's own sentence, anything else as the payer's details.
        var done = await factory.InDatabaseAsync(db => db.EligibilityChecks.AsNoTracking().SingleAsync(c => c.Id == checkId));
        var (unreachable, refused) = (await FailedCheckAsync(done, EligibilityFailureReasons.Unreachable),
            await FailedCheckAsync(done, "SOAP fault: Member not on file"));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"tr[data-check='{otherTrace.Id}'] [data-failure]"))
            .ToHaveTextAsync($"Ошибка на стороне плательщика: Ответ 271 относится к трассировке «{args[0]}», а не к трассировке этого запроса «{args[1]}».");
        await Assertions.Expect(page.Locator($"tr[data-check='{unreachable}'] [data-failure]"))
            .ToHaveTextAsync("Плательщик недоступен: Не удалось вовремя связаться с плательщиком.");
        await Assertions.Expect(page.Locator($"tr[data-check='{refused}'] [data-failure]"))
            .ToHaveTextAsync("Плательщик недоступен: подробности от плательщика (как получены): SOAP fault: Member not on file");
    }

    [Fact]
    public async Task A_refused_roster_reads_in_Russian_on_the_Russian_page_and_keeps_its_English_in_the_API()
    {
        var practice = await factory.CreatePracticeAsync("Roster RU Dental");
        var importId = await ImportBadDatesAsync(practice);

        var stored = await factory.InDatabaseAsync(db => db.RosterImports.AsNoTracking().SingleAsync(r => r.Id == importId));
        Assert.Equal(DentalClaimsHub.Api.Rosters.RosterImportReasons.RowsRejectedNotPartial, stored.FailureCode);
        Assert.Equal(["2"], stored.FailureArgs);
        Assert.All(stored.Errors, e => Assert.Equal(DentalClaimsHub.Adapters.Dms.Rosters.DmsRosterReasons.NotADate, e.Code));
        // The API shows the English as before, without the codes.
        var view = await practice.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/v1/roster-imports/{importId}");
        Assert.Equal(stored.Failure, view.GetProperty("failure").GetString());
        var apiError = view.GetProperty("errors")[0];
        Assert.Equal("not a date in dd.MM.yyyy or d.M.yyyy or dd.MM.yy.", apiError.GetProperty("reason").GetString());
        Assert.False(apiError.TryGetProperty("code", out _));
        Assert.False(apiError.TryGetProperty("args", out _));

        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await ConsolePageTesting.SignInAsync(factory, page);
        await page.GotoAsync($"/console/rosters/{importId}");
        await Assertions.Expect(page.Locator("[data-status='Failed']")).ToBeVisibleAsync();
        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-failure]"))
            .ToHaveTextAsync("Строк с ошибками: 2. Ничего не применено: импорт не отмечен как частичный. Строки перечислены ниже.");
        var row4 = page.Locator("table.row-errors tr[data-row='4']");
        await Assertions.Expect(row4).ToContainTextAsync("Начало обслуживания");
        await Assertions.Expect(row4).ToContainTextAsync("32.01.2026");
        await Assertions.Expect(row4.Locator("[data-reason]")).ToHaveTextAsync("Не дата: ожидается формат ДД.ММ.ГГГГ или Д.М.ГГГГ или ДД.ММ.ГГ.");
        await Assertions.Expect(page.Locator("table.row-errors tr[data-row='3'] [data-reason]"))
            .ToHaveTextAsync("Не дата: ожидается формат ДД.ММ.ГГГГ или Д.М.ГГГГ или ДД.ММ.ГГ.");
        var content = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("not a date", content, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be read", content, StringComparison.Ordinal);
    }

    private async Task<Guid> FailedCheckAsync(DentalClaimsHub.Domain.Eligibility.EligibilityCheck like, string reason)
    {
        var check = DentalClaimsHub.Domain.Eligibility.EligibilityCheck.Create(like.PracticeId, like.PatientId, like.CoverageId, like.PayerId,
            like.ServiceDate, DateTimeOffset.UtcNow);
        check.Fail(DentalClaimsHub.Domain.Eligibility.EligibilityFailureCodes.PayerUnavailable, reason, DateTimeOffset.UtcNow);
        await factory.InDatabaseAsync(async db =>
        {
            db.EligibilityChecks.Add(check);
            await db.SaveChangesAsync();
            return 0;
        });
        return check.Id;
    }

    // The refused roster both tests read: Северная защита's list with impossible dates, imported and finished.
    private async Task<Guid> ImportBadDatesAsync(TestPractice practice)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Samples, "dms", "invalid", "severnaya-zashchita", "bad-dates.csv")));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "bad-dates.csv");
        form.Add(new StringContent("dms-severnaya"), "insurer");
        var posted = await practice.Client.PostAsync("/v1/roster-imports", form);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var importId = (await posted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        for (var i = 0; i < 100 && await factory.InDatabaseAsync(db => db.RosterImports.Where(r => r.Id == importId).Select(r => r.FinishedAt).SingleAsync()) is null; i++)
        {
            await Task.Delay(100);
        }

        return importId;
    }
}
