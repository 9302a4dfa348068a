using System.Text;

namespace DentalClaimsHub.Adapters.Profiles.Loading;

internal static partial class PayerProfileReader
{
    private const string EncodingRule = "use an encoding name such as utf-8 or windows-1251";

    static PayerProfileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static FhirSettings? ReadFhir(YamlMap root)
    {
        var map = root.Map("fhir");
        if (map is null)
        {
            return null;
        }

        var auth = map.Enum<FhirAuthKind>("auth") ?? FhirAuthKind.None;
        var fhir = new FhirSettings
        {
            BaseUrl = map.Url("baseUrl", required: true) ?? new Uri("http://invalid/"),
            UseSubmitOperations = map.Bool("useSubmitOperations", fallback: false),
            Auth = auth,
            TokenUrl = map.Url("tokenUrl", required: auth == FhirAuthKind.ClientCredentials),
            ClientIdSecret = map.SecretName("clientIdSecret", required: auth == FhirAuthKind.ClientCredentials),
            TokenSecret = map.SecretName("tokenSecret", required: auth != FhirAuthKind.None),
        };
        map.RejectUnknownFields();
        return fhir;
    }

    private static DmsSettings? ReadDms(YamlMap root)
    {
        var map = root.Map("dms");
        if (map is null)
        {
            return null;
        }

        var delivery = map.Enum<DmsDeliveryKind>("delivery", required: true);
        var dms = new DmsSettings
        {
            InsurerCode = map.Checked("insurerCode", true, text => text.Length is > 0 and <= 32, "use 1-32 characters") ?? string.Empty,
            RegistryMapping = map.Checked("registryMapping", true, IsMappingFileName, "name a .yaml file under mappings/dms/")
                ?? string.Empty,
            Delivery = delivery ?? DmsDeliveryKind.FileDrop,
            DeliveryTarget = ReadDeliveryTarget(map, delivery) ?? string.Empty,
            OutboundEncoding = map.Checked("outboundEncoding", false, IsEncoding, EncodingRule) ?? "utf-8",
            InboundEncoding = map.Checked("inboundEncoding", false, IsEncoding, EncodingRule) ?? "utf-8",
        };
        map.RejectUnknownFields();
        return dms;
    }

    private static string? ReadDeliveryTarget(YamlMap map, DmsDeliveryKind? delivery)
    {
        var target = map.Expanded("deliveryTarget", required: true);
        if (target is null || delivery is null)
        {
            return target;
        }

        var valid = delivery == DmsDeliveryKind.Email
            ? System.Net.Mail.MailAddress.TryCreate(target, out _)
            : Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file";
        if (!valid)
        {
            var expected = delivery == DmsDeliveryKind.Email ? "an e-mail address" : "an absolute http(s) or file URL";
            map.Sink.Add(map.StartOf("deliveryTarget"), map.FieldPath("deliveryTarget"), $"'{target}' is not {expected}.");
        }

        return target;
    }

    private static bool IsMappingFileName(string name) =>
        name.EndsWith(".yaml", StringComparison.Ordinal) && name == Path.GetFileName(name) && !name.StartsWith('.');

    private static bool IsEncoding(string name)
    {
        try
        {
            Encoding.GetEncoding(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static ResilienceSettings ReadResilience(YamlMap root)
    {
        var map = root.Map("resilience");
        if (map is null)
        {
            return ResilienceSettings.Default;
        }

        var d = ResilienceSettings.Default;
        var settings = new ResilienceSettings
        {
            Timeout = map.Duration("timeout", d.Timeout),
            RetryCount = map.Int("retryCount", d.RetryCount, min: 0, max: 10),
            RetryJitter = map.Bool("retryJitter", d.RetryJitter),
            BreakerFailureRatio = map.Ratio("breakerFailureRatio", d.BreakerFailureRatio),
            BreakDuration = map.Duration("breakDuration", d.BreakDuration),
            MaxConcurrency = map.Int("maxConcurrency", d.MaxConcurrency, min: 1, max: 1000),
            MaxQueued = map.Has("maxQueued") ? map.Int("maxQueued", 0, min: 0, max: 10_000) : null,
        };
        map.RejectUnknownFields();
        return settings;
    }

    private static ClaimStatusPolling ReadClaimStatus(YamlMap root)
    {
        var map = root.Map("claimStatus");
        if (map is null)
        {
            return ClaimStatusPolling.Default;
        }

        var d = ClaimStatusPolling.Default;
        var polling = new ClaimStatusPolling
        {
            After = map.Duration("pollAfter", d.After),
            Interval = map.Duration("pollInterval", d.Interval),
        };
        map.RejectUnknownFields();
        return polling;
    }

    private static InboundFiles? ReadInbound(YamlMap root)
    {
        var map = root.Map("inbound");
        if (map is null)
        {
            return null;
        }

        var inbound = new InboundFiles
        {
            Directory = map.Expanded("directory"),
            SftpDirectory = map.Expanded("sftpDirectory"),
            PollInterval = map.Duration("pollInterval", TimeSpan.FromMinutes(1)),
        };
        if (inbound.Directory is null && inbound.SftpDirectory is null)
        {
            root.Sink.Add(root.StartOf("inbound"), "inbound", "name a 'directory', an 'sftpDirectory' or both.");
        }

        if (inbound.SftpDirectory is not null && !root.Has("sftp"))
        {
            root.Sink.Add(map.StartOf("sftpDirectory"), "inbound.sftpDirectory", "needs the 'sftp' section to connect with.");
        }

        map.RejectUnknownFields();
        return inbound;
    }
}
