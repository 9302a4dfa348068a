using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Adapters.Transports.CaqhCore;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.PayerSimulator.X12;
using DentalClaimsHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Adapters.Tests.Transports;

// The retry covers the transport itself, not only 5xx: a connection reset before any answer is tried again.
public sealed class PayerTransportErrorRetryTests : IAsyncDisposable
{
    private const string PayerId = "demo-x12-dental";
    private readonly PayerSimulator.PayerSimulator _simulator = PayerSimulator.PayerSimulator.Start();

    private static string Sample270 => File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "x12", "270-dental-inquiry.x12"));

    [Fact]
    public async Task SendAsync_FirstConnectionReset_RetriedOnANewConnectionAndAnswered()
    {
        await using var front = new ResettingFront(new Uri(_simulator.Url), resets: 1);
        await using var services = PayerTransportServices.Build(front.Url);
        var transport = services.GetRequiredService<CaqhCoreTransport>();
        var payer = services.GetRequiredService<PayerProfileCatalog>().Get(PayerId);
        Assert.True(payer.Resilience.RetryCount >= 1);

        var answer = await transport.SendAsync(payer, "X12_270_Request_005010X279A1", Sample270, realTime: true, CancellationToken.None);

        Assert.Contains("ST*271*", answer.Payload, StringComparison.Ordinal);
        // Two attempts: the reset connection, and the retry the simulator answered.
        Assert.Equal((2, 1), (front.Connections, _simulator.Received(CoreRealtimeModule.Path).Count));
    }

    [Fact]
    public async Task SendAsync_ClaimBatchConnectionReset_NotRetried()
    {
        await using var front = new ResettingFront(new Uri(_simulator.Url), resets: 1);
        await using var services = PayerTransportServices.Build(front.Url);
        var transport = services.GetRequiredService<CaqhCoreTransport>();
        var payer = services.GetRequiredService<PayerProfileCatalog>().Get(PayerId);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            transport.SendAsync(payer, "X12_837_Request_005010X224A2", "ISA*...", realTime: false, CancellationToken.None));

        // A claim is never resent by a retry: it may have reached the payer before the connection broke.
        Assert.Equal(1, front.Connections);
    }

    public ValueTask DisposeAsync() => _simulator.DisposeAsync();
}
