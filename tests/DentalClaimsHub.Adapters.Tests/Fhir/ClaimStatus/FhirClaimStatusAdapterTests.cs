using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DentalClaimsHub.Adapters.Claims.Status;
using DentalClaimsHub.Adapters.DependencyInjection;
using DentalClaimsHub.Adapters.Fhir.Messages;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Tests.Simulator;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Adapters.X12.ControlNumbers;
using DentalClaimsHub.Adapters.X12.Messages;
using DentalClaimsHub.Domain.Claims.Status;
using DentalClaimsHub.PayerSimulator.Fhir;
using DentalClaimsHub.Testing;
using DentalClaimsHub.X12.Schemas;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using DentalClaimsHub.PayerSimulator.Hosting;

namespace DentalClaimsHub.Adapters.Tests.Fhir.ClaimStatus;

/// <summary>The hub's FHIR claim status adapter against the simulated payer, through the real payer HttpClient and pipeline.</summary>
public sealed class FhirClaimStatusAdapterTests : IDisposable
{
    private const string Pcn = "FST1001";
    private readonly PayerSimulator.PayerSimulator _simulator = PayerSimulator.PayerSimulator.Start();
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;
    private readonly FhirMessages _messages = new();

    public FhirClaimStatusAdapterTests()
    {
        var url = _simulator.Url;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:MappingsPath"] = RepositoryPaths.Mappings,
            ["Hub:Variables:SIMULATOR_URL"] = url,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton(TimeProvider.System).AddLogging();
        services.AddPayerProfiles(configuration);
        // One attempt, so a failing payer answers at once.
        services.AddSingleton(_ => new PayerProfileCatalog(PayerProfileCatalog.LoadOrThrow(
                Path.Combine(RepositoryPaths.Mappings, "payers"), new Dictionary<string, string> { ["SIMULATOR_URL"] = url })
            .Profiles.Select(p => p with { Resilience = p.Resilience with { RetryCount = 0, Timeout = TimeSpan.FromSeconds(5) } })));
        services.AddPayerTransports();
        services.AddSingleton(X12SchemaRegistry.LoadDefault());
        // The poller resolves every protocol's adapter; the X12 one is built here but never asked.
        services.AddSingleton<IControlNumberAllocator, UnusedX12>();
        services.AddScoped<IX12MessageLog, UnusedX12>();
        services.AddScoped<IFhirMessageLog>(_ => _messages);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _scope = _services.CreateScope();
    }

    private PayerProfile Payer => _services.GetRequiredService<PayerProfileCatalog>().Get("demo-fhir-dental");

    private IClaimStatusAdapter Adapter => _scope.ServiceProvider.GetServices<IClaimStatusAdapter>()
        .Single(a => a.Protocol == PayerProtocol.Fhir);

    // Not in the catalog, so the resilience handler gives it the default pipeline; answers are stubbed under /stub.
    private PayerProfile Stubbed => Payer with { Id = "test-fhir-stub", Fhir = Payer.Fhir! with { BaseUrl = new Uri(_simulator.Url + "/stub") } };

    private Task<ClaimStatusResult> AskAsync(ClaimStatusQuery query, PayerProfile? payer = null) =>
        Adapter.CheckAsync(new ClaimStatusInquiry(query, payer ?? Payer, ClaimStatusRequests.PracticeId), CancellationToken.None);

    private void Stub(int status, string contentType, string body) =>
        _simulator.Routes.Map("POST", "/stub/Task", _ => SimulatorResponse.Text(status, contentType, body));

    private static ClaimStatusQuery Query(string pcn = Pcn) => ClaimStatusRequests.Query(pcn);

    private async Task SubmittedAsync(string pcn = Pcn)
    {
        var claim = new JsonObject
        {
            ["resourceType"] = "Claim",
            ["identifier"] = new JsonArray(new JsonObject { ["system"] = "urn:dentalclaimshub:patient-control-number", ["value"] = pcn }),
            ["status"] = "active",
            ["use"] = "claim",
            ["total"] = new JsonObject { ["value"] = 468m, ["currency"] = "USD" },
            ["item"] = new JsonArray(
                new JsonObject { ["sequence"] = 1, ["net"] = new JsonObject { ["value"] = 168m, ["currency"] = "USD" } },
                new JsonObject { ["sequence"] = 2, ["net"] = new JsonObject { ["value"] = 300m, ["currency"] = "USD" } }),
        };
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(_simulator.Url + FhirClaimModule.ClaimPath),
            new StringContent(claim.ToJsonString(), Encoding.UTF8, "application/fhir+json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task CheckAsync_PendingClaim_ReadsTheReferencedClaimResponseAndLogsEveryBody()
    {
        await SubmittedAsync();
        var query = Query();

        var result = await AskAsync(query);

        Assert.Null(result.Failure);
        Assert.Equal(ClaimStatusOutcome.Pending, result.Outcome);
        Assert.Equal("P1", result.Current!.Category);
        Assert.StartsWith("FCN", result.PayerClaimNumber, StringComparison.Ordinal);
        Assert.Equal((Pcn, query.TraceNumber), (result.PatientControlNumber, result.TraceNumber));
        Assert.StartsWith("FHIR ClaimResponse partial (P1): in adjudication", result.Summary, StringComparison.Ordinal);
        Assert.Equal([(true, "Task"), (false, "Task"), (false, "ClaimResponse")],
            _messages.Records.Select(r => (r.Outbound, r.ResourceType)));
        Assert.All(_messages.Records, r => Assert.Equal((query.ClaimId, ClaimStatusRequests.PracticeId, "demo-fhir-dental"),
            (r.LinkedId, r.PracticeId, r.PayerId)));
        Assert.All(_messages.Records, r => Assert.False(r.Unusable));
        var sent = Assert.Single(_simulator.Received(FhirClaimModule.TaskPath));
        Assert.Equal(sent.Body, _messages.Records[0].Content);
        Assert.Single(_simulator.Routes.All, r => r.Path.StartsWith(FhirClaimModule.ClaimResponsePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckAsync_PaidScenario_ContainedClaimResponseIsFinalizedWithThePaidAmount()
    {
        await SubmittedAsync();
        _simulator.Use(FhirClaimModule.StatusPaid);

        var result = await AskAsync(Query());

        Assert.Equal((ClaimStatusOutcome.Finalized, false), (result.Outcome, result.Denied));
        Assert.Equal((468m, 374.4m), (result.TotalCharge, result.PaidAmount));
        Assert.Equal([134.4m, 240m], result.Lines.Select(l => l.Paid));
        Assert.Equal([(true, "Task"), (false, "Task")], _messages.Records.Select(r => (r.Outbound, r.ResourceType)));
    }

    [Fact]
    public async Task CheckAsync_DeniedScenario_IsFinalizedAsDenialWithTheReasons()
    {
        await SubmittedAsync();
        _simulator.Use(FhirClaimModule.StatusDenied);

        var result = await AskAsync(Query());

        Assert.Equal((ClaimStatusOutcome.Finalized, true, 0m), (result.Outcome, result.Denied, result.PaidAmount));
        Assert.Contains("denied (ar001)", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_ErrorScenario_IsRejectedWithTheErrorCodes()
    {
        await SubmittedAsync();
        _simulator.Use(FhirClaimModule.StatusError);

        var result = await AskAsync(Query());

        Assert.Null(result.Failure);
        Assert.Equal(ClaimStatusOutcome.Rejected, result.Outcome);
        Assert.Contains("(a001)", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_TaskStillInProgress_IsUnknownWithoutFailure()
    {
        await SubmittedAsync();
        _simulator.Use(FhirClaimModule.StatusInProgress);

        var result = await AskAsync(Query());

        Assert.Null(result.Failure);
        Assert.Equal(ClaimStatusOutcome.Unknown, result.Outcome);
        Assert.Equal("FHIR status Task in-progress: the payer has not answered yet", result.Summary);
    }

    [Fact]
    public async Task CheckAsync_UnknownClaim_IsNotFoundNotAFailure()
    {
        await SubmittedAsync();

        var result = await AskAsync(Query("FST9999"));

        Assert.Null(result.Failure);
        Assert.Equal(ClaimStatusOutcome.NotFound, result.Outcome);
        Assert.StartsWith("FHIR status Task: the payer has no such claim", result.Summary, StringComparison.Ordinal);
        Assert.Equal([(true, "Task"), (false, "OperationOutcome")], _messages.Records.Select(r => (r.Outbound, r.ResourceType)));
        Assert.False(_messages.Records[1].Unusable);
    }

    [Fact]
    public async Task CheckAsync_PayerHttp500_IsAnUnreachableFailure()
    {
        await SubmittedAsync();
        _simulator.Use(FhirClaimModule.StatusServerError);

        var result = await AskAsync(Query());

        Assert.Equal(ClaimStatusFailureKind.Unreachable, result.Failure?.Kind);
        Assert.Contains("500", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(ClaimStatusOutcome.Unknown, result.Outcome);
    }

    [Fact]
    public async Task CheckAsync_PayerWithoutTaskEndpoint_IsARejectedFailure()
    {
        Stub(404, "text/html", "<html>Not Found</html>");

        var result = await AskAsync(Query(), Stubbed);

        Assert.Equal(ClaimStatusFailureKind.Rejected, result.Failure?.Kind);
        Assert.Contains("HTTP 404", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal([(true, "Task", false), (false, "unreadable", true)],
            _messages.Records.Select(r => (r.Outbound, r.ResourceType, r.Unusable)));
    }

    [Fact]
    public async Task CheckAsync_TaskForAnotherClaim_IsAnUnusableFailure()
    {
        var other = new JsonObject
        {
            ["resourceType"] = "Task", ["status"] = "completed", ["intent"] = "order",
            ["focus"] = new JsonObject { ["identifier"] = new JsonObject { ["value"] = "SOMEONE-ELSE" } },
            ["output"] = new JsonArray(new JsonObject { ["type"] = new JsonObject { ["text"] = "status" }, ["valueCode"] = "complete" }),
        };
        Stub(201, "application/fhir+json", other.ToJsonString());

        var result = await AskAsync(Query(), Stubbed);

        Assert.Equal(ClaimStatusFailureKind.Unusable, result.Failure?.Kind);
    }

    [Fact]
    public async Task CheckAsync_TaskWithABareOutcomeCode_IsReadFromTheCode()
    {
        var answer = new JsonObject
        {
            ["resourceType"] = "Task", ["status"] = "completed", ["intent"] = "order",
            ["focus"] = new JsonObject { ["identifier"] = new JsonObject { ["value"] = Pcn } },
            ["output"] = new JsonArray(new JsonObject { ["type"] = new JsonObject { ["text"] = "status" }, ["valueCode"] = "queued" }),
        };
        Stub(200, "application/fhir+json", answer.ToJsonString());

        var result = await AskAsync(Query(), Stubbed);

        Assert.Equal(ClaimStatusOutcome.Accepted, result.Outcome);
    }

    [Fact]
    public async Task CheckAsync_Failures_CarryNoPatientData()
    {
        _simulator.Use(FhirClaimModule.StatusServerError);

        var result = await AskAsync(Query());
        var sent = Encoding.UTF8.GetString(_messages.Records[0].Content);

        Assert.DoesNotContain("Morales", result.Failure!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Morales", sent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DNX448812001", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("1985", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Adapter.CheckAsync(
            new ClaimStatusInquiry(Query(), Payer, ClaimStatusRequests.PracticeId), cancelled.Token));
    }

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
        _simulator.Dispose();
    }

    private sealed class UnusedX12 : IControlNumberAllocator, IX12MessageLog
    {
        public Task<long> NextAsync(string tradingPartner, string scope, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("X12 is not asked here.");

        public Guid Record(X12MessageRecord message) => throw new InvalidOperationException("X12 is not asked here.");
    }

    private sealed class FhirMessages : IFhirMessageLog
    {
        public List<FhirMessageRecord> Records { get; } = [];

        public Guid Record(FhirMessageRecord message)
        {
            lock (Records)
            {
                Records.Add(message);
            }

            return Guid.NewGuid();
        }
    }
}
