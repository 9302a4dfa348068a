using System.Net.Http.Json;
using DentalClaimsHub.Api.AdminConsole.Remittances;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Remittances;
using DentalClaimsHub.Api.Tests.Remittances;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Storage.AdminConsole;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static DentalClaimsHub.Api.Tests.Console.ConsolePageTesting;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// Remittances in the console: an 835 with one payment the hub matched and one it could not (a mistyped CLP01) is listed
/// among those with unmatched payments; a billing specialist finds the right claim and assigns the payment, which posts
/// it as a matched one would be (the claim is paid); an auditor sees the payment but cannot assign it.
/// </summary>
public sealed class RemittancesPageTests(ConsoleBrowserFactory factory) : IClassFixture<ConsoleBrowserFactory>
{
    [Fact]
    public async Task A_billing_specialist_assigns_an_unmatched_payment_and_the_claim_is_paid()
    {
        var (practice, remittanceId, matched, target) = await RemittanceWithUnmatchedPaymentAsync("Remit Dental");
        var (_, billing) = await CreateUserAsync(factory, "Bill Billing", ConsoleRoles.Billing);
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page, billing, "Colleague-Password-1");

        await page.GetByRole(AriaRole.Link, new() { Name = "Remittances" }).ClickAsync();
        await page.Locator("[data-filter='unmatched']").CheckAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("unmatched=true"));
        var row = page.Locator($"tr[data-remittance='{remittanceId}']");
        await Assertions.Expect(row).ToContainTextAsync("1 / 2");
        await Assertions.Expect(row.Locator("[data-status]")).ToHaveTextAsync("Posted");
        await AccessibleAsync(page, "remittances-01-list");

        await row.Locator("a").ClickAsync();
        var unmatched = page.Locator("tr.unmatched");
        await Assertions.Expect(unmatched).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"tr[data-payment] [data-payment-status='ProcessedAsPrimary']")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("tr[data-payment] [data-payment-status]").First).ToHaveTextAsync("Processed as primary (1)");
        await Assertions.Expect(page.Locator("tr[data-payment]", new() { HasText = matched.PatientControlNumber }).Locator("a"))
            .ToHaveTextAsync(matched.PatientControlNumber);
        await unmatched.Locator("input[data-find]").FillAsync(target.PatientControlNumber[..6]);
        await unmatched.GetByRole(AriaRole.Button, new() { Name = "Find claims" }).ClickAsync();
        await Assertions.Expect(unmatched.Locator($"[data-assign-to='{target.Id}']")).ToBeVisibleAsync();
        await Assertions.Expect(unmatched.Locator($"[data-assign-to='{matched.Id}']")).ToBeVisibleAsync();
        await AccessibleAsync(page, "remittances-02-unmatched");

        await unmatched.Locator($"[data-assign-to='{target.Id}']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-assign-result]")).ToContainTextAsync("Payment assigned and posted.");
        await Assertions.Expect(page.Locator("tr.unmatched")).ToHaveCountAsync(0);
        await AccessibleAsync(page, "remittances-03-assigned");

        var claim = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{target.Id}");
        Assert.Equal("paid", claim!.Status);
        var payment = await factory.InDatabaseAsync(db => db.ClaimPayments.AsNoTracking().SingleAsync(p => p.ClaimId == target.Id));
        Assert.NotNull(payment.PostedAt);
        Assert.All(payment.ServiceLines, l => Assert.NotNull(l.ClaimLineNumber));
        Assert.True(await factory.InDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "payment.assigned" && e.EntityId == payment.Id.ToString())));

        // Assigned once: the service refuses a second assignment of the same payment.
        var admin = await factory.InDatabaseAsync(db => db.Users.SingleAsync(u => u.UserName == ConsoleBrowserFactory.AdminUser));
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => Assignment(admin.Id, ConsoleRoles.Admin).AssignAsync(remittanceId, payment.Id, matched.Id, default));
        Assert.Contains("already matched", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auditor_sees_the_unmatched_payment_but_neither_the_page_nor_the_service_lets_them_assign_it()
    {
        var (_, remittanceId, _, target) = await RemittanceWithUnmatchedPaymentAsync("Audit Remit Dental");
        var (auditor, userName) = await CreateUserAsync(factory, "Audrey Auditor", ConsoleRoles.Auditor);
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page, userName, "Colleague-Password-1");

        await page.GotoAsync($"/console/remittances/{remittanceId}");
        await Assertions.Expect(page.Locator("tr.unmatched")).ToContainTextAsync("Needs review");
        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(page.Locator("dd[data-status='Posted']")).ToHaveTextAsync("Разнесён");
        await Assertions.Expect(page.Locator("tr.unmatched [data-payment-status]")).ToHaveTextAsync("Обработана как основная (1)");
        await Assertions.Expect(page.Locator("input[data-find]")).ToHaveCountAsync(0);

        var paymentId = await factory.InDatabaseAsync(db => db.ClaimPayments.AsNoTracking()
            .Where(p => EF.Property<Guid>(p, "RemittanceId") == remittanceId && p.ClaimId == null).Select(p => p.Id).SingleAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Assignment(auditor, ConsoleRoles.Auditor).AssignAsync(remittanceId, paymentId, target.Id, default));
        Assert.Null(await factory.InDatabaseAsync(db => db.ClaimPayments.AsNoTracking().Where(p => p.Id == paymentId).Select(p => p.ClaimId).SingleAsync()));
    }

    [Fact]
    public async Task An_unbalanced_remittance_shows_its_problems_in_russian()
    {
        var practice = await factory.CreatePracticeAsync("Unbalanced Remit Dental");
        var exchanges = new PayerExchanges(factory, "demo-x12-dental");
        using var insurer = await exchanges.InsurerAsync();
        var pcn = "RU" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await exchanges.AcceptedClaimsAsync(practice, insurer, (pcn, null));
        // The paid amount changed without its adjustments: the claim and the payment no longer balance.
        var broken = (await exchanges.RemitAsync(false, pcn)).Replace("*272*", "*282*", StringComparison.Ordinal);
        var remittanceId = Assert.Single((await exchanges.PushAsync(insurer, broken)).RemittanceIds);
        var flagged = await factory.InDatabaseAsync(db => db.Remittances.AsNoTracking().SingleAsync(r => r.Id == remittanceId));
        Assert.Equal(RemittanceStatus.Unbalanced, flagged.Status);
        Assert.Equal(flagged.Problems.Count, flagged.ProblemCodes.Count);
        var (_, billing) = await CreateUserAsync(factory, "Rita Remit", ConsoleRoles.Billing);
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page, billing, "Colleague-Password-1");

        await page.GotoAsync($"/console/remittances/{remittanceId}");
        var problems = page.Locator("ul[data-problems] li");
        await Assertions.Expect(problems.First).ToContainTextAsync("minus adjustments");
        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(page.Locator("dd[data-status='Unbalanced']")).Not.ToHaveTextAsync("Unbalanced");
        var russian = await problems.AllInnerTextsAsync();
        // BPR02 changed with CLP04 (both 272.00), so only the claim fails to balance.
        Assert.Equal($"Заявка {pcn}: начислено 425,00 USD минус корректировки не равно выплаченному 282,00 USD.", Assert.Single(russian));
        Assert.DoesNotContain(russian, p => p.Contains("Claim", StringComparison.Ordinal) || p.Contains("minus", StringComparison.Ordinal)
            || p.Contains("payment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_claim_of_another_practice_is_refused()
    {
        var (_, remittanceId, _, _) = await RemittanceWithUnmatchedPaymentAsync("Own Remit Dental");
        var other = await factory.CreatePracticeAsync("Other Remit Dental");
        var exchanges = new PayerExchanges(factory, "demo-x12-dental");
        using var insurer = await exchanges.InsurerAsync();
        var stranger = (await exchanges.AcceptedClaimsAsync(other, insurer, ("OTH-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), null)))[0];
        var paymentId = await factory.InDatabaseAsync(db => db.ClaimPayments.AsNoTracking()
            .Where(p => EF.Property<Guid>(p, "RemittanceId") == remittanceId && p.ClaimId == null).Select(p => p.Id).SingleAsync());
        var admin = await factory.InDatabaseAsync(db => db.Users.SingleAsync(u => u.UserName == ConsoleBrowserFactory.AdminUser));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Assignment(admin.Id, ConsoleRoles.Admin).AssignAsync(remittanceId, paymentId, stranger.Id, default));
        Assert.Contains("payer and practice", refused.Message, StringComparison.Ordinal);
        var (culture, uiCulture) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("ru-RU");
        try
        {
            var russian = await Assert.ThrowsAsync<InvalidOperationException>(() => Assignment(admin.Id, ConsoleRoles.Admin).AssignAsync(remittanceId, paymentId, stranger.Id, default));
            Assert.Equal("Заявка относится к другому плательщику или к другой клинике, чем этот платёж.", russian.Message);

            // The payment's own note: stored in English with its code, read in Russian on the page.
            var waiting = await factory.InDatabaseAsync(db => db.ClaimPayments.AsNoTracking().SingleAsync(p => p.Id == paymentId));
            Assert.Equal((PaymentNotes.NoClaim, $"No claim {waiting.PatientControlNumber} of this practice for payer demo-x12-dental: waiting for review."),
                (waiting.NoteCode, waiting.Note));
            await using var scope = factory.Services.CreateAsyncScope();
            Assert.Equal($"Заявки {waiting.PatientControlNumber} этой клиники у плательщика demo-x12-dental нет: выплата ждёт разбора.",
                scope.ServiceProvider.GetRequiredService<PaymentNoteText>().Render(waiting.Note, waiting.NoteCode, waiting.NoteArgs));
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
        Assert.Empty(await Assignment(admin.Id, ConsoleRoles.Admin).CandidatesAsync(remittanceId, stranger.PatientControlNumber, default));
    }

    // Two accepted claims; the payer's 835 pays both but mistypes the second's CLP01, so only the first is matched.
    private async Task<(Infrastructure.TestPractice Practice, Guid RemittanceId, ClaimResponse Matched, ClaimResponse Target)> RemittanceWithUnmatchedPaymentAsync(string name)
    {
        var practice = await factory.CreatePracticeAsync(name);
        var exchanges = new PayerExchanges(factory, "demo-x12-dental");
        using var insurer = await exchanges.InsurerAsync();
        var stem = "RM" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var claims = await exchanges.AcceptedClaimsAsync(practice, insurer, (stem + "-1", null), (stem + "-2", null));
        var x12 = await exchanges.RemitAsync(false, claims[0].PatientControlNumber, claims[1].PatientControlNumber);
        var mistyped = x12.Replace($"CLP*{claims[1].PatientControlNumber}*", $"CLP*X{claims[1].PatientControlNumber}*", StringComparison.Ordinal);
        var posted = await exchanges.PushAsync(insurer, mistyped);
        var remittanceId = Assert.Single(posted.RemittanceIds);
        var kept = await factory.InDatabaseAsync(db => db.Remittances.AsNoTracking().Include(r => r.ClaimPayments).SingleAsync(r => r.Id == remittanceId));
        Assert.Equal((RemittanceStatus.Posted, practice.Id, 1), (kept.Status, kept.PracticeId!.Value, kept.UnmatchedCount));
        return (practice, remittanceId, claims[0], claims[1]);
    }

    private PaymentAssignment Assignment(Guid user, string role) =>
        new(factory.Services.GetRequiredService<IServiceScopeFactory>(), SessionOf(user, role), TimeProvider.System,
            factory.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<AdminConsole.ConsoleText>>(),
            new PaymentNoteText(factory.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<AdminConsole.ConsoleText>>(),
                new AdminConsole.Claims.ClaimRuleText(factory.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<AdminConsole.ConsoleText>>())));
}
