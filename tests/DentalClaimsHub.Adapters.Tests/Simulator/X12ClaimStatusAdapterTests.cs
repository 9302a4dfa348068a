using DentalClaimsHub.Adapters.Claims.Status;
using DentalClaimsHub.Adapters.DependencyInjection;
using DentalClaimsHub.Adapters.Fhir.Messages;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Adapters.X12.ControlNumbers;
using DentalClaimsHub.Adapters.X12.Messages;
using DentalClaimsHub.Domain.Claims.Status;
using DentalClaimsHub.PayerSimulator.X12;
using DentalClaimsHub.Testing;
using DentalClaimsHub.X12.Schemas;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Adapters.Tests.Simulator;

/// <summary>The hub's X12 claim status adapter against the simulated payer, through the real CORE transport and pipeline.</summary>
public sealed class X12ClaimStatusAdapterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);
    private readonly PayerSimulator.PayerSimulator _simulator = PayerSimulator.PayerSimulator.Start();
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;
    private readonly MessageList _messages = new();

    public X12ClaimStatusAdapterTests()
    {
        _simulator.CoreRealtime.Ledger = _simulator.Ledger; // see ClaimStatusSimulatorTests
        _simulator.CoreRealtime.SlowAnswerDelay = TimeSpan.FromSeconds(6);
        var url = _simulator.Url;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:MappingsPath"] = RepositoryPaths.Mappings,
            ["Hub:Variables:SIMULATOR_URL"] = url,
            ["DEMO_X12_USER"] = "dch-user",
            ["DEMO_X12_PASSWORD"] = "s3cret",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton(TimeProvider.System).AddLogging();
        services.AddPayerProfiles(configuration); // registers the claim status adapters
        // One attempt with a three-second timeout (the slow scenario holds its answer six), so failures answer quickly.
        services.AddSingleton(_ => new PayerProfileCatalog(PayerProfileCatalog.LoadOrThrow(
                Path.Combine(RepositoryPaths.Mappings, "payers"), new Dictionary<string, string> { ["SIMULATOR_URL"] = url })
            .Profiles.Select(p => p with { Resilience = p.Resilience with { RetryCount = 0, Timeout = TimeSpan.FromSeconds(3) } })));
        services.AddPayerTransports();
        services.AddSingleton(X12SchemaRegistry.LoadDefault());
        services.AddSingleton<IControlNumberAllocator, CountingAllocator>();
        services.AddScoped<IX12MessageLog>(_ => _messages);
        services.AddScoped<IFhirMessageLog, UnusedFhirLog>(); // the FHIR adapter is built beside it, never asked
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _services.CreateScope();
    }

    private PayerProfile Payer => _services.GetRequiredService<PayerProfileCatalog>().Get("demo-x12-dental");

    private IClaimStatusAdapter Adapter => _scope.ServiceProvider.GetServices<IClaimStatusAdapter>().For(Payer)!;

    private Task<ClaimStatusResult> AskAsync(ClaimStatusQuery query) =>
        Adapter.CheckAsync(new ClaimStatusInquiry(query, Payer, ClaimStatusRequests.PracticeId), CancellationToken.None);

    private void Submitted() =>
        Assert.Equal(["PCN1001"], _simulator.Ledger.Record837(ClaimStatusRequests.Claims837, Now).Where(p => p == "PCN1001").Distinct());

    [Fact]
    public async Task CheckAsync_KnownClaim_IsPendingAndBothMessagesAreLoggedAgainstTheClaim()
    {
        Submitted();
        var query = ClaimStatusRequests.Query();

        var result = await AskAsync(query);

        Assert.Null(result.Failure);
        Assert.Equal(ClaimStatusOutcome.Pending, result.Outcome);
        Assert.Equal(("P1", "20"), (result.Current!.Category, result.Current.Code));
        Assert.Equal(("PCN1001", "SIMPCN1001", query.TraceNumber),
            (result.PatientControlNumber, result.PayerClaimNumber, result.TraceNumber));
        Assert.Equal(468m, result.TotalCharge);
        Assert.Equal([(true, "276"), (false, "277")], _messages.Records.Select(r => (r.Outbound, r.TransactionType)));
        Assert.All(_messages.Records, r => Assert.Equal((query.ClaimId, ClaimStatusRequests.PracticeId), (r.LinkedId, r.PracticeId)));
        Assert.Equal("000000041", _messages.Records[0].Envelope!.InterchangeControlNumber);
        Assert.False(_messages.Records[1].Unusable);
    }

    [Fact]
    public async Task CheckAsync_FinalizedScenario_IsFinalizedWithThePaidAmount()
    {
        Submitted();
        _simulator.Use(CoreRealtimeModule.StatusFinalized);

        var result = await AskAsync(ClaimStatusRequests.Query());

        Assert.Equal((ClaimStatusOutcome.Finalized, false), (result.Outcome, result.Denied));
        Assert.Equal(374.4m, result.PaidAmount);
    }

    [Fact]
    public async Task CheckAsync_DeniedScenario_IsFinalizedAsDenial()
    {
        Submitted();
        _simulator.Use(CoreRealtimeModule.StatusDenied);

        var result = await AskAsync(ClaimStatusRequests.Query());

        Assert.Equal((ClaimStatusOutcome.Finalized, true, 0m), (result.Outcome, result.Denied, result.PaidAmount));
    }

    [Fact]
    public async Task CheckAsync_UnknownClaim_IsNotFound()
    {
        Submitted();

        var result = await AskAsync(ClaimStatusRequests.Query(pcn: "PCN9999"));

        Assert.Null(result.Failure);
        Assert.Equal(ClaimStatusOutcome.NotFound, result.Outcome);
        Assert.Null(result.PayerClaimNumber);
    }

    [Fact]
    public async Task CheckAsync_DependentPatient_IsAnswered()
    {
        Submitted();

        var result = await AskAsync(ClaimStatusRequests.Query(dependent: true));

        Assert.Equal(ClaimStatusOutcome.Pending, result.Outcome);
    }

    [Fact]
    public async Task CheckAsync_Payer999_IsARejectedFailureAndThe999IsLogged()
    {
        _simulator.Use(CoreRealtimeModule.StatusReject999);

        var result = await AskAsync(ClaimStatusRequests.Query());

        Assert.Equal(ClaimStatusFailureKind.Rejected, result.Failure?.Kind);
        Assert.Contains("999", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(ClaimStatusOutcome.Unknown, result.Outcome);
        Assert.Equal([(true, "276"), (false, "999")], _messages.Records.Select(r => (r.Outbound, r.TransactionType)));
        Assert.True(_messages.Records[1].Unusable);
    }

    [Fact]
    public async Task CheckAsync_PayerHttp500_IsAnUnreachableFailure()
    {
        _simulator.Use(CoreRealtimeModule.StatusServerError);

        var result = await AskAsync(ClaimStatusRequests.Query());

        Assert.Equal(ClaimStatusFailureKind.Unreachable, result.Failure?.Kind);
        Assert.Contains("500", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal("276", Assert.Single(_messages.Records).TransactionType);
    }

    [Fact]
    public async Task CheckAsync_SlowPayer_IsATimedOutFailure()
    {
        Submitted();
        _simulator.Use(CoreRealtimeModule.StatusTimeout);

        var result = await AskAsync(ClaimStatusRequests.Query());

        Assert.Equal(ClaimStatusFailureKind.TimedOut, result.Failure?.Kind);
        Assert.Equal(ClaimStatusRequests.Query().PatientControlNumber, result.PatientControlNumber);
    }

    [Fact]
    public async Task CheckAsync_FailureMessages_CarryNoPatientData()
    {
        _simulator.Use(CoreRealtimeModule.StatusReject999);

        var result = await AskAsync(ClaimStatusRequests.Query());

        Assert.DoesNotContain("MORALES", result.Failure!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DNX448812001", result.Failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("19850412", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Adapter.CheckAsync(
            new ClaimStatusInquiry(ClaimStatusRequests.Query(), Payer, ClaimStatusRequests.PracticeId), cancelled.Token));
    }

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
        _simulator.Dispose();
    }

    private sealed class MessageList : IX12MessageLog
    {
        public List<X12MessageRecord> Records { get; } = [];

        public Guid Record(X12MessageRecord message)
        {
            lock (Records)
            {
                Records.Add(message);
                return Guid.NewGuid();
            }
        }
    }

    private sealed class UnusedFhirLog : IFhirMessageLog
    {
        public Guid Record(FhirMessageRecord message) => throw new InvalidOperationException("FHIR is not asked here.");
    }

    private sealed class CountingAllocator : IControlNumberAllocator
    {
        public Task<long> NextAsync(string tradingPartner, string scope, CancellationToken cancellationToken) => Task.FromResult(41L);
    }
}
