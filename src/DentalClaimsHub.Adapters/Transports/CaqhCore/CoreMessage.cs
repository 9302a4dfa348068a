namespace DentalClaimsHub.Adapters.Transports.CaqhCore;

/// <summary>
/// The CAQH CORE connectivity envelope fields (Phase II rule 270 / rule version 2.2.0), the same for the SOAP 1.2 and
/// the HTTP MIME multipart variants.
/// </summary>
public sealed record CoreMessage
{
    public required string PayloadType { get; init; }

    /// <summary>RealTime or Batch.</summary>
    public required string ProcessingMode { get; init; }

    /// <summary>Unique per request; the payer uses it to detect a resubmission.</summary>
    public required string PayloadId { get; init; }

    public required DateTimeOffset TimeStamp { get; init; }

    public required string SenderId { get; init; }

    public required string ReceiverId { get; init; }

    public required string CoreRuleVersion { get; init; }

    public string Payload { get; init; } = "";

    /// <summary>Response only: <c>Success</c> or a CORE error code.</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public const string RealTime = "RealTime";
    public const string Batch = "Batch";
    public const string Success = "Success";

    /// <summary>Builds a message from a response's named fields (SOAP elements or MIME parts); absent fields read as empty.</summary>
    public static CoreMessage FromFields(Func<string, string> field) => new()
    {
        PayloadType = field("PayloadType"),
        ProcessingMode = field("ProcessingMode"),
        PayloadId = field("PayloadID"),
        TimeStamp = DateTimeOffset.TryParse(field("TimeStamp"), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue,
        SenderId = field("SenderID"),
        ReceiverId = field("ReceiverID"),
        CoreRuleVersion = field("CORERuleVersion"),
        Payload = field("Payload"),
        ErrorCode = field("ErrorCode"),
        ErrorMessage = field("ErrorMessage"),
    };

    /// <summary>The fields in the order the CORE schema lists them.</summary>
    public IEnumerable<(string Name, string Value)> Fields()
    {
        yield return ("PayloadType", PayloadType);
        yield return ("ProcessingMode", ProcessingMode);
        yield return ("PayloadID", PayloadId);
        yield return ("TimeStamp",
            TimeStamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        yield return ("SenderID", SenderId);
        yield return ("ReceiverID", ReceiverId);
        yield return ("CORERuleVersion", CoreRuleVersion);
        yield return ("Payload", Payload);
    }
}
