using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Payers;
using DentalClaimsHub.Api.AdminConsole.Webhooks;
using DentalClaimsHub.Api.Webhooks;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// A payer's last failure and a webhook's last error are coded where they are recorded (the English text unchanged) and worded
/// from the code in Russian; in English, or without a code, they read as recorded.
/// </summary>
public sealed class TransportFailureTextTests
{
    private static T In<T>(string culture, Func<IStringLocalizer<ConsoleText>, T> render)
    {
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return render(new StringLocalizer<ConsoleText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()),
                NullLoggerFactory.Instance)));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formatting);
        }
    }

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
        Assert.Equal("Не удалось подключиться к плательщику", In("ru", t => new PayerFailureText(t).Render(Health(failure))));
        Assert.Equal("HttpRequestException", In("en", t => new PayerFailureText(t).Render(Health(failure))));
    }

    [Fact]
    public void Payer_failure_StatusAndBrokenCircuit_AreCodedWithTheirValues()
    {
        var status = PayerFailures.Of(HttpStatusCode.ServiceUnavailable);
        var open = PayerFailures.Of(new BrokenCircuitException());

        Assert.Equal(("HTTP 503", "Плательщик ответил кодом HTTP 503"), (status.Text, In("ru", t => new PayerFailureText(t).Render(Health(status)))));
        Assert.Equal(("BrokenCircuitException", "Предохранитель разомкнут: вызовы отклонены"),
            (open.Text, In("ru", t => new PayerFailureText(t).Render(Health(open)))));
        Assert.Equal("InvalidOperationException", In("ru", t => new PayerFailureText(t).Render(Health(new PayerFailure("retired-code", [], "InvalidOperationException")))));
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
        Assert.Equal("Получатель ответил кодом HTTP 500", In("ru", t => new WebhookErrorText(t).Render(Delivery(500, answered))));
        Assert.Equal("Нет ответа за 2,5 с", In("ru", t => new WebhookErrorText(t).Render(Delivery(null, silent))));
        Assert.Equal("Не удалось подключиться к получателю", In("ru", t => new WebhookErrorText(t).Render(Delivery(null, refused))));
        Assert.Equal("HTTP 500 Internal Server Error", In("en", t => new WebhookErrorText(t).Render(Delivery(500, answered))));
        // Recorded before codes: a status or a timeout recognised by its English, anything else as stored; a bare status as HTTP n.
        Assert.Equal("Получатель ответил кодом HTTP 502", In("ru", t => new WebhookErrorText(t).Render(Delivery(502, null) with { LastError = "HTTP 502 Bad Gateway" })));
        Assert.Equal("Нет ответа за 10 с", In("ru", t => new WebhookErrorText(t).Render(Delivery(null, null) with { LastError = "No answer within 10 s" })));
        Assert.Equal("Connection refused (x:1)", In("ru", t => new WebhookErrorText(t).Render(Delivery(null, null) with { LastError = "Connection refused (x:1)" })));
        Assert.Equal("HTTP 204", In("ru", t => new WebhookErrorText(t).Render(Delivery(204, null))));
    }
}
