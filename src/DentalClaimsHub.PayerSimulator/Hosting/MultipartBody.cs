using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DentalClaimsHub.PayerSimulator.Hosting;

/// <summary>Splits multipart bodies (CORE MIME envelopes, ДМС file uploads) into named parts.</summary>
public static class MultipartBody
{
    /// <summary>The parts of a multipart body with their names, optional file names and raw bytes.</summary>
    public static IReadOnlyList<(string Name, string? FileName, byte[] Content)> ReadParts(string contentType, byte[] body)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Length == 0)
        {
            throw new FormatException("Expected a multipart body with a boundary.");
        }

        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value!, new MemoryStream(body));
        var parts = new List<(string, string?, byte[])>();
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                throw new FormatException("A multipart section has no Content-Disposition.");
            }

            using var content = new MemoryStream();
            section.Body.CopyTo(content);
            var rawFileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName;
            var fileName = HeaderUtilities.RemoveQuotes(rawFileName).Value;
            parts.Add((HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty, fileName, content.ToArray()));
        }

        return parts;
    }
}
