using System.Net;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.PayerSimulator.Fhir;
using static DentalClaimsHub.Api.Tests.Eligibility.Fhir.FhirChecks;
using static DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks;

namespace DentalClaimsHub.Api.Tests.Eligibility;

// A FHIR payer that cannot be reached is payer_unavailable with a time to ask again; one that answers unusably is payer_error.
public sealed partial class FhirEligibilityTests
{
    private async Task<(HttpResponseMessage Response, EligibilityResponse Check, string Member)> FailAsync(
        string scenario, string prefix, string payerId = DemoPayer)
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
        var (response, check, member) = await FailAsync(FhirModule.EligibilityServerError, "FDWN", "test-fhir-down");

        Assert.Equal("payer_unavailable", check.Failure!.Code);
        Assert.InRange(check.Failure.RetryAfterSeconds!.Value, 1, 30);
        var header = (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(header, check.Failure.RetryAfterSeconds.Value - 1, check.Failure.RetryAfterSeconds.Value);
        // test-fhir-down allows one retry: the payer is asked twice, then the hub gives up.
        Assert.Equal(2, Received(Simulator, member).Count);
    }

    [Fact]
    public async Task Check_PayerSlowerThanItsTimeout_AnswersPayerUnavailableWithRetryAfter()
    {
        var (response, check, member) = await FailAsync(FhirModule.EligibilityTimeout, "FTMO", "test-fhir-slow");

        Assert.Equal("payer_unavailable", check.Failure!.Code);
        Assert.NotNull(check.Failure.RetryAfterSeconds);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Single(Received(Simulator, member));
    }

    [Fact]
    public async Task Check_AnswerIsNotFhir_AnswersPayerErrorWithoutRetryTime()
    {
        var (response, check, _) = await FailAsync(FhirModule.EligibilityMalformed, "FMAL");

        Assert.Equal("payer_error", check.Failure!.Code);
        Assert.Contains("not readable FHIR JSON", check.Failure.Detail, StringComparison.Ordinal);
        var (code, _) = await StoredReasonAsync(factory, check.Id);
        Assert.Contains(code, new[] { PayerReasons.FhirUnreadable, PayerReasons.FhirUnreadableType });
        Assert.Null(check.Failure.RetryAfterSeconds);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Check_AnswerIsAnotherResource_AnswersPayerError()
    {
        var (_, check, _) = await FailAsync(FhirModule.EligibilityWrongResource, "FWRG");

        Assert.Equal("payer_error", check.Failure!.Code);
        Assert.Contains("Expected a CoverageEligibilityResponse from the FHIR payer, got Patient", check.Failure.Detail,
            StringComparison.Ordinal);
        var (code, args) = await StoredReasonAsync(factory, check.Id);
        Assert.Equal(PayerReasons.FhirWrongResource, code);
        Assert.Equal(["Patient"], args);
    }

    [Fact]
    public async Task Check_AnswerForAnotherRequest_AnswersPayerError()
    {
        var (_, check, _) = await FailAsync(FhirModule.EligibilityOtherRequest, "FOTH");

        Assert.Equal("payer_error", check.Failure!.Code);
        Assert.Contains($"not this inquiry's '{check.Id}'", check.Failure.Detail, StringComparison.Ordinal);
        var (code, args) = await StoredReasonAsync(factory, check.Id);
        Assert.Equal((PayerReasons.FhirOtherRequest, check.Id.ToString()), (code, args[1]));
    }

    [Fact]
    public async Task Check_OperationOutcome422_AnswersPayerErrorWithTheDiagnosticsWithoutTheMemberId()
    {
        var (_, check, member) = await FailAsync(FhirModule.EligibilityRejected, "FREJ");

        Assert.Equal("payer_error", check.Failure!.Code);
        Assert.Equal("The FHIR payer answered HTTP 422: Coverage *** is not valid for CoverageEligibilityRequest.servicedDate",
            check.Failure.Detail);
        var (code, args) = await StoredReasonAsync(factory, check.Id);
        Assert.Equal(PayerReasons.FhirHttpError, code);
        Assert.Equal(["422", "Coverage *** is not valid for CoverageEligibilityRequest.servicedDate"], args);
        Assert.Empty(factory.Logs.Containing(member));
    }

    [Fact]
    public async Task Check_FhirExchange_LogsNoPatientNameBirthDateOrMemberId()
    {
        var (_, check, member) = await FailAsync(FhirModule.EligibilityMalformed, "FPHI");

        Assert.Equal("payer_error", check.Failure!.Code);
        Assert.Contains(factory.Logs.Events, e => e.Contains(check.Id.ToString(), StringComparison.Ordinal));
        Assert.Empty(factory.Logs.Containing(
            TestData.PatientLast, TestData.PatientLast.ToUpperInvariant(), TestData.PatientFirst, member, "19870314", "1987-03-14"));
    }
}
