using System.Diagnostics.Metrics;
using DentalClaimsHub.Storage.Telemetry;

namespace DentalClaimsHub.Api.Claims;

/// <summary>
/// Counters of claims through the hub: <c>dch.claims.submitted</c> (accepted from practices by <c>POST /v1/claims</c>) and
/// <c>dch.claims.delivered</c> (confirmed received by the payer), tagged by payer id only.
/// </summary>
public sealed class ClaimMetrics
{
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _delivered;

    public ClaimMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(HubDiagnostics.MeterName);
        _submitted = meter.CreateCounter<long>("dch.claims.submitted", "{claim}", "Claims accepted from practices (POST /v1/claims).");
        _delivered = meter.CreateCounter<long>("dch.claims.delivered", "{claim}", "Claims the payer confirmed it received.");
    }

    public void Submitted(string payerId) => _submitted.Add(1, new KeyValuePair<string, object?>("payer.id", payerId));

    public void Delivered(string payerId, int claims) => _delivered.Add(claims, new KeyValuePair<string, object?>("payer.id", payerId));
}
