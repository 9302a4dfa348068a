using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.PayerSimulator.X12;
using static DentalClaimsHub.Api.Tests.Eligibility.X12.X12Checks;
using static DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks;

namespace DentalClaimsHub.Api.Tests.Eligibility;

// A payer that cannot be reached is payer_unavailable with a time to ask again; one that answers unusably is payer_error.
public sealed partial class X12EligibilityTests
{
    private async Task<(HttpResponseMessage Response, EligibilityResponse Check, string Member)> FailAsync(
        string scenario, string prefix, string payerId)
    {
        var member = Member(prefix);
        Simulator.UseForMemberPrefix(prefix, scenario);
        var practice = await factory.CreatePracticeAsync();
        var (response, check) = await PostAsync(practice.Client, Request(member, payerId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("failed", check.Status);
        Assert.Null(check.Result);
        return (response, check, member);
    }

    [Fact]
    public async Task Check_Payer500_RetriesThenAnswersPayerUnavailableWithRetryAfter()
    {
        var (response, check, member) = await FailAsync(CoreRealtimeModule.EligibilityServerError, "XDWN", "test-x12-down");

        Assert.Equal("payer_unavailable", check.Failure!.Code);
        Assert.InRange(check.Failure.RetryAfterSeconds!.Value, 1, 30);
        var header = (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(header, check.Failure.RetryAfterSeconds.Value - 1, check.Failure.RetryAfterSeconds.Value);
        // test-x12-down allows one retry: the payer is asked twice, then the hub gives up.
        Assert.Equal(2, Received(Simulator, member).Count);
    }

    [Fact]
    public async Task Check_PayerSlowerThanItsTimeout_AnswersPayerUnavailableWithRetryAfter()
    {
        // A cold simulator can take seconds over its first request on a busy machine; warm it so the timeout is the payer's.
        var (_, warm) = await PostAsync((await factory.CreatePracticeAsync()).Client, Request(Member("XWRM")));
        Assert.Equal("completed", warm.Status);

        var (response, check, member) = await FailAsync(CoreRealtimeModule.EligibilityTimeout, "XTMO", "test-x12-slow");

        Assert.Equal("payer_unavailable", check.Failure!.Code);
        Assert.Contains("could not be reached in time", check.Failure.Detail, StringComparison.Ordinal);
        var (code, args) = await StoredReasonAsync(factory, check.Id);
        Assert.Equal("unreachable", code);
        Assert.Empty(args);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Single(Received(Simulator, member));
    }

    [Fact]
    public async Task Check_Truncated271_AnswersPayerErrorWithoutRetryTime()
    {
        var (response, check, _) = await FailAsync(CoreRealtimeModule.EligibilityMalformed, "XMAL", DemoPayer);

        Assert.Equal("payer_error", check.Failure!.Code);
        Assert.StartsWith("The payer's 271 could not be used:", check.Failure.Detail, StringComparison.Ordinal);
        var (code, args) = await StoredReasonAsync(factory, check.Id);
        Assert.Equal(PayerReasons.X12Unusable, code);
        Assert.Equal("The payer's 271 could not be used: " + Assert.Single(args), check.Failure.Detail);
        Assert.Null(check.Failure.RetryAfterSeconds);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Check_271ForAnotherTrace_AnswersPayerError()
    {
        var (_, check, _) = await FailAsync(CoreRealtimeModule.EligibilityOtherTrace, "XTRC", DemoPayer);

        Assert.Equal("payer_error", check.Failure!.Code);
        var trace = check.Id.ToString("N").ToUpperInvariant();
        Assert.Contains($"not this inquiry's '{trace}'", check.Failure.Detail, StringComparison.Ordinal);
        var (code, args) = await StoredReasonAsync(factory, check.Id);
        Assert.Equal((PayerReasons.OtherTrace, trace), (code, args[1]));
    }

    [Fact]
    public async Task Check_SoapFault_AnswersPayerError()
    {
        var (_, check, member) = await FailAsync(CoreRealtimeModule.EligibilitySoapFault, "XFLT", "test-x12-fault");

        Assert.Equal("payer_error", check.Failure!.Code);
        Assert.Contains("SOAP fault: Eligibility backend failed", check.Failure.Detail, StringComparison.Ordinal);
        var (code, args) = await StoredReasonAsync(factory, check.Id);
        Assert.Equal(PayerReasons.CoreSoapFault, code);
        Assert.Equal("test-x12-fault", args[0]);
        Assert.StartsWith("Eligibility backend failed", args[1], StringComparison.Ordinal);
        Assert.Equal($"Payer 'test-x12-fault': SOAP fault: {args[1]}", check.Failure.Detail);
        Assert.Single(Received(Simulator, member));
    }

    [Fact]
    public async Task Check_ProviderWithoutNpi_Returns400BeforeAskingThePayer()
    {
        var member = Member("XNPI");
        var practice = await factory.CreatePracticeAsync();
        var request = Request(member) with { Provider = Request(member).Provider! with { Npi = null } };

        var response = await practice.Client.PostAsJsonAsync("/v1/eligibility", request);

        await Infrastructure.ProblemAssert.HasFieldErrorsAsync(response, "$.provider.npi");
        Assert.Empty(Received(Simulator, member));
    }

    [Fact]
    public async Task Check_PracticeWithoutNpiAndNoProvider_Returns400NamingProviderNpi()
    {
        var member = Member("XPNP");
        var practice = await factory.CreatePracticeAsync();
        await factory.UpdatePracticeAsync(practice.Id, p => p.SetIdentifiers(null, p.TaxId, p.Inn, p.Ogrn));

        var response = await practice.Client.PostAsJsonAsync("/v1/eligibility", Request(member) with { Provider = null });

        await Infrastructure.ProblemAssert.HasFieldErrorsAsync(response, "$.provider.npi");
        Assert.Empty(Received(Simulator, member));
    }
}
