using DentalClaimsHub.PayerSimulator;

namespace DentalClaimsHub.Api.Tests.Infrastructure;

/// <summary>
/// The API host wired to an in-process payer simulator (real HTTP on a free loopback port) for one test class. The demo
/// payer profiles in mappings/payers point at it; the X12 payer's CORE login is <see cref="CoreUser"/>/<see cref="CorePassword"/>.
/// Tests choose scenarios with <c>Simulator.Use</c> or, to stay independent of each other, <c>Simulator.UseForMemberPrefix</c>.
/// </summary>
public class SimulatedPayersFactory : HubApiFactory
{
    public const string CoreUser = "hub-tests";
    public const string CorePassword = "not-a-real-password";

    private readonly Lazy<PayerSimulator.PayerSimulator> _simulator = new(() => PayerSimulator.PayerSimulator.Start());

    public PayerSimulator.PayerSimulator Simulator => _simulator.Value;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Hub:Variables:SIMULATOR_URL", Simulator.Url),
        new("DEMO_X12_USER", CoreUser),
        new("DEMO_X12_PASSWORD", CorePassword),
        .. ExtraSettings,
    ];

    /// <summary>More configuration for a derived factory (deadline, cache TTL…).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    protected override async ValueTask DisposeDependenciesAsync()
    {
        if (_simulator.IsValueCreated)
        {
            await _simulator.Value.DisposeAsync();
        }
    }
}
