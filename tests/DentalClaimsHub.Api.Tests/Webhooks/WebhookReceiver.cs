using System.Collections.Concurrent;
using System.Net;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace DentalClaimsHub.Api.Tests.Webhooks;

/// <summary>One request the receiver got and what it answered.</summary>
public sealed record ReceivedHook(string EventId, string EventType, string Signature, string Body, int Answer, DateTimeOffset At)
{
    /// <summary>The W3C trace context the hub sent with the request, if any.</summary>
    public string? Traceparent { get; init; }
}

/// <summary>
/// A practice's webhook endpoint over real HTTP: answers 500 to the first <see cref="FailuresPerEvent"/> attempts of each
/// event id (all of them when <see cref="AlwaysFail"/>), then 200; keeps every request in arrival order.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentQueue<ReceivedHook> _received = new();

    public WebhookReceiver()
    {
        _server.Given(Request.Create().WithPath("/hooks").UsingPost()).RespondWith(Response.Create().WithCallback(Answer));
    }

    public string Url => _server.Url + "/hooks";

    public int FailuresPerEvent { get; set; } = 2;

    public bool AlwaysFail { get; set; }

    public IReadOnlyList<ReceivedHook> Received => [.. _received];

    public void Dispose() => _server.Stop();

    private ResponseMessage Answer(IRequestMessage request)
    {
        var id = Header(request, "DCH-Event-Id");
        var attempt = _attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
        var status = AlwaysFail || attempt <= FailuresPerEvent ? HttpStatusCode.InternalServerError : HttpStatusCode.OK;
        _received.Enqueue(new ReceivedHook(id, Header(request, "DCH-Event-Type"), Header(request, "DCH-Signature"), request.Body ?? "", (int)status,
            DateTimeOffset.UtcNow) { Traceparent = Header(request, "traceparent") });
        return new ResponseMessage
        {
            StatusCode = (int)status,
            BodyData = new BodyData { BodyAsString = status == HttpStatusCode.OK ? "ok" : "try later", DetectedBodyType = BodyType.String },
        };
    }

    private static string Header(IRequestMessage request, string name) =>
        request.Headers is { } headers && headers.TryGetValue(name, out var values) ? values.ToString() : "";
}
