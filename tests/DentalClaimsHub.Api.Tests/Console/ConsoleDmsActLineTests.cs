using System.Globalization;
using DentalClaimsHub.Api.AdminConsole.Dms;
using DentalClaimsHub.Storage.AdminConsole;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using DentalClaimsHub.Storage.DmsActs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>A line a ДМС insurer's act refused reaches the work queue; the billing specialist disputes it, then accepts it.</summary>
public sealed class ConsoleDmsActLineTests(ConsoleBrowserFactory factory) : IClassFixture<ConsoleBrowserFactory>
{
    [Fact]
    public async Task A_refused_act_line_is_in_the_queue_and_is_disputed_then_accepted()
    {
        var practice = await factory.CreatePracticeAsync("Act Dental");
        var line = DmsActLine.Create(7, "Р-2026-11", "DMS-UNKNOWN-1", null, new DateOnly(2026, 11, 3), "A16.07.002", "36", 1, 4500m, 0m, 4500m, "14",
            "Услуга не входит в программу", "NotInProgram");
        line.Unmatched(DmsActMatchFailures.NoClaim, "no claim DMS-UNKNOWN-1 of this clinic was sent to demo-dms-insurer.");
        var act = DmsAct.Create(practice.Id, "demo-dms-insurer", "АКТ-77", new string('a', 64), "akt-77.xlsx", null, [line], [], DateTimeOffset.UtcNow);
        await factory.InDatabaseAsync(async db =>
        {
            db.DmsActs.Add(act);
            return await db.SaveChangesAsync();
        });

        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await ConsolePageTesting.SignInAsync(factory, page);
        var row = page.Locator($"tr[data-item='{line.Id}']");
        await Assertions.Expect(row.Locator(".reason")).ToHaveTextAsync("ДМС акт unmatched");
        await Assertions.Expect(page.Locator("[data-reason='ДМС акт unmatched']")).ToHaveTextAsync("ДМС акт: Not matched to a claim");
        await Assertions.Expect(row).ToContainTextAsync("4,500.00 RUB");
        await Assertions.Expect(row.Locator("[data-line-status='Open']")).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = "DMS-UNKNOWN-1" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-unmatched]")).ToContainTextAsync("no claim DMS-UNKNOWN-1 of this clinic");
        await page.Locator("[data-field='note']").FillAsync("Программа клиента включает эту услугу, п. 4.2 договора");
        await page.ClickAsync("[data-action='dispute']");
        await Assertions.Expect(page.Locator("dd[data-line-status='Disputed']")).ToBeVisibleAsync();
        await ConsoleBrowserTests.AccessibleAsync(page, "13-act-line");

        await page.GotoAsync("/console/queue");
        await Assertions.Expect(page.Locator($"tr[data-item='{line.Id}'] [data-line-status='Disputed']")).ToBeVisibleAsync();
        await page.GotoAsync($"/console/dms-lines/{line.Id}");
        await page.Locator("[data-field='note']").FillAsync("Страховая подтвердила снятие");
        await page.ClickAsync("[data-action='accept']");
        await Assertions.Expect(page.Locator("dd[data-line-status='Accepted']")).ToBeVisibleAsync();
        await page.GotoAsync("/console/queue");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Work queue");
        await Assertions.Expect(page.Locator($"tr[data-item='{line.Id}']")).ToHaveCountAsync(0);

        var actions = await factory.InDatabaseAsync(db => db.AuditEvents.Where(e => e.EntityId == line.Id.ToString() && e.ActorKind == "console-user")
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["phi.read", "dms-act-line.disputed", "phi.read", "dms-act-line.accepted"], actions);
    }

    [Fact]
    public async Task What_working_an_act_line_refuses_is_said_in_the_users_language()
    {
        DmsActLineView As(string role) => new(factory.Services.GetRequiredService<IDbContextFactory<DentalClaimsHub.Storage.HubDbContext>>(),
            factory.Services.GetRequiredService<DentalClaimsHub.Adapters.Profiles.PayerProfileCatalog>(), ConsolePageTesting.SessionOf(Guid.NewGuid(), role),
            TimeProvider.System, factory.Services.GetRequiredService<IStringLocalizer<AdminConsole.ConsoleText>>());
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
        try
        {
            var billing = As(ConsoleRoles.Billing);
            Assert.Equal("Напишите причину (она попадёт в переписку со страховщиком и в журнал аудита).", await billing.DisputeAsync(Guid.NewGuid(), " ", default));
            Assert.Equal("Такой строки акта нет.", await billing.AcceptAsync(Guid.NewGuid(), "снято", default));
            Assert.Equal("Работать с отказами ДМС могут только специалисты по биллингу и администраторы.",
                await As(ConsoleRoles.Auditor).DisputeAsync(Guid.NewGuid(), "спор", default));

            // The line's own rules: a line already written off is neither disputed nor accepted again.
            var practice = await factory.CreatePracticeAsync("Act Rules Dental");
            var line = DmsActLine.Create(3, null, "DMS-UNKNOWN-2", null, new DateOnly(2026, 11, 3), "A16.07.002", "36", 1, 4500m, 0m, 4500m, "14",
                "Услуга не входит в программу", "NotInProgram");
            line.Unmatched(DmsActMatchFailures.NoLine, "claim DMS-UNKNOWN-2 has no A16.07.002 line for tooth 36 not already answered.");
            line.Accept("списано", "test", DateTimeOffset.UtcNow);
            await factory.InDatabaseAsync(async db =>
            {
                db.DmsActs.Add(DmsAct.Create(practice.Id, "demo-dms-insurer", "АКТ-78", new string('b', 64), "akt-78.xlsx", null, [line], [], DateTimeOffset.UtcNow));
                return await db.SaveChangesAsync();
            });
            var said = new List<string?>
            {
                await billing.DisputeAsync(line.Id, "спор", default),
                await billing.AcceptAsync(line.Id, "снято", default),
            };
            Assert.Equal(["Оспорить можно только строку в работе; у этой статус «Снятие принято».",
                "Согласиться со снятием можно только по строке в работе или оспариваемой; у этой статус «Снятие принято»."], said);

            // Why it matched nothing, from the stored code and the line's values.
            await using var scope = factory.Services.CreateAsyncScope();
            var reasons = scope.ServiceProvider.GetRequiredService<AdminConsole.Claims.TimelineReasonText>();
            var stored = await factory.InDatabaseAsync(db => db.DmsActLines.AsNoTracking().SingleAsync(l => l.Id == line.Id));
            Assert.Equal(DmsActMatchFailures.NoLine, stored.MatchFailure);
            Assert.Equal("В заявке DMS-UNKNOWN-2 нет строки с кодом A16.07.002 по зубу 36, на которую ещё не пришёл ответ в акте.",
                reasons.Unmatched(stored.MatchFailure, stored.ClaimNumber, "Демо ДМС", stored.ServiceCode, stored.Tooth, stored.MatchProblem));
            Assert.Equal("Заявку DMS-UNKNOWN-1 клиника страховщику Демо ДМС не отправляла.",
                reasons.Unmatched(DmsActMatchFailures.NoClaim, "DMS-UNKNOWN-1", "Демо ДМС", "A16.07.002", null, "no claim DMS-UNKNOWN-1 …"));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
