using System.Diagnostics;
using DentalClaimsHub.Storage.Telemetry;

namespace DentalClaimsHub.Api.Telemetry;

/// <summary>The host's own activity sources (all under <see cref="HubDiagnostics.SourcePrefix"/>).</summary>
public static class HubActivitySources
{
    /// <summary>Claim delivery to payers: the fast path under the consumer's span, the sweeper in traces of its own.</summary>
    public static readonly ActivitySource Claims = new(HubDiagnostics.SourcePrefix + "Claims");

    /// <summary>Claim status polling (276/277).</summary>
    public static readonly ActivitySource ClaimStatus = new(HubDiagnostics.SourcePrefix + "ClaimStatus");

    /// <summary>Inbound files picked up from payers' drops.</summary>
    public static readonly ActivitySource Inbound = new(HubDiagnostics.SourcePrefix + "Inbound");

    /// <summary>Webhook deliveries to practices: one trace per attempt, the HTTP call (and its traceparent) inside.</summary>
    public static readonly ActivitySource Webhooks = new(HubDiagnostics.SourcePrefix + "Webhooks");

    /// <summary>ДМС roster imports run in the background: one trace per import job.</summary>
    public static readonly ActivitySource Rosters = new(HubDiagnostics.SourcePrefix + "Rosters");
}
