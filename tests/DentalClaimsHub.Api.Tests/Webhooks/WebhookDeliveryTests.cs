using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.Api.Webhooks;

namespace DentalClaimsHub.Api.Tests.Webhooks;

/// <summary>The claims factory with webhooks over plain http to a local receiver, fast retries and a 3 s retry window.</summary>
public sealed class WebhookFactory : ClaimDeliveryFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        .. base.ExtraSettings,
        new("Hub:Webhooks:AllowHttp", "true"),
        new("Hub:Webhooks:PollInterval", "00:00:00.050"),
        new("Hub:Webhooks:FirstRetryDelay", "00:00:00.100"),
        new("Hub:Webhooks:MaxRetryDelay", "00:00:00.400"),
        new("Hub:Webhooks:RetryWindow", "00:00:03"),
    ];
}

public sealed class WebhookDeliveryTests(WebhookFactory factory) : IClassFixture<WebhookFactory>
{
    private static async Task<WebhookResponse> RegisterAsync(HttpClient client, string url, params string[] events)
    {
        var response = await client.PostAsJsonAsync("/v1/webhooks", new WebhookRequest { Url = url, Events = events, Description = "PMS" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<WebhookResponse>())!;
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, Func<T, string> what)
    {
        var value = await read();
        for (var i = 0; i < 200 && !done(value); i++)
        {
            await Task.Delay(100);
            value = await read();
        }

        Assert.True(done(value), "Timed out waiting for " + what(value));
        return value;
    }

    [Fact]
    public async Task Receiver_FailsTwiceThenSucceeds_GetsEachClaimEventOnceInOrderSignedWithItsSecret()
    {
        using var receiver = new WebhookReceiver();
        var practice = await factory.CreatePracticeAsync("Webhook Dental");
        var hook = await RegisterAsync(practice.Client, receiver.Url, "claim.*");
        Assert.StartsWith("whsec_", hook.Secret, StringComparison.Ordinal);

        var claim = await ClaimSubmissions.SubmitAsync(practice);
        await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "submitted");
        string[] expected = ["claim.created", "claim.validated", "claim.queued", "claim.submitted"];
        var received = await EventuallyAsync(() => Task.FromResult(receiver.Received), r => r.Count(h => h.Answer == 200) == expected.Length,
            r => "four delivered events; got " + string.Join(", ", r.Select(h => $"{h.EventType}:{h.Answer}"))
                + practice.Client.GetStringAsync($"/v1/webhooks/{hook.Id}/deliveries").GetAwaiter().GetResult());

        // Exactly once each (by its 200), in the claim's order, and no event before the previous one got its 200.
        var delivered = received.Where(h => h.Answer == 200).ToList();
        Assert.Equal(expected, delivered.Select(h => h.EventType));
        Assert.Equal(delivered.Count, delivered.Select(h => h.EventId).Distinct().Count());
        Assert.Equal(expected.Length * 3, received.Count);
        for (var i = 1; i < delivered.Count; i++)
        {
            var firstTry = received.First(h => h.EventId == delivered[i].EventId);
            Assert.True(firstTry.At >= delivered[i - 1].At, $"{delivered[i].EventType} was sent before {delivered[i - 1].EventType} was delivered");
        }

        var sequences = delivered.Select(h => JsonNode.Parse(h.Body)!["data"]!["sequence"]!.GetValue<int>()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        foreach (var hookCall in received)
        {
            var parts = hookCall.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            Assert.Equal(WebhookSender.Signature(hook.Secret!, parts["t"], hookCall.Body), parts["v1"]);
        }

        var body = JsonNode.Parse(delivered[^1].Body)!;
        Assert.Equal((claim.Id.ToString(), "submitted"), (body["data"]!["claimId"]!.GetValue<string>(), body["data"]!["to"]!.GetValue<string>()));

        var page = await practice.Client.GetFromJsonAsync<WebhookDeliveryPage>($"/v1/webhooks/{hook.Id}/deliveries");
        Assert.Equal(4, page!.Items.Count);
        Assert.All(page.Items, d => Assert.Equal("delivered:500,500,200", $"{d.Status}:{string.Join(',', d.Attempts.Select(a => a.StatusCode))}"));
        Assert.Null((await practice.Client.GetFromJsonAsync<WebhookResponse>($"/v1/webhooks/{hook.Id}"))!.Secret);
    }

    [Fact]
    public async Task Receiver_AlwaysFailing_DeliveryIsParkedThenRedeliveredOnRequest()
    {
        using var receiver = new WebhookReceiver { AlwaysFail = true };
        var practice = await factory.CreatePracticeAsync("Parked Dental");
        var hook = await RegisterAsync(practice.Client, receiver.Url, "claim.created");
        await ClaimSubmissions.SubmitAsync(practice);

        var parked = await EventuallyAsync(() => practice.Client.GetFromJsonAsync<WebhookDeliveryPage>($"/v1/webhooks/{hook.Id}/deliveries?status=parked"),
            p => p!.Items.Count == 1, _ => "a parked delivery");
        var delivery = parked!.Items[0];
        Assert.True(delivery.Attempts.Count >= 3);
        Assert.All(delivery.Attempts, a => Assert.Equal(500, a.StatusCode));

        receiver.AlwaysFail = false;
        receiver.FailuresPerEvent = 0;
        var requeued = await practice.Client.PostAsync($"/v1/webhooks/{hook.Id}/deliveries/{delivery.Id}/redeliver", null);
        Assert.Equal(HttpStatusCode.OK, requeued.StatusCode);
        await EventuallyAsync(() => practice.Client.GetFromJsonAsync<WebhookDeliveryPage>($"/v1/webhooks/{hook.Id}/deliveries?status=delivered"),
            p => p!.Items.Count == 1, _ => "the redelivery");
        Assert.Equal(1, receiver.Received.Count(h => h.Answer == 200));
    }

    [Fact]
    public async Task Register_BadUrlOrUnknownEvent_ProblemDetailsAndDeletedHookGetsNothing()
    {
        var practice = await factory.CreatePracticeAsync("Strict Dental");
        var response = await practice.Client.PostAsJsonAsync("/v1/webhooks",
            new WebhookRequest { Url = "ftp://example.test/x", Events = ["claim.paid", "claim.exploded"] });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!;
        Assert.NotNull(errors["$.url"]);
        Assert.NotNull(errors["$.events[1]"]);
        Assert.Null(errors["$.events[0]"]);

        using var receiver = new WebhookReceiver { FailuresPerEvent = 0 };
        var hook = await RegisterAsync(practice.Client, receiver.Url, "*");
        Assert.Equal(HttpStatusCode.NoContent, (await practice.Client.DeleteAsync($"/v1/webhooks/{hook.Id}")).StatusCode);
        await ClaimSubmissions.SubmitAsync(practice);
        await Task.Delay(500);
        Assert.Empty(receiver.Received);
        var other = await factory.CreatePracticeAsync("Nosy Dental");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/v1/webhooks/{hook.Id}/deliveries")).StatusCode);
    }
}
