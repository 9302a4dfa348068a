using System.Globalization;
using System.Net;

namespace DentalClaimsHub.Api.Webhooks;

/// <summary>
/// Why a webhook attempt failed: the English text the API shows (<c>WebhookAttempt.Error</c>) and its code
/// (<see cref="WebhookErrors"/>) with the values it names, kept beside it for the console to word per culture.
/// </summary>
public sealed record WebhookError(string Code, IReadOnlyList<string> Args, string Text);

/// <summary>The ways a webhook attempt fails, each with its English wording; args listed per code, invariant culture.</summary>
public static class WebhookErrors
{
    /// <summary>Args: the HTTP status, its reason phrase as the endpoint sent it (may be empty).</summary>
    public const string HttpStatus = "http-status";

    /// <summary>Args: the timeout in seconds.</summary>
    public const string NoAnswer = "no-answer";

    /// <summary>Args: the HTTP client's message (English, from .NET).</summary>
    public const string NameNotResolved = "name-not-resolved";

    /// <summary>Args: the HTTP client's message (English, from .NET).</summary>
    public const string NoConnection = "no-connection";

    /// <summary>Args: the HTTP client's message (English, from .NET).</summary>
    public const string TlsFailed = "tls-failed";

    /// <summary>Args: the exception's message (English, from .NET).</summary>
    public const string Failed = "failed";

    /// <summary>Every code above, for the check that each has words in every language.</summary>
    public static readonly IReadOnlyList<string> All = [HttpStatus, NoAnswer, NameNotResolved, NoConnection, TlsFailed, Failed];

    public static WebhookError Answered(HttpStatusCode status, string? reasonPhrase)
    {
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        return new(HttpStatus, [code, reasonPhrase ?? ""], $"HTTP {code} {reasonPhrase}");
    }

    public static WebhookError NoAnswerWithin(TimeSpan timeout) =>
        new(NoAnswer, [timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)], $"No answer within {timeout.TotalSeconds:0.#} s");

    public static WebhookError Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => NameNotResolved,
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => NoConnection,
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => TlsFailed,
            _ => Failed,
        };
        return new(code, [exception.Message], exception.Message);
    }
}
