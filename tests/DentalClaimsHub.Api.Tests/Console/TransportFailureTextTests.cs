using System.Net;
using System.Net.Sockets;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Payers;
using DentalClaimsHub.Api.AdminConsole.Webhooks;
using DentalClaimsHub.Api.Webhooks;
using Polly.CircuitBreaker;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// A payer's last failure and a webhook's last error are coded where they are recorded (the English text unchanged) and worded
/// from the code in Russian; in English, or without a code, they read as recorded.
/// </summary>
public sealed class TransportFailureTextTests
{
    private static async Task<HttpRequestException> RefusedAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();
        return await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{port}/")));
    }

    private static PayerCircuitSnapshot Health(PayerFailure failure) =>
        new("demo", CircuitState.Closed, null, DateTimeOffset.UnixEpoch, failure.Text) { LastFailureCode = failure.Code, LastFailureArgs = failure.Args };

    [Fact]
    public async Task Payer_failure_RefusedConnection_KeepsTheTypeAndReadsRussian()
    {
        var failure = PayerFailures.Of(await RefusedAsync());

        Assert.Equal((PayerFailures.NoConnection, "HttpRequestException"), (failure.Code, failure.Text));
        Assert.Equal("Не удалось подключиться к плательщику", ConsoleCulture.In("ru", t => new PayerFailureText(t).Render(Health(failure))));
        Assert.Equal("HttpRequestException", ConsoleCulture.In("en", t => new PayerFailureText(t).Render(Health(failure))));
    }

    [Fact]
    public void Payer_failure_StatusAndBrokenCircuit_AreCodedWithTheirValues()
    {
        var status = PayerFailures.Of(HttpStatusCode.ServiceUnavailable);
        var open = PayerFailures.Of(new BrokenCircuitException());

        Assert.Equal(("HTTP 503", "Плательщик ответил кодом HTTP 503"), (status.Text, ConsoleCulture.In("ru", t => new PayerFailureText(t).Render(Health(status)))));
        Assert.Equal(("BrokenCircuitException", "Предохранитель разомкнут: вызовы отклонены"),
            (open.Text, ConsoleCulture.In("ru", t => new PayerFailureText(t).Render(Health(open)))));
        Assert.Equal("InvalidOperationException", ConsoleCulture.In("ru", t => new PayerFailureText(t).Render(Health(new PayerFailure("retired-code", [], "InvalidOperationException")))));
    }

    private static WebhookDeliveryRow Delivery(int? status, WebhookError? error) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Practice", "claim.created", WebhookDeliveryView.Failed, 1, status, error?.Text, null, DateTimeOffset.UnixEpoch,
            DateTimeOffset.UnixEpoch, null)
        { LastErrorCode = error?.Code, LastErrorArgs = error?.Args ?? [] };

    [Fact]
    public async Task Webhook_error_EachKind_KeepsItsEnglishAndReadsRussian()
    {
        var answered = WebhookErrors.Answered(HttpStatusCode.InternalServerError, "Internal Server Error");
        var silent = WebhookErrors.NoAnswerWithin(TimeSpan.FromSeconds(2.5));
        var refused = WebhookErrors.Of(await RefusedAsync());

        Assert.Equal("HTTP 500 Internal Server Error", answered.Text);
        Assert.Equal("No answer within 2.5 s", silent.Text);
        Assert.Equal(WebhookErrors.NoConnection, refused.Code);
        Assert.Equal("Получатель ответил кодом HTTP 500", ConsoleCulture.In("ru", t => new WebhookErrorText(t).Render(Delivery(500, answered))));
        Assert.Equal("Нет ответа за 2,5 с", ConsoleCulture.In("ru", t => new WebhookErrorText(t).Render(Delivery(null, silent))));
        Assert.Equal("Не удалось подключиться к получателю", ConsoleCulture.In("ru", t => new WebhookErrorText(t).Render(Delivery(null, refused))));
        Assert.Equal("HTTP 500 Internal Server Error", ConsoleCulture.In("en", t => new WebhookErrorText(t).Render(Delivery(500, answered))));
        // Recorded before codes: a status or a timeout recognised by its English, anything else as stored; a bare status as HTTP n.
        Assert.Equal("Получатель ответил кодом HTTP 502", ConsoleCulture.In("ru", t => new WebhookErrorText(t).Render(Delivery(502, null) with { LastError = "HTTP 502 Bad Gateway" })));
        Assert.Equal("Нет ответа за 10 с", ConsoleCulture.In("ru", t => new WebhookErrorText(t).Render(Delivery(null, null) with { LastError = "No answer within 10 s" })));
        Assert.Equal("Connection refused (x:1)", ConsoleCulture.In("ru", t => new WebhookErrorText(t).Render(Delivery(null, null) with { LastError = "Connection refused (x:1)" })));
        Assert.Equal("HTTP 204", ConsoleCulture.In("ru", t => new WebhookErrorText(t).Render(Delivery(204, null))));
    }
}
