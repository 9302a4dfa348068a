using System.Globalization;
using System.Net.Http.Headers;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports.Resilience;

namespace DentalClaimsHub.Adapters.Transports.CaqhCore;

/// <summary>
/// Sends an X12 payload to a payer over CAQH CORE connectivity (SOAP or MIME, as its profile says) through the payer's
/// resilience pipeline, and returns the payer's CORE response. Real-time inquiries are retried on transient failures;
/// batch submissions are not (a retry could deliver a claim twice).
/// </summary>
public sealed class CaqhCoreTransport(IHttpClientFactory clients, PayerSecrets secrets, TimeProvider time)
{
    /// <summary>
    /// Sends <paramref name="payload"/>. <paramref name="payloadId"/> is the CORE PayloadID: give the same one when resending
    /// the same batch after a failure or a crash, so the payer recognises the repeat; a new one is made when null.
    /// </summary>
    public async Task<CoreMessage> SendAsync(PayerProfile payer, string payloadType, string payload, bool realTime,
        CancellationToken cancellationToken, string? payloadId = null)
    {
        var core = payer.Core ?? throw new InvalidOperationException($"Payer '{payer.Id}' has no CORE connectivity settings.");
        var url = (realTime ? core.RealtimeUrl : core.BatchUrl)
            ?? throw new InvalidOperationException($"Payer '{payer.Id}' has no CORE {(realTime ? "real-time" : "batch")} URL.");
        var message = new CoreMessage
        {
            PayloadType = payloadType,
            ProcessingMode = realTime ? CoreMessage.RealTime : CoreMessage.Batch,
            PayloadId = payloadId ?? Guid.CreateVersion7(time.GetUtcNow()).ToString(),
            TimeStamp = time.GetUtcNow(),
            SenderId = core.SenderId,
            ReceiverId = core.ReceiverId,
            CoreRuleVersion = core.RuleVersion,
            Payload = payload,
        };
        var username = secrets.Get(payer, core.UsernameSecret);
        var password = secrets.Get(payer, core.PasswordSecret);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = core.Envelope == CoreEnvelopeStyle.Mime
                ? CoreMimeCodec.Write(message, username, password)
                : Utf8Content(CoreSoapCodec.WriteUtf8(message, username, password), CoreSoapCodec.MediaType),
        }.ForPayer(payer.Id, idempotent: realTime, PayerOperations.OfCorePayload(payloadType));

        using var response = await clients.CreateClient(PayerHttp.ClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode && !IsSoap(response) && response.Content.Headers.ContentType?.MediaType != "multipart/form-data")
        {
            throw new CoreTransportException(payer.Id, null, new PayerReason(PayerReasons.CoreNoEnvelope,
                [payer.Id, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), response.ReasonPhrase ?? ""]));
        }

        var answer = core.Envelope == CoreEnvelopeStyle.Mime && !IsSoap(response)
            ? await CoreMimeCodec.ReadAsync(payer.Id, response.Content, cancellationToken)
            : await ReadSoapAsync(payer.Id, response.Content, cancellationToken);
        if (!string.Equals(answer.ErrorCode, CoreMessage.Success, StringComparison.OrdinalIgnoreCase))
        {
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            throw new CoreTransportException(payer.Id, answer.ErrorCode,
                new PayerReason(PayerReasons.CoreError, [payer.Id, answer.ErrorCode ?? "", answer.ErrorMessage ?? "", status]));
        }

        if (answer.PayloadId != message.PayloadId)
        {
            // The payer answered, but another request: asking again will not make this answer ours.
            throw new PayerResponseException(payer.Id,
                new PayerReason(PayerReasons.CoreOtherPayload, [payer.Id, answer.PayloadId, message.PayloadId]));
        }

        return answer;
    }

    // The envelope is read from its bytes unless the answer names a charset other than UTF-8: the header's charset then
    // decodes it, as it did when every answer was read as text first.
    private static async Task<CoreMessage> ReadSoapAsync(string payerId, HttpContent content, CancellationToken cancellationToken)
    {
        var charset = content.Headers.ContentType?.CharSet?.Trim('"');
        if (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return CoreSoapCodec.Read(payerId, await content.ReadAsStreamAsync(cancellationToken));
        }

        return CoreSoapCodec.Read(payerId, await content.ReadAsStringAsync(cancellationToken));
    }

    private static ByteArrayContent Utf8Content(byte[] bytes, string mediaType) =>
        new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" } } };

    private static bool IsSoap(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is CoreSoapCodec.MediaType or "text/xml";
}
