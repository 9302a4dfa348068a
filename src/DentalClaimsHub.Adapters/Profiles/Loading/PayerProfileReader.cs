using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DentalClaimsHub.Adapters.Profiles.Loading;

/// <summary>Reads one <c>mappings/payers/&lt;id&gt;.yaml</c> file into a <see cref="PayerProfile"/>, collecting every error.</summary>
internal static partial class PayerProfileReader
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();

    public static (PayerProfile? Profile, IReadOnlyList<PayerProfileError> Errors) Read(
        string file, IReadOnlyDictionary<string, string> variables)
    {
        var sink = new ProfileErrorSink(file);
        var root = Parse(file, sink);
        if (root is null)
        {
            return (null, sink.Errors);
        }

        var map = new YamlMap(root, string.Empty, sink, variables);
        var profile = ReadProfile(map, Path.GetFileNameWithoutExtension(file), file);
        map.RejectUnknownFields();
        return sink.HasErrors ? (null, sink.Errors) : (profile, sink.Errors);
    }

    private static YamlMappingNode? Parse(string file, ProfileErrorSink sink)
    {
        PositionTrackingParser? parser = null;
        try
        {
            using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            parser = new PositionTrackingParser(new Parser(reader));
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode mapping)
            {
                return mapping;
            }

            sink.AddForFile(string.Empty, "a payer profile must be one YAML document whose root is a mapping of fields.");
        }
        catch (YamlException exception)
        {
            // YamlDotNet reports duplicate keys and syntax errors here, both with the offending position.
            var message = (exception.InnerException?.Message ?? exception.Message).Trim();
            sink.Add(exception.Start, string.Empty, $"YAML syntax error: {message}");
        }
        catch (InvalidOperationException exception) when (parser is not null)
        {
            sink.Add(parser.LastGoodPosition, string.Empty, $"YAML syntax error after this position: {exception.Message}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            sink.AddForFile(string.Empty, $"cannot read the file: {exception.Message}");
        }

        return null;
    }

    private static PayerProfile ReadProfile(YamlMap map, string fileId, string file)
    {
        var id = map.Checked("id", required: true, IdPattern().IsMatch, "use lower-case letters, digits and dashes");
        if (id is not null && !string.Equals(id, fileId, StringComparison.Ordinal))
        {
            map.Sink.Add(map.StartOf("id"), "id", $"'{id}' must equal the file name '{fileId}'.");
        }

        var displayName = map.Checked("displayName", required: true, text => text.Trim().Length > 0, "must not be empty");
        var country = map.Checked("country", required: true, CountryPattern().IsMatch, "use an ISO 3166-1 alpha-2 code such as US or RU");
        var kind = map.Enum<PayerKind>("kind", required: true);
        var capabilities = ReadCapabilities(map);
        var profile = new PayerProfile
        {
            Id = id ?? fileId,
            DisplayName = displayName ?? string.Empty,
            Country = country ?? string.Empty,
            Kind = kind ?? default,
            Capabilities = capabilities,
            X12 = ReadX12(map),
            Core = ReadCore(map),
            Sftp = ReadSftp(map),
            Fhir = ReadFhir(map),
            Dms = ReadDms(map),
            Resilience = ReadResilience(map),
            ClaimStatus = ReadClaimStatus(map),
            Inbound = ReadInbound(map),
            SourceFile = file,
        };
        CheckConsistency(map, profile);

        return profile;
    }
}
