using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.AdminConsole.Webhooks;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.Api.Tests.Webhooks;
using DentalClaimsHub.Api.Webhooks;
using DentalClaimsHub.Storage.AdminConsole;
using DentalClaimsHub.Storage.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static DentalClaimsHub.Api.Tests.Console.ConsolePageTesting;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// The console host with webhooks over plain http to a local receiver, and a first retry ten minutes away: a failed
/// delivery stays failed until someone presses Retry.
/// </summary>
public sealed class ConsoleWebhookFactory : ConsoleBrowserFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        .. base.ExtraSettings,
        new("Hub:Webhooks:AllowHttp", "true"),
        new("Hub:Webhooks:PollInterval", "00:00:00.100"),
        new("Hub:Webhooks:FirstRetryDelay", "00:10:00"),
    ];
}

/// <summary>
/// Webhooks in the console: a practice's endpoint answers 500, the delivery shows failed; with the endpoint fixed a billing
/// specialist presses Retry and the page shows it delivered. Auditors see the page but cannot retry; a delivered one is
/// not retried; a dead (parked) one is.
/// </summary>
public sealed class WebhooksPageTests(ConsoleWebhookFactory factory) : IClassFixture<ConsoleWebhookFactory>
{
    [Fact]
    public async Task A_failed_delivery_is_retried_from_the_console_once_the_endpoint_answers()
    {
        using var receiver = new WebhookReceiver { AlwaysFail = true };
        var practice = await factory.CreatePracticeAsync("Hooked Dental");
        var hook = await RegisterAsync(practice.Client, receiver.Url);
        await ClaimSubmissions.SubmitAsync(practice);
        var deliveryId = await WaitForAsync(hook.Id, WebhookDeliveryView.Failed);
        Assert.Equal([500], receiver.Received.Select(r => r.Answer));

        var (_, billing) = await CreateUserAsync(factory, "Bill Hooks", ConsoleRoles.Billing);
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page, billing, "Colleague-Password-1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Webhook deliveries");
        await page.Locator("[data-filter='practice']").SelectOptionAsync(practice.Id.ToString());
        await page.Locator("[data-filter='status']").SelectOptionAsync("Failed");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("status=Failed"));
        await Assertions.Expect(page.Locator($"tr[data-subscription='{hook.Id}']")).ToContainTextAsync(receiver.Url);
        var row = page.Locator($"tr[data-delivery='{deliveryId}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Failed");
        await Assertions.Expect(row).ToContainTextAsync("HTTP 500 Internal Server Error");
        await Assertions.Expect(row).ToContainTextAsync("claim.created");
        await AccessibleAsync(page, "webhooks-01-failed");

        receiver.AlwaysFail = false;
        receiver.FailuresPerEvent = 0;
        await row.Locator("[data-action='retry']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-retry-result]")).ToContainTextAsync("scheduled again");
        await page.Locator("[data-filter='status']").SelectOptionAsync("Delivered");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("status=Delivered"));

        // The row of the failed list may still be on screen while the filter re-renders, so wait for this delivery's row
        // as delivered, refreshing while the sender has not sent it yet (a loaded CI machine takes seconds).
        var delivered = page.Locator($"tr[data-delivery='{deliveryId}'][data-status='Delivered']");
        for (var i = 0; i < 100 && await delivered.CountAsync() == 0; i++)
        {
            await Task.Delay(200);
            await page.Locator("[data-action='refresh']").ClickAsync();
        }

        await Assertions.Expect(delivered).ToHaveAttributeAsync("data-status", "Delivered");
        await Assertions.Expect(delivered.Locator("td").Nth(3)).ToHaveTextAsync("2");
        await Assertions.Expect(delivered.Locator("[data-action='retry']")).ToHaveCountAsync(0);
        await AccessibleAsync(page, "webhooks-02-delivered");

        Assert.Equal([500, 200], receiver.Received.Select(r => r.Answer));
        var audit = await factory.InDatabaseAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "webhook.retried" && e.EntityId == deliveryId.ToString()).ToListAsync());
        Assert.Equal(practice.Id, Assert.Single(audit).PracticeId);
    }

    [Fact]
    public async Task Russian_labels_and_an_auditor_sees_deliveries_without_retry()
    {
        using var receiver = new WebhookReceiver { AlwaysFail = true };
        var practice = await factory.CreatePracticeAsync("Audited Hooks Dental");
        var hook = await RegisterAsync(practice.Client, receiver.Url);
        await ClaimSubmissions.SubmitAsync(practice);
        var deliveryId = await WaitForAsync(hook.Id, WebhookDeliveryView.Failed);

        var (auditor, userName) = await CreateUserAsync(factory, "Audrey Hooks", ConsoleRoles.Auditor);
        await using var browser = await factory.NewBrowserContextAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(factory, page, userName, "Colleague-Password-1");
        await page.GotoAsync($"/console/webhooks?practice={practice.Id}");
        await page.Locator("[data-culture='ru']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Доставка вебхуков");
        var row = page.Locator($"tr[data-delivery='{deliveryId}']");
        await Assertions.Expect(row).ToContainTextAsync("Ошибка (будет повтор)");
        await Assertions.Expect(row.Locator("[data-last-result]")).ToHaveTextAsync("Получатель ответил кодом HTTP 500");
        var attempt = (await factory.InDatabaseAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId))).Attempts[^1];
        // The API's English stays as it was; the code and status ride beside it.
        Assert.Equal(("HTTP 500 Internal Server Error", WebhookErrors.HttpStatus), (attempt.Error, attempt.ErrorCode));
        await Assertions.Expect(page.Locator("[data-action='retry']")).ToHaveCountAsync(0);
        await AccessibleAsync(page, "webhooks-03-auditor-ru");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service(auditor, ConsoleRoles.Auditor).RetryAsync(deliveryId, default));
        Assert.False(await factory.InDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "webhook.retried" && e.EntityId == deliveryId.ToString())));
    }

    [Fact]
    public async Task A_dead_delivery_is_retried_and_a_delivered_one_is_not()
    {
        using var receiver = new WebhookReceiver { FailuresPerEvent = 0 };
        var practice = await factory.CreatePracticeAsync("Dead Hooks Dental");
        var hook = await RegisterAsync(practice.Client, receiver.Url);
        await ClaimSubmissions.SubmitAsync(practice);
        var deliveredId = await WaitForAsync(hook.Id, WebhookDeliveryView.Delivered);
        var admin = await factory.InDatabaseAsync(db => db.Users.SingleAsync(u => u.UserName == ConsoleBrowserFactory.AdminUser));
        Assert.Equal("NotFailed", await Service(admin.Id, ConsoleRoles.Admin).RetryAsync(deliveredId, default));
        Assert.Equal("NotFound", await Service(admin.Id, ConsoleRoles.Admin).RetryAsync(Guid.NewGuid(), default));

        // A delivery that failed through its whole retry window (parked by the sender's own rule).
        var now = DateTimeOffset.UtcNow;
        var dead = WebhookDelivery.Create(hook.Id, practice.Id, Guid.NewGuid(), "claim.created", "dead-" + Guid.NewGuid(), "{}", now);
        dead.Failed(new WebhookAttempt(now, 503, "HTTP 503 Service Unavailable", 12), now.AddMinutes(1), TimeSpan.Zero);
        Assert.Equal(WebhookDeliveryStatus.Parked, dead.Status);
        await factory.InDatabaseAsync(async db =>
        {
            db.WebhookDeliveries.Add(dead);
            return await db.SaveChangesAsync();
        });
        var listed = await Service(admin.Id, ConsoleRoles.Admin).LoadAsync(new WebhookDeliveryFilter { PracticeId = practice.Id, Status = WebhookDeliveryView.Dead }, default);
        Assert.Equal(dead.Id, Assert.Single(listed.Deliveries).Id);
        Assert.True(listed.Deliveries[0].CanRetry);

        Assert.Null(await Service(admin.Id, ConsoleRoles.Admin).RetryAsync(dead.Id, default));
        await WaitForAsync(hook.Id, WebhookDeliveryView.Delivered, dead.Id);
        Assert.True(await factory.InDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "webhook.retried" && e.EntityId == dead.Id.ToString())));
    }

    private static async Task<WebhookResponse> RegisterAsync(HttpClient client, string url)
    {
        var response = await client.PostAsJsonAsync("/v1/webhooks", new WebhookRequest { Url = url, Events = ["claim.created"] });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<WebhookResponse>())!;
    }

    // The subscription's delivery (or the given one) once it is in the wanted state.
    private async Task<Guid> WaitForAsync(Guid subscriptionId, WebhookDeliveryView wanted, Guid? deliveryId = null)
    {
        for (var i = 0; i < 150; i++)
        {
            var deliveries = await factory.InDatabaseAsync(db => db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.SubscriptionId == subscriptionId && (deliveryId == null || d.Id == deliveryId)).ToListAsync());
            if (deliveries.FirstOrDefault(d => WebhookDeliveries.ViewOf(d) == wanted) is { } found)
            {
                return found.Id;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No {wanted} delivery within 15 s.");
        return Guid.Empty;
    }

    private WebhookDeliveries Service(Guid user, string role) =>
        new(factory.Services.GetRequiredService<IDbContextFactory<DentalClaimsHub.Storage.HubDbContext>>(), SessionOf(user, role), TimeProvider.System);
}
