namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>The CAQH CORE connectivity envelope fields of a request, whichever wire style carried them.</summary>
public sealed record CoreEnvelope
{
    public string? PayloadType { get; init; }

    public string? ProcessingMode { get; init; }

    public string? PayloadId { get; init; }

    public string? TimeStamp { get; init; }

    public string? SenderId { get; init; }

    public string? ReceiverId { get; init; }

    public string? CoreRuleVersion { get; init; }

    public string? Payload { get; init; }

    /// <summary>WS-Security UsernameToken user (SOAP) or the <c>UserName</c> field (MIME).</summary>
    public string? Username { get; init; }

    /// <summary>WS-Security UsernameToken password (SOAP) or the <c>Password</c> field (MIME).</summary>
    public string? Password { get; init; }

    /// <summary>Whether the request came as SOAP (true) or MIME multipart (false).</summary>
    public bool IsSoap { get; init; }
}
