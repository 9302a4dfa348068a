using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.Api.Tests.Webhooks;
using DentalClaimsHub.Api.Webhooks;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.PayerSimulator.X12;

namespace DentalClaimsHub.Api.Tests.Telemetry;

/// <summary>One claim, one trace: the API request, the outbox publish, the consumer and the call to the payer.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TracingTests(TelemetryFactory factory) : IClassFixture<TelemetryFactory>
{
    [Fact]
    public async Task SubmitClaim_DeliveredToThePayer_OneTraceFromTheApiRequestThroughTheOutboxAndConsumerToThePayerCall()
    {
        var practice = await factory.CreatePracticeAsync("Traced Dental");
        var pcn = "TRC-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

        var created = await ClaimSubmissions.SubmitAsync(practice, pcn);
        await ClaimSubmissions.WaitForAsync(practice.Client, created.Id, "submitted");

        var claimId = created.Id.ToString();
        var api = await WaitForSpanAsync(s => s.Kind == ActivityKind.Server && Tag(s, "dch.claim.id") == claimId);
        Assert.Equal(("POST", "/v1/claims"), (Tag(api, "http.request.method"), Tag(api, "url.path")));
        var trace = api.TraceId;

        // The Queued event's outbox row was written by the request and published later under its stored traceparent; MassTransit
        // carried the trace on to the consumer, which delivered the claim: request < outbox publish < ... < consume < deliver.
        var deliver = await WaitForSpanAsync(s => s.TraceId == trace && s.DisplayName == "claim deliver" && Tag(s, "dch.claim.id") == claimId);
        Assert.Equal(("Sent", "demo-x12-dental"), (Tag(deliver, "dch.delivery.outcome"), Tag(deliver, "payer.id")));
        var chain = Ancestors(deliver);
        var path = string.Join(" < ", chain.Select(Describe));
        var consume = chain.FindIndex(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer);
        var publish = chain.FindIndex(s => s.Source.Name == "DentalClaimsHub.Outbox" && s.ParentSpanId == api.SpanId);
        Assert.True(consume >= 0 && publish > consume && chain[^1].SpanId == api.SpanId, path);
        Assert.Equal("ClaimStateChanged", Tag(chain[publish], "dch.outbox.message_type"));
        var payerCall = await WaitForSpanAsync(s => s.TraceId == trace && s.DisplayName == "payer claim-submission");
        Assert.Equal(("demo-x12-dental", "success"), (Tag(payerCall, "payer.id"), Tag(payerCall, "dch.payer.outcome")));
        Assert.True(IsDescendant(payerCall, deliver), "the payer call runs inside the delivery's span");
        var http = await WaitForSpanAsync(s => s.TraceId == trace && s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http"
            && Tag(s, "url.full")?.EndsWith(CoreBatchModule.Path, StringComparison.Ordinal) == true);
        Assert.True(IsDescendant(http, payerCall), "the HTTP request runs inside the payer call's span");

        // The payer got the trace too: the traceparent names this trace and the HTTP client span as its parent.
        var received = factory.Simulator.Received(CoreBatchModule.Path).Single(r => r.BodyText.Contains(pcn, StringComparison.Ordinal));
        Assert.True(received.Headers.TryGetValue("traceparent", out var traceparent), "the payer call carries a traceparent header");
        Assert.Equal($"00-{trace}-{http.SpanId}-01", traceparent);
    }

    [Fact]
    public async Task SubmitClaim_TheWholeTrace_CarriesNoPatientNamesBirthDatesOrMemberIds()
    {
        var practice = await factory.CreatePracticeAsync("Discreet Dental");
        var created = await ClaimSubmissions.SubmitAsync(practice);
        await ClaimSubmissions.WaitForAsync(practice.Client, created.Id, "submitted");
        var claimId = created.Id.ToString();
        var api = await WaitForSpanAsync(s => s.Kind == ActivityKind.Server && Tag(s, "dch.claim.id") == claimId);
        await WaitForSpanAsync(s => s.TraceId == api.TraceId && s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http");

        var spans = factory.Spans.Snapshot().Where(s => s.TraceId == api.TraceId).ToList();
        Assert.True(spans.Count >= 6, $"only {spans.Count} spans in the trace");
        var texts = spans.SelectMany(s => new[] { s.DisplayName, s.StatusDescription ?? "" }
            .Concat(s.TagObjects.Select(t => Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? ""))
            .Concat(s.Events.SelectMany(e => e.Tags.Select(t => Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? ""))))
            .ToList();
        string[] phi =
        [
            TestData.PatientLast, TestData.PatientFirst, TestData.MemberId,
            TestData.PatientBirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TestData.PatientBirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        ];
        Assert.DoesNotContain(texts, text => phi.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task WebhookDelivery_EachAttemptIsATraceWithItsOutcome_AndTheReceiverGetsItsTraceparent()
    {
        using var receiver = new WebhookReceiver { FailuresPerEvent = 1 };
        var practice = await factory.CreatePracticeAsync("Traced Hooks Dental");
        var registered = await practice.Client.PostAsJsonAsync("/v1/webhooks", new WebhookRequest { Url = receiver.Url, Events = ["claim.created"] });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        await ClaimSubmissions.SubmitAsync(practice);

        var failed = await WaitForSpanAsync(s => s.DisplayName == "webhook send" && Tag(s, "dch.practice.id") == practice.Id.ToString()
            && Tag(s, "dch.webhook.attempt") == "1");
        var delivered = await WaitForSpanAsync(s => s.DisplayName == "webhook send" && Tag(s, "dch.webhook.delivery_id") == Tag(failed, "dch.webhook.delivery_id")
            && Tag(s, "dch.webhook.attempt") == "2");
        Assert.Equal(("will-retry", "500", ActivityStatusCode.Error), (Tag(failed, "dch.webhook.outcome"), Tag(failed, "http.response.status_code"), failed.Status));
        Assert.Equal(("delivered", "200", "claim.created"), (Tag(delivered, "dch.webhook.outcome"), Tag(delivered, "http.response.status_code"),
            Tag(delivered, "dch.webhook.event_type")));
        Assert.NotEqual(failed.TraceId, delivered.TraceId);
        Assert.Equal(default, delivered.ParentSpanId);

        // The HTTP call runs inside the attempt's span and carries the trace to the practice's endpoint.
        var http = await WaitForSpanAsync(s => s.TraceId == delivered.TraceId && s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http");
        Assert.Equal(delivered.SpanId, http.ParentSpanId);
        Assert.Equal($"00-{delivered.TraceId}-{http.SpanId}-01", receiver.Received[^1].Traceparent);
    }

    [Fact]
    public async Task RosterImport_TheBackgroundJobIsATraceWithItsOutcomeAndRowCount_AndNoCellOfTheFile()
    {
        var practice = await factory.CreatePracticeAsync("Traced Roster Dental");
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(Path.Combine(RepositoryPaths.Samples, "dms", "demo-med", "prikreplenie-2026-12-01.xlsx")));
        form.Add(file, "file", "prikreplenie.xlsx");
        form.Add(new StringContent("demo-dms-insurer"), "insurer");
        form.Add(new StringContent("true"), "partial");
        using var posted = await practice.Client.PostAsync("/v1/roster-imports", form);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var import = (await posted.Content.ReadFromJsonAsync<Api.Rosters.RosterImportView>())!;

        var span = await WaitForSpanAsync(s => s.DisplayName == "roster import" && Tag(s, "dch.roster.import_id") == import.Id.ToString());
        Assert.Equal(("applied", "demo-dms-insurer", ActivityStatusCode.Unset), (Tag(span, "dch.roster.outcome"), Tag(span, "payer.id"), span.Status));
        Assert.True(int.Parse(Tag(span, "dch.roster.rows")!, CultureInfo.InvariantCulture) >= 5);
        Assert.Equal(default, span.ParentSpanId);
        var texts = factory.Spans.Snapshot().Where(s => s.TraceId == span.TraceId)
            .SelectMany(s => s.TagObjects.Select(t => Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? "")).ToList();
        Assert.DoesNotContain(texts, t => t.Any(c => c is >= 'А' and <= 'я'));
    }

    private static string? Tag(Activity span, string name) => Convert.ToString(span.GetTagItem(name), CultureInfo.InvariantCulture);

    private bool IsDescendant(Activity span, Activity ancestor) => Ancestors(span).Any(a => a.SpanId == ancestor.SpanId);

    private List<Activity> Ancestors(Activity span)
    {
        var bySpan = factory.Spans.Snapshot().Where(s => s.TraceId == span.TraceId).ToDictionary(s => s.SpanId);
        var ancestors = new List<Activity>();
        for (var current = span; bySpan.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            ancestors.Add(parent);
        }

        return ancestors;
    }

    private static string Describe(Activity s) => $"{s.Source.Name}/{s.DisplayName}/{s.Kind}";

    // Spans are exported when they end, a moment after the work that a test waits on.
    private async Task<Activity> WaitForSpanAsync(Func<Activity, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            if (factory.Spans.Snapshot().FirstOrDefault(match) is { } span)
            {
                return span;
            }

            await Task.Delay(100);
        }

        var seen = factory.Spans.Snapshot().Select(Describe).Distinct();
        Assert.Fail("No such span. Seen: " + string.Join(", ", seen));
        return null!;
    }
}
