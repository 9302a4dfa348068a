using System.Net.Http.Headers;

namespace DentalClaimsHub.Adapters.Transports.CaqhCore;

/// <summary>The HTTP MIME multipart (form-data) variant of CORE connectivity; credentials travel as form fields.</summary>
public static class CoreMimeCodec
{
    public static MultipartFormDataContent Write(CoreMessage message, string username, string password)
    {
        var content = new MultipartFormDataContent($"dch-core-{message.PayloadId}");
        foreach (var (name, value) in message.Fields().Prepend(("Password", password)).Prepend(("UserName", username)))
        {
            var part = new StringContent(value);
            part.Headers.ContentType = null;
            content.Add(part, name);
        }

        return content;
    }

    public static async Task<CoreMessage> ReadAsync(string payerId, HttpContent content, CancellationToken cancellationToken)
    {
        var boundary = content.Headers.ContentType?.Parameters.FirstOrDefault(p => p.Name == "boundary")?.Value?.Trim('"')
            ?? throw new CoreTransportException(payerId, null, new PayerReason(PayerReasons.CoreNotMultipart, [payerId]));
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, await content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.Name is { } name)
            {
                using var text = new StreamReader(section.Body);
                fields[name.Trim('"')] = await text.ReadToEndAsync(cancellationToken);
            }
        }

        return CoreMessage.FromFields(name => fields.GetValueOrDefault(name, ""));
    }
}
