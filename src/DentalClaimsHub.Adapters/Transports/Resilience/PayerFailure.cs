using System.Globalization;
using System.Net;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace DentalClaimsHub.Adapters.Transports.Resilience;

/// <summary>
/// Why an exchange with a payer failed: the text kept for logs and APIs (an HTTP status or an exception type, never a body) and
/// its code (<see cref="PayerFailures"/>) with the values it names, for the console to word per culture.
/// </summary>
public sealed record PayerFailure(string Code, IReadOnlyList<string> Args, string Text);

/// <summary>The failures the payer pipeline records; args listed per code, invariant culture.</summary>
public static class PayerFailures
{
    /// <summary>Args: the HTTP status (5xx or 408).</summary>
    public const string HttpStatus = "http-status";

    public const string Timeout = "timeout";

    public const string CircuitOpen = "circuit-open";

    public const string Rejected = "rejected";

    public const string NameNotResolved = "name-not-resolved";

    public const string NoConnection = "no-connection";

    public const string TlsFailed = "tls-failed";

    /// <summary>Args: the kind of HTTP failure (<see cref="HttpRequestError"/>'s name).</summary>
    public const string Transport = "transport";

    /// <summary>Args: the exception type.</summary>
    public const string Error = "error";

    /// <summary>Every code above, for the check that each has words in every language.</summary>
    public static readonly IReadOnlyList<string> All =
        [HttpStatus, Timeout, CircuitOpen, Rejected, NameNotResolved, NoConnection, TlsFailed, Transport, Error];

    public static PayerFailure Of(HttpStatusCode status)
    {
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        return new(HttpStatus, [code], "HTTP " + code);
    }

    /// <summary>The exception's type is the text: its message may quote the payer's answer.</summary>
    public static PayerFailure Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var type = exception.GetType().Name;
        return exception switch
        {
            BrokenCircuitException => new(CircuitOpen, [], type),
            TimeoutRejectedException or TimeoutException or OperationCanceledException => new(Timeout, [], type),
            RateLimiterRejectedException => new(Rejected, [], type),
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => new(NameNotResolved, [], type),
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => new(NoConnection, [], type),
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => new(TlsFailed, [], type),
            HttpRequestException http => new(Transport, [http.HttpRequestError.ToString()], type),
            _ => new(Error, [type], type),
        };
    }
}
