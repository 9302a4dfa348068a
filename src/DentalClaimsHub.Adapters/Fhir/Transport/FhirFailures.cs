using System.Globalization;
using System.Net;
using DentalClaimsHub.Adapters.Transports;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;

namespace DentalClaimsHub.Adapters.Fhir.Transport;

/// <summary>
/// Turns what a FHIR exchange threw into the hub's two kinds of payer failure: a payer that cannot answer now
/// (<see cref="HttpRequestException"/>, asked again later) and one that answered unusably (<see cref="PayerResponseException"/>).
/// The SDK's exception is not kept as the inner exception: its message quotes the payer's text unredacted, and failures
/// are logged with their inner exceptions.
/// </summary>
public static class FhirFailures
{
    private const int MaxDiagnosticsLength = 300;

    /// <summary>The exception to throw for a non-success FHIR answer.</summary>
    /// <param name="exception">What the SDK threw.</param>
    /// <param name="payerId">The payer asked.</param>
    /// <param name="redact">Removes personal data from the payer's diagnostics before they become the message.</param>
    public static Exception From(FhirOperationException exception, string payerId, Func<string, string>? redact = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception.Status;
        var what = $"The FHIR payer answered HTTP {(int)status}";
        if ((int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            return new HttpRequestException($"{what}.", null, status);
        }

        if ((int)status is >= 200 and < 300)
        {
            // The SDK reports a success answer it could not parse this way, with its reason as the outcome.
            var reason = Describe(exception.Outcome) ?? "unparseable body";
            return new PayerResponseException(payerId,
                new PayerReason(PayerReasons.FhirUnreadable, [redact is null ? reason : redact(reason)]));
        }

        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        return Describe(exception.Outcome) is { } diagnostics
            ? new PayerResponseException(payerId,
                new PayerReason(PayerReasons.FhirHttpError, [code, redact is null ? diagnostics : redact(diagnostics)]))
            : new PayerResponseException(payerId, new PayerReason(PayerReasons.FhirHttpNoOutcome, [code]));
    }

    /// <summary>The exception to throw when the payer's answer is not readable FHIR.</summary>
    public static PayerResponseException Unreadable(Exception exception, string payerId) =>
        new(payerId, new PayerReason(PayerReasons.FhirUnreadableType, [exception.GetType().Name]));

    /// <summary>The issues of an OperationOutcome as one line (diagnostics, else details text, else the issue code).</summary>
    public static string? Describe(OperationOutcome? outcome)
    {
        var issues = outcome?.Issue
            .Select(i => i.Diagnostics ?? i.Details?.Text ?? i.Code?.ToString())
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .ToList();
        if (issues is not { Count: > 0 })
        {
            return null;
        }

        var text = string.Join("; ", issues);
        return text.Length <= MaxDiagnosticsLength ? text : text[..MaxDiagnosticsLength] + "…";
    }
}
