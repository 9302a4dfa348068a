namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>CAQH CORE connectivity settings (Phase II/III connectivity rule).</summary>
public sealed record CoreConnectivity
{
    /// <summary>Endpoint for real-time exchanges (placeholders already resolved).</summary>
    public Uri? RealtimeUrl { get; init; }

    /// <summary>Endpoint for batch submissions and pickups (placeholders already resolved).</summary>
    public Uri? BatchUrl { get; init; }

    /// <summary>The envelope style the payer accepts.</summary>
    public CoreEnvelopeStyle Envelope { get; init; } = CoreEnvelopeStyle.Soap;

    /// <summary>The CORE SenderID we put in every envelope.</summary>
    public required string SenderId { get; init; }

    /// <summary>The CORE ReceiverID of the payer.</summary>
    public required string ReceiverId { get; init; }

    /// <summary>CORERuleVersion to announce.</summary>
    public string RuleVersion { get; init; } = "2.2.0";

    /// <summary>Name of the configuration value holding the UsernameToken user name (never the value itself).</summary>
    public required string UsernameSecret { get; init; }

    /// <summary>Name of the configuration value holding the UsernameToken password (never the value itself).</summary>
    public required string PasswordSecret { get; init; }
}
