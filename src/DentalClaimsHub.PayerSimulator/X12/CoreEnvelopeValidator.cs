using System.Globalization;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>Checks a CORE envelope the way a CORE-certified payer's gateway would, returning the first error found.</summary>
public static class CoreEnvelopeValidator
{
    /// <summary>The error code and message, or null when the envelope is acceptable for <paramref name="processingMode"/>.</summary>
    public static (string Code, string Message)? Validate(
        CoreEnvelope envelope, string processingMode, IReadOnlySet<string> payloadTypes, CoreCredentials credentials)
    {
        // Ordered as a gateway evaluates them: security first, then the envelope fields in schema order.
        (Func<bool> Fails, string Code, string Message)[] checks =
        [
            (() => !credentials.Accepts(envelope.Username, envelope.Password), CoreErrorCodes.UnAuthorized,
                "A valid WS-Security UsernameToken (or UserName/Password fields) is required."),
            (() => Missing(envelope.PayloadType), CoreErrorCodes.PayloadTypeRequired, "PayloadType is required."),
            (() => !payloadTypes.Contains(envelope.PayloadType!), CoreErrorCodes.PayloadTypeIllegal,
                $"PayloadType '{envelope.PayloadType}' is not accepted on this endpoint."),
            (() => Missing(envelope.ProcessingMode), CoreErrorCodes.ProcessingModeRequired, "ProcessingMode is required."),
            (() => envelope.ProcessingMode != processingMode, CoreErrorCodes.ProcessingModeIllegal,
                $"ProcessingMode must be {processingMode} on this endpoint."),
            (() => Missing(envelope.PayloadId), CoreErrorCodes.PayloadIdRequired, "PayloadID is required."),
            (() => envelope.PayloadId!.Length > 50, CoreErrorCodes.PayloadIdIllegal, "PayloadID is longer than 50 characters."),
            (() => Missing(envelope.TimeStamp), CoreErrorCodes.TimeStampRequired, "TimeStamp is required."),
            (() => !IsXmlDateTime(envelope.TimeStamp!), CoreErrorCodes.TimeStampIllegal,
                "TimeStamp must be an XML dateTime such as 2026-01-31T10:20:34Z."),
            (() => Missing(envelope.SenderId), CoreErrorCodes.SenderIdRequired, "SenderID is required."),
            (() => Missing(envelope.ReceiverId), CoreErrorCodes.ReceiverIdRequired, "ReceiverID is required."),
            (() => Missing(envelope.CoreRuleVersion), CoreErrorCodes.CoreRuleVersionRequired, "CORERuleVersion is required."),
            (() => !envelope.CoreRuleVersion!.StartsWith("2.2.", StringComparison.Ordinal), CoreErrorCodes.VersionMismatch,
                $"CORERuleVersion '{envelope.CoreRuleVersion}' is not supported; use 2.2.0."),
            (() => Missing(envelope.Payload), CoreErrorCodes.PayloadRequired, "Payload is required."),
        ];

        foreach (var (fails, code, message) in checks)
        {
            if (fails())
            {
                return (code, message);
            }
        }

        return null;
    }

    private static bool Missing(string? value) => string.IsNullOrWhiteSpace(value);

    private static bool IsXmlDateTime(string text) =>
        DateTimeOffset.TryParseExact(
            text,
            ["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ss"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out _);
}
