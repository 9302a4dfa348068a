using System.Net.Http.Json;
using System.Text;
using Deque.AxeCore.Playwright;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.PayerSimulator.X12;
using DentalClaimsHub.Storage.AdminConsole;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// The console in Debian's Chromium: sign in, the work queue shows a claim the payer's 277CA rejected with its reason,
/// the claim page shows its timeline and the 277CA itself, Russian is one click away, and every page passes an axe scan
/// with no serious or critical violation. Screenshots of each step land in the test artifacts.
/// </summary>
public sealed class ConsoleBrowserTests(ConsoleBrowserFactory factory) : IClassFixture<ConsoleBrowserFactory>
{
    [Fact]
    public async Task A_billing_specialist_signs_in_finds_the_rejected_claim_and_reads_it_in_English_and_Russian()
    {
        var (claim, pcn) = await RejectedClaimAsync("Queue Dental");
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/console/queue");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/login"));
        await AccessibleAsync(page, "01-login");
        await SignInAsync(page);

        var row = page.Locator($"tr[data-claim='{claim.Id}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator(".reason")).ToHaveTextAsync("277CA A3:21");
        await Assertions.Expect(row).ToContainTextAsync(TestData.PatientLast);
        await Assertions.Expect(page.Locator("[data-reason='277CA A3:21']")).ToBeVisibleAsync();
        await AccessibleAsync(page, "02-queue");

        await row.GetByRole(AriaRole.Link, new() { Name = pcn }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Claim {pcn}");
        await Assertions.Expect(page.Locator("dl.facts [data-state='Rejected']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("277CA A3:21");
        // Messages an acknowledgement points into open by themselves: the 277CA's STC and the 837's CLM are marked in words.
        var ack = page.Locator("details.message", new() { HasText = "277" });
        await Assertions.Expect(ack.First.Locator("li.hit[data-segment='STC']")).ToContainTextAsync("⚠ STC status A3");
        var clm = page.Locator("details.message", new() { HasText = "837" }).Locator($"li.hit[data-segment='CLM']");
        await Assertions.Expect(clm).ToContainTextAsync("Rejected");
        await Assertions.Expect(clm.Locator("span[data-element='CLM02']")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("^CLM02 "));
        await AccessibleAsync(page, "03-claim");

        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Заявка {pcn}");
        await Assertions.Expect(page.Locator("dl.facts [data-state='Rejected']")).ToHaveTextAsync("Отклонена");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await AccessibleAsync(page, "04-claim-ru");

        // Both views of the claim's PHI were audited under the user's id, never a name.
        var admin = await factory.InDatabaseAsync(db => db.Users.SingleAsync(u => u.UserName == ConsoleBrowserFactory.AdminUser));
        var reads = await factory.InDatabaseAsync(db => db.AuditEvents
            .Where(e => e.ActorKind == "console-user" && e.Action == "phi.read" && e.ActorId == admin.Id.ToString()).ToListAsync());
        Assert.Contains(reads, e => e.EntityId == claim.Id.ToString() && e.Details!.Contains("\"claim\"", StringComparison.Ordinal));
        Assert.Contains(reads, e => e.Details!.Contains("\"queue\"", StringComparison.Ordinal) && e.Details.Contains(claim.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_queue_item_is_assigned_to_a_colleague_and_the_assignee_filter_finds_it()
    {
        var (claim, _) = await RejectedClaimAsync("Assign Dental");
        var colleague = await CreateUserAsync("colleague", "Colleague Billing", ConsoleRoles.Billing);
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/console/login");
        await SignInAsync(page);

        await page.Locator($"select[data-assign='{claim.Id}']").SelectOptionAsync(colleague.ToString());
        await Assertions.Expect(page.Locator($"select[data-assign='{claim.Id}']")).ToHaveValueAsync(colleague.ToString());
        var assignment = await EventuallyAsync(() => factory.InDatabaseAsync(db => db.WorkAssignments.SingleOrDefaultAsync(a => a.SubjectId == claim.Id)));
        Assert.Equal(colleague, assignment.AssigneeId);
        Assert.True(await factory.InDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "claim.assigned" && e.EntityId == claim.Id.ToString())));

        await page.Locator("select[data-filter='assignee']").SelectOptionAsync(Guid.Empty.ToString());
        await Assertions.Expect(page.Locator($"tr[data-claim='{claim.Id}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("assignee=0{8}-"));
        await page.Locator("select[data-filter='assignee']").SelectOptionAsync(colleague.ToString());
        await Assertions.Expect(page.Locator($"tr[data-claim='{claim.Id}']")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/login"));
        await page.GotoAsync("/console/queue");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/login"));
    }

    [Fact]
    public async Task A_rejected_claim_is_fixed_in_the_console_resubmitted_and_reaches_Submitted()
    {
        var (claim, pcn) = await RejectedClaimAsync("Fix Dental");
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/console/login");
        await SignInAsync(page);
        await page.GotoAsync($"/console/claims/{claim.Id}");
        await Assertions.Expect(page.Locator("dl.facts [data-state='Rejected']")).ToBeVisibleAsync();

        await page.ClickAsync("[data-action='fix']");
        var first = page.Locator("tr[data-line='1']");
        // A wrong tooth is refused at its field and nothing changes.
        await first.Locator("[data-field='tooth']").FillAsync("99");
        await page.Locator("[data-field='reason']").FillAsync("Tooth and surfaces corrected from the chart");
        await page.ClickAsync("[data-action='resubmit']");
        await Assertions.Expect(page.Locator("[data-problem='lines[1].tooth']")).ToContainTextAsync("99");
        Assert.Equal(ClaimState.Rejected, await factory.InDatabaseAsync(db => db.Claims.Where(c => c.Id == claim.Id).Select(c => c.State).SingleAsync()));
        await AccessibleAsync(page, "05-fix-form");

        await first.Locator("[data-field='code']").FillAsync("D2393");
        await first.Locator("[data-field='tooth']").FillAsync("31");
        await first.Locator("[data-field='surfaces']").FillAsync("MOD");
        await first.Locator("[data-field='fee']").FillAsync("210.00");
        // An X-ray goes with the fix: a PNG (checked by its signature, as the API does).
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
        await page.Locator("[data-field='attachment']").SetInputFilesAsync(new FilePayload { Name = "bitewing-31.png", MimeType = "image/png", Buffer = png });
        await Assertions.Expect(page.Locator("[data-attachment-ready]")).ToContainTextAsync("bitewing-31.png");
        await page.Locator("[data-field='report-type']").SelectOptionAsync("RB");
        await page.ClickAsync("[data-action='resubmit']");
        await Assertions.Expect(page.Locator("[data-problem='lines[1].tooth']")).ToHaveCountAsync(0);
        Assert.True(await page.Locator(".error").CountAsync() == 0, string.Join(" | ", await page.Locator(".error").AllInnerTextsAsync()));
        await Assertions.Expect(page.Locator("p.notice")).ToContainTextAsync("queued");

        // The delivery pipeline sends it: the page shows Submitted once the payer has it.
        var submitted = page.Locator("dl.facts [data-state='Submitted']");
        for (var i = 0; i < 100 && await submitted.CountAsync() == 0; i++)
        {
            await Task.Delay(200);
            await page.ReloadAsync();
            await page.Locator("h1").WaitForAsync();
        }

        await Assertions.Expect(submitted).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-activity='Resubmitted']")).ToContainTextAsync("Tooth and surfaces corrected");
        await Assertions.Expect(page.Locator("tr[data-line='1']")).ToContainTextAsync("31");
        await AccessibleAsync(page, "06-resubmitted");

        var sent = await factory.InDatabaseAsync(db => db.Messages.Where(m => m.LinkedIds.Contains(claim.Id) && m.TransactionType == "837")
            .OrderBy(m => m.ReceivedAt).Select(m => m.Content).ToListAsync());
        Assert.Equal(2, sent.Count);
        var resent = Encoding.UTF8.GetString(sent[1]);
        Assert.Contains($"CLM*{pcn}*450", resent, StringComparison.Ordinal);
        Assert.Contains("AD:D2393", resent, StringComparison.Ordinal);
        Assert.Contains("TOO*JP*31*M:O:D", resent, StringComparison.Ordinal);
        Assert.Contains("PWK*RB*EL*", resent, StringComparison.Ordinal);
        Assert.Equal("bitewing-31.png", await factory.InDatabaseAsync(db => db.AttachmentFiles.Where(f => f.ClaimId == claim.Id).Select(f => f.FileName).SingleAsync()));
        Assert.True(await factory.InDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "claim.resubmitted" && e.EntityId == claim.Id.ToString())));
    }

    [Fact]
    public async Task A_fix_refused_in_Russian_says_what_is_wrong_in_Russian()
    {
        var (claim, _) = await RejectedClaimAsync("Fix RU Dental");
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/console/login");
        await SignInAsync(page);
        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Очередь работ");
        await page.GotoAsync($"/console/claims/{claim.Id}");
        await Assertions.Expect(page.Locator("[data-action='fix']")).ToHaveTextAsync("Исправить и отправить снова");
        await page.ClickAsync("[data-action='fix']");

        await page.ClickAsync("[data-action='resubmit']");
        await Assertions.Expect(page.Locator("[data-problem='reason']")).ToHaveTextAsync("Напишите, что исправлено (это попадёт в историю заявки).");

        var first = page.Locator("tr[data-line='1']");
        await first.Locator("[data-field='tooth']").FillAsync("99");
        await page.Locator("[data-field='diagnoses']").FillAsync("XYZ");
        await page.Locator("[data-field='reason']").FillAsync("Исправлен номер зуба");
        await page.ClickAsync("[data-action='resubmit']");
        await Assertions.Expect(page.Locator("[data-problem='lines[1].tooth']")).ToHaveTextAsync("«99» — не номер зуба в системе ADA (универсальная).");
        await Assertions.Expect(page.Locator("[data-problem='diagnoses']")).ToHaveTextAsync("«XYZ» — не код МКБ-10.");

        // (A zero fee never leaves the browser: the field's own min stops the form; ClaimActionsTests covers the server's word for it.)
        await first.Locator("[data-field='tooth']").FillAsync("3");
        await first.Locator("[data-field='surfaces']").FillAsync("QZ");
        await page.Locator("[data-field='diagnoses']").FillAsync("K02.52");
        await page.ClickAsync("[data-action='resubmit']");
        await Assertions.Expect(page.Locator("[data-problem='lines[1].surfaces']")).ToHaveTextAsync("«QZ» — не набор поверхностей (M O D B L I F).");
        await Assertions.Expect(page.Locator("[data-problem='diagnoses']")).ToHaveCountAsync(0);
        // No English is left in what the form says back: past codes and what was typed, every word is Russian.
        foreach (var said in await page.Locator(".field-problem").AllTextContentsAsync())
        {
            Assert.DoesNotMatch("[a-z]{2,}", said);
        }

        Assert.Equal(ClaimState.Rejected, await factory.InDatabaseAsync(db => db.Claims.Where(c => c.Id == claim.Id).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        await CreateUserAsync("locky", "Locky", ConsoleRoles.Billing, "Right-Password-123");
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            await page.GotoAsync("/console/login");
            await page.FillAsync("#username", "locky");
            await page.FillAsync("#password", "wrong-" + i);
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page.Locator("p.error")).ToBeVisibleAsync();
        }

        await page.GotoAsync("/console/login");
        await page.FillAsync("#username", "locky");
        await page.FillAsync("#password", "Right-Password-123");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("p.error")).ToContainTextAsync("locked");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/login"));
    }

    private static Task<T> EventuallyAsync<T>(Func<Task<T?>> read)
        where T : class => ConsolePageTesting.EventuallyAsync(read);

    private Task SignInAsync(IPage page) => ConsolePageTesting.SignInAsync(factory, page);

    private async Task<Guid> CreateUserAsync(string userName, string displayName, string role, string password = "Colleague-Password-1")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ConsoleUser>>();
        var user = new ConsoleUser { UserName = userName + Guid.NewGuid().ToString("N")[..4], DisplayName = displayName, CreatedAt = DateTimeOffset.UtcNow };
        user.UserName = userName == "locky" ? userName : user.UserName;
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }

    private async Task<(ClaimResponse Claim, string Pcn)> RejectedClaimAsync(string practiceName)
    {
        var (claim, pcn, _) = await ConsolePageTesting.RejectedClaimAsync(factory, practiceName);
        return (claim, pcn);
    }

    internal static Task AccessibleAsync(IPage page, string step) => ConsolePageTesting.AccessibleAsync(page, step);
}
