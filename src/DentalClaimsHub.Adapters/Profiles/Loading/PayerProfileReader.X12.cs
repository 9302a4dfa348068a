using System.Globalization;
using System.Text.RegularExpressions;

namespace DentalClaimsHub.Adapters.Profiles.Loading;

internal static partial class PayerProfileReader
{
    // 005010 ISA05/07 qualifiers are 2 characters; ISA06/08 up to 15; GS02/03 up to 15; NM109 up to 80.
    [GeneratedRegex("^(1[1-7]|[A-Z][A-Z0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex FilingIndicatorPattern();

    [GeneratedRegex("^[0-9A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifierPattern();

    [GeneratedRegex("^[0-9A-Za-z .-]{1,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex InterchangeIdPattern();

    [GeneratedRegex("^[0-9A-Za-z .-]{1,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex PayerIdPattern();

    [GeneratedRegex("^[0-9A-Z]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceTypePattern();

    private static X12Settings? ReadX12(YamlMap root)
    {
        var map = root.Map("x12");
        if (map is null)
        {
            return null;
        }

        var identifiers = map.Map("identifiers", required: true);
        var options = map.Map("options");
        map.RejectUnknownFields();
        var result = new X12Settings(
            identifiers is null ? EmptyIdentifiers : ReadIdentifiers(identifiers),
            options is null ? new X12Options() : ReadOptions(options));
        identifiers?.RejectUnknownFields();
        options?.RejectUnknownFields();
        return result;
    }

    private static readonly X12Identifiers EmptyIdentifiers = new()
    {
        SenderQualifier = string.Empty, SenderId = string.Empty, ReceiverQualifier = string.Empty, ReceiverId = string.Empty,
        ApplicationSenderCode = string.Empty, ApplicationReceiverCode = string.Empty, PayerId = string.Empty, UsageIndicator = 'T',
    };

    private static X12Identifiers ReadIdentifiers(YamlMap map)
    {
        const string Qualifier = "use a 2-character ISA qualifier such as ZZ or 30";
        const string InterchangeId = "use 1-15 letters, digits, spaces, dots or dashes";
        var usage = map.Checked("usageIndicator", required: true, text => text is "P" or "T", "use P (production) or T (test)");
        return new X12Identifiers
        {
            SenderQualifier = map.Checked("senderQualifier", true, QualifierPattern().IsMatch, Qualifier) ?? string.Empty,
            SenderId = map.Checked("senderId", true, InterchangeIdPattern().IsMatch, InterchangeId) ?? string.Empty,
            ReceiverQualifier = map.Checked("receiverQualifier", true, QualifierPattern().IsMatch, Qualifier) ?? string.Empty,
            ReceiverId = map.Checked("receiverId", true, InterchangeIdPattern().IsMatch, InterchangeId) ?? string.Empty,
            ApplicationSenderCode = map.Checked("gs02", true, InterchangeIdPattern().IsMatch, InterchangeId) ?? string.Empty,
            ApplicationReceiverCode = map.Checked("gs03", true, InterchangeIdPattern().IsMatch, InterchangeId) ?? string.Empty,
            PayerId = map.Checked("payerId", true, PayerIdPattern().IsMatch, "use 1-80 letters, digits, spaces, dots or dashes")
                ?? string.Empty,
            UsageIndicator = usage?[0] ?? 'T',
            RequestTa1 = map.Bool("requestTa1", fallback: false),
            Expect999 = map.Bool("expect999", fallback: true),
            Send999 = map.Bool("send999", fallback: false),
        };
    }

    private static X12Options ReadOptions(YamlMap map)
    {
        var defaults = new X12Options();
        return new X12Options
        {
            DentalServiceType = map.Checked(
                    "dentalServiceType", false, ServiceTypePattern().IsMatch, "use an EQ01 service type code such as 35")
                ?? defaults.DentalServiceType,
            CoInsuranceIsPatientShare = map.Bool("coInsuranceIsPatientShare", defaults.CoInsuranceIsPatientShare),
            ClaimBatchInterval = map.Duration("claimBatchInterval", defaults.ClaimBatchInterval),
            ClaimFilingIndicator = map.Checked("claimFilingIndicator", false, FilingIndicatorPattern().IsMatch,
                    "use an SBR09 claim filing indicator such as CI, MC or CH")
                ?? defaults.ClaimFilingIndicator,
        };
    }

    private static CoreConnectivity? ReadCore(YamlMap root)
    {
        var map = root.Map("core");
        if (map is null)
        {
            return null;
        }

        var core = new CoreConnectivity
        {
            RealtimeUrl = map.Url("realtimeUrl"),
            BatchUrl = map.Url("batchUrl"),
            Envelope = map.Enum<CoreEnvelopeStyle>("envelope") ?? CoreEnvelopeStyle.Soap,
            SenderId = map.Checked("senderId", true, text => text.Length is > 0 and <= 50, "use 1-50 characters") ?? string.Empty,
            ReceiverId = map.Checked("receiverId", true, text => text.Length is > 0 and <= 50, "use 1-50 characters") ?? string.Empty,
            RuleVersion = map.Checked("ruleVersion", false, text => Version.TryParse(text, out _), "use a version such as 2.2.0")
                ?? "2.2.0",
            UsernameSecret = map.SecretName("usernameSecret", required: true) ?? string.Empty,
            PasswordSecret = map.SecretName("passwordSecret", required: true) ?? string.Empty,
        };
        map.RejectUnknownFields();
        return core;
    }

    private static SftpSettings? ReadSftp(YamlMap root)
    {
        var map = root.Map("sftp");
        if (map is null)
        {
            return null;
        }

        // Host, port, folder and fingerprint may come from Hub:Variables placeholders (one profile, several environments).
        string? Field(string key, bool required, Func<string, bool> check, string rule)
        {
            var value = map.Expanded(key, required);
            if (value is not null && !check(value))
            {
                map.Sink.Add(map.StartOf(key), $"sftp.{key}", $"'{value}' is invalid: {rule}.");
                return null;
            }

            return value;
        }

        var port = Field("port", false, text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536,
            "expected an integer from 1 to 65535");
        var sftp = new SftpSettings
        {
            Host = Field("host", true, text => Uri.CheckHostName(text) != UriHostNameType.Unknown, "use a host name or IP address") ?? string.Empty,
            Port = port is null ? 22 : int.Parse(port, CultureInfo.InvariantCulture),
            RemoteDirectory = Field("remoteDirectory", true, text => text.StartsWith('/') && !text.Contains("..", StringComparison.Ordinal),
                "use an absolute path such as /inbound/837") ?? string.Empty,
            HostKeySha256 = Field("hostKeySha256", true, text => text.StartsWith("SHA256:", StringComparison.Ordinal) && text.Length > 20,
                "use the fingerprint ssh-keygen -lf prints, SHA256:…") ?? string.Empty,
            UsernameSecret = map.SecretName("usernameSecret", required: true) ?? string.Empty,
            PrivateKeySecret = map.SecretName("privateKeySecret"),
            PasswordSecret = map.SecretName("passwordSecret"),
        };
        if (sftp.PrivateKeySecret is null && sftp.PasswordSecret is null && map.Has("usernameSecret"))
        {
            map.Sink.Add(map.StartOf("usernameSecret"), "sftp", "needs privateKeySecret or passwordSecret.");
        }

        map.RejectUnknownFields();
        return sftp;
    }
}
