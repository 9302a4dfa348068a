using System.Net;
using System.Text.Json.Nodes;
using DentalClaimsHub.Adapters.DependencyInjection;
using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Fhir.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.PayerSimulator.Fhir;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DentalClaimsHub.Adapters.Tests.Fhir;

/// <summary>
/// The FHIR eligibility adapter against the in-process simulator: the demo payer's scenarios, and answers a payer may
/// give that the simulator's modules do not (served on <c>/stub</c> for a copy of the demo profile pointed there).
/// </summary>
public sealed class FhirEligibilityAdapterTests : IDisposable
{
    private const string StubPath = "/stub/CoverageEligibilityRequest";
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);
    private readonly PayerSimulator.PayerSimulator _simulator = PayerSimulator.PayerSimulator.Start();
    private readonly ServiceProvider _services;
    private readonly FhirEligibilityAdapter _adapter;

    public FhirEligibilityAdapterTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:MappingsPath"] = RepositoryPaths.Mappings,
            ["Hub:Variables:SIMULATOR_URL"] = _simulator.Url,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton(TimeProvider.System).AddLogging();
        services.AddPayerProfiles(configuration).AddPayerTransports();
        _services = services.BuildServiceProvider();
        _adapter = new FhirEligibilityAdapter(_services.GetRequiredService<IHttpMessageHandlerFactory>(), TimeProvider.System,
            NullLogger<FhirEligibilityAdapter>.Instance);
    }

    private PayerProfile Demo => _services.GetRequiredService<PayerProfileCatalog>().Get("demo-fhir-dental");

    // Not in the catalog, so the resilience handler gives it the default pipeline (ResilienceSettings.Default).
    private PayerProfile Stubbed => Demo with
    {
        Id = "test-fhir-stub",
        Fhir = Demo.Fhir! with { BaseUrl = new Uri(_simulator.Url + "/stub") },
    };

    private static EligibilityInquiry Inquiry(PayerProfile payer, string memberId = "FHIR-4488120")
    {
        var practice = Practice.Create("Lakeside Family Dental", "US", "America/Chicago", Now, npi: Npi.Parse("1234567893"));
        var patient = Patient.Create(practice.Id, new PersonName("Morales", "Elena"), new DateOnly(1985, 4, 12), Sex.Female, Now);
        var coverage = Coverage.Create(practice.Id, patient.Id, payer.Id, memberId, CoverageOrder.Primary,
            SubscriberRelationship.Self, Now);
        var check = EligibilityCheck.Create(practice.Id, patient.Id, coverage.Id, payer.Id, new DateOnly(2026, 3, 20), Now);
        return new EligibilityInquiry(check, practice, patient, coverage, payer);
    }

    private void Stub(int status, JsonObject body) =>
        _simulator.Routes.Map("POST", StubPath, _ => SimulatorResponse.Json(status, body, "application/fhir+json"));

    [Fact]
    public async Task CheckAsync_ActiveMember_ReturnsActiveAndMarksTheCheckSentWithItsTrace()
    {
        var inquiry = Inquiry(Demo);

        var result = await _adapter.CheckAsync(inquiry, CancellationToken.None);

        Assert.Equal(CoverageStatus.Active, result.Status);
        Assert.Contains(result.Benefits, b => b is { Kind: BenefitKind.Maximum, Amount.Amount: 1500m });
        Assert.Equal((EligibilityCheckStatus.Sent, inquiry.TraceNumber), (inquiry.Check.Status, inquiry.Check.TraceNumber));
        var sent = Assert.Single(_simulator.Received(FhirModule.EligibilityPath));
        Assert.StartsWith("application/fhir+json", sent.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_OperationOutcome422_ThrowsPayerResponseExceptionWithTheDiagnostics()
    {
        Stub(422, FhirAnswers.Outcome("business-rule", "Coverage period does not include the service date"));

        var error = await Assert.ThrowsAsync<PayerResponseException>(() => _adapter.CheckAsync(Inquiry(Stubbed), CancellationToken.None));

        Assert.Equal("test-fhir-stub", error.PayerId);
        Assert.Equal("The FHIR payer answered HTTP 422: Coverage period does not include the service date", error.Message);
        Assert.Equal(PayerReasons.FhirHttpError, error.Reason!.Code);
        Assert.Equal(["422", "Coverage period does not include the service date"], error.Reason.Args);
        Assert.Single(_simulator.Received(StubPath));
    }

    [Fact]
    public async Task CheckAsync_Payer503AfterRetries_ThrowsHttpRequestExceptionWithTheStatus()
    {
        Stub(503, FhirAnswers.Outcome("transient", "Down for maintenance"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _adapter.CheckAsync(Inquiry(Stubbed), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1 + ResilienceSettings.Default.RetryCount, _simulator.Received(StubPath).Count);
    }

    [Fact]
    public async Task CheckAsync_ErrorOutcomeWithoutErrorCode_ThrowsPayerResponseException()
    {
        Stub(200, FhirAnswers.Response(outcome: "error", disposition: "Unable to process the request"));

        var error = await Assert.ThrowsAsync<PayerResponseException>(() => _adapter.CheckAsync(Inquiry(Stubbed), CancellationToken.None));

        Assert.Equal("The payer's CoverageEligibilityResponse has outcome 'error' without an error code: Unable to process the request",
            error.Message);
        Assert.Equal(PayerReasons.FhirErrorUncodedWhy, error.Reason!.Code);
        Assert.Equal(["Unable to process the request"], error.Reason.Args);
    }

    [Fact]
    public async Task CheckAsync_AnswerIsNoCoverageEligibilityResponse_NamesTheResourceReceived()
    {
        Stub(200, new JsonObject { ["resourceType"] = "Patient", ["id"] = "p1" });

        var error = await Assert.ThrowsAsync<PayerResponseException>(() => _adapter.CheckAsync(Inquiry(Stubbed), CancellationToken.None));

        Assert.Equal(PayerReasons.FhirWrongResource, error.Reason!.Code);
        Assert.Equal(["Patient"], error.Reason.Args);
        Assert.Equal("Expected a CoverageEligibilityResponse from the FHIR payer, got Patient.", error.Message);
    }

    [Fact]
    public async Task CheckAsync_AnswerInABundle_ReadsTheResponseEntry()
    {
        Stub(200, new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "collection",
            ["entry"] = new JsonArray(new JsonObject { ["resource"] = FhirAnswers.Response(outcome: "complete", inforce: false) }),
        });

        var result = await _adapter.CheckAsync(Inquiry(Stubbed), CancellationToken.None);

        Assert.Equal(CoverageStatus.Inactive, result.Status);
    }

    [Fact]
    public void Validate_ProfileWithoutBaseUrl_NamesThePayerField()
    {
        var inquiry = Inquiry(Demo);
        var problems = _adapter.Validate(inquiry with { Payer = Demo with { Fhir = null } });

        Assert.Equal(["coverage.payerId"], problems.Select(p => p.Field));
        Assert.Contains("fhir.baseUrl", problems[0].Message, StringComparison.Ordinal);
        Assert.Empty(_adapter.Validate(inquiry));
    }

    public void Dispose()
    {
        _services.Dispose();
        _simulator.Dispose();
    }
}
