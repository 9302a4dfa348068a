namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>Everything the hub needs to talk to one payer, loaded from <c>mappings/payers/&lt;id&gt;.yaml</c>.</summary>
public sealed record PayerProfile
{
    /// <summary>Stable id, equal to the file name without extension (lower-case kebab).</summary>
    public required string Id { get; init; }

    /// <summary>Human-readable name (any language, UTF-8).</summary>
    public required string DisplayName { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code (<c>US</c>, <c>RU</c>…).</summary>
    public required string Country { get; init; }

    /// <summary>The payer's protocol family.</summary>
    public required PayerKind Kind { get; init; }

    /// <summary>Supported capabilities; a capability absent here is not offered by the payer.</summary>
    public required IReadOnlyDictionary<PayerCapability, CapabilityRoute> Capabilities { get; init; }

    /// <summary>X12 identifiers and options, present when any capability uses X12.</summary>
    public X12Settings? X12 { get; init; }

    /// <summary>CAQH CORE connectivity, present when any capability uses a CORE transport.</summary>
    public CoreConnectivity? Core { get; init; }

    /// <summary>SFTP drop, present when any capability uses the <c>sftp</c> transport.</summary>
    public SftpSettings? Sftp { get; init; }

    /// <summary>FHIR settings, present when any capability uses FHIR.</summary>
    public FhirSettings? Fhir { get; init; }

    /// <summary>ДМС settings, present when any capability uses ДМС registries.</summary>
    public DmsSettings? Dms { get; init; }

    /// <summary>The outbound call pipeline settings.</summary>
    public ResilienceSettings Resilience { get; init; } = ResilienceSettings.Default;

    /// <summary>Claim-status polling thresholds.</summary>
    public ClaimStatusPolling ClaimStatus { get; init; } = ClaimStatusPolling.Default;

    /// <summary>Where the payer leaves files for us to pick up, when it delivers files rather than pushing them.</summary>
    public InboundFiles? Inbound { get; init; }

    /// <summary>Full path of the file the profile was read from.</summary>
    public required string SourceFile { get; init; }

    /// <summary>The route of <paramref name="capability"/>, or null when the payer does not offer it.</summary>
    public CapabilityRoute? RouteFor(PayerCapability capability) =>
        Capabilities.TryGetValue(capability, out var route) ? route : null;
}
