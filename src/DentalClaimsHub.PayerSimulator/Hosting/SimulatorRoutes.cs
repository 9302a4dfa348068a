using System.Collections.Concurrent;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace DentalClaimsHub.PayerSimulator.Hosting;

/// <summary>
/// Binds scenario handlers to WireMock mappings and records every request before the handler answers, so a test
/// that awaited its response always finds the request in <see cref="Received"/>.
/// </summary>
public sealed class SimulatorRoutes
{
    private const int CatchAllPriority = 1_000_000;
    private readonly WireMockServer server;
    private readonly TimeProvider time;
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private readonly CancellationTokenSource stopping = new();

    internal SimulatorRoutes(WireMockServer server, TimeProvider time)
    {
        this.server = server;
        this.time = time;
        server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/*")).UsingAnyMethod())
            .AtPriority(CatchAllPriority)
            .RespondWith(Response.Create().WithCallback(message => Handle(message, request => SimulatorResponse.NotFound(request.Path))));
    }

    /// <summary>
    /// Time every answer is held back, like a real payer's processing time (load tests use 200 ms). Waiting is
    /// asynchronous: a thousand delayed answers cost no threads.
    /// </summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Raised after each request is answered (used by the console host to log one line per request).</summary>
    public event Action<ReceivedRequest>? RequestHandled;

    /// <summary>Answers <paramref name="method"/> requests to <paramref name="path"/> with <paramref name="handler"/>.</summary>
    public void Map(string method, string path, Func<SimulatorRequest, SimulatorResponse> handler)
    {
        server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithCallback(message => HandleAsync(message, handler)));
    }

    /// <summary>Requests received on <paramref name="path"/> (exact match, any method), oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> Received(string path) =>
        [.. received.Where(request => string.Equals(request.Path, path, StringComparison.Ordinal))];

    /// <summary>Every request received, oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> All => [.. received];

    internal void Clear() => received.Clear();

    /// <summary>Releases every held answer; called when the simulator stops.</summary>
    internal void ReleaseHeldAnswers() => stopping.Cancel();

    private async Task<IResponseMessage> HandleAsync(IRequestMessage message, Func<SimulatorRequest, SimulatorResponse> handler)
    {
        var (response, answer) = Answer(message, handler);
        var delay = ResponseDelay + response.Delay;
        if (delay > TimeSpan.Zero)
        {
            // Wall-clock on purpose (a payer's slowness is real even when tests fake the clock); cut short on shutdown so a
            // held answer never keeps the server from stopping.
            await Task.Delay(delay, stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return answer;
    }

    private ResponseMessage Handle(IRequestMessage message, Func<SimulatorRequest, SimulatorResponse> handler) => Answer(message, handler).Message;

    private (SimulatorResponse Response, ResponseMessage Message) Answer(IRequestMessage message, Func<SimulatorRequest, SimulatorResponse> handler)
    {
        var request = new SimulatorRequest(message);
        SimulatorResponse response;
        try
        {
            response = handler(request);
        }
        catch (Exception exception) when (exception is FormatException or InvalidDataException or IOException or System.Xml.XmlException)
        {
            response = SimulatorResponse.Text(400, "text/plain; charset=utf-8", "Malformed request: " + exception.Message);
        }

        var record = new ReceivedRequest(
            request.Method, request.Path, request.ContentType, request.Body, response.StatusCode, response.Body.Length, time.GetUtcNow())
        {
            Headers = request.Headers,
        };
        received.Enqueue(record);
        RequestHandled?.Invoke(record);
        return (response, ToMessage(response));
    }

    private static ResponseMessage ToMessage(SimulatorResponse response)
    {
        var message = new ResponseMessage
        {
            StatusCode = response.StatusCode,
            BodyData = new BodyData { BodyAsBytes = response.Body, DetectedBodyType = BodyType.Bytes },
        };
        message.AddHeader("Content-Type", response.ContentType);
        return message;
    }
}
