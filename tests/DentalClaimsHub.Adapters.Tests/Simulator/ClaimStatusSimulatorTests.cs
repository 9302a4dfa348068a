using System.Net;
using System.Xml.Linq;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Claims.Status;
using DentalClaimsHub.PayerSimulator.X12;
using DentalClaimsHub.Testing;
using DentalClaimsHub.X12.Schemas;
using DentalClaimsHub.X12.Validation;

namespace DentalClaimsHub.Adapters.Tests.Simulator;

public sealed class ClaimStatusSimulatorTests : SimulatorTestBase
{
    private static readonly Lazy<X12SchemaRegistry> Schemas = new(X12SchemaRegistry.LoadDefault);

    private static readonly PayerProfile Payer = PayerProfileCatalog.LoadOrThrow(
        Path.Combine(RepositoryPaths.Mappings, "payers"), new Dictionary<string, string>()).Get("demo-x12-dental");

    public ClaimStatusSimulatorTests()
    {
        // PayerSimulator builds the real-time module without the shared ledger (wiring pending in PayerSimulator.cs).
        Simulator.CoreRealtime.Ledger = Simulator.Ledger;
    }

    private async Task SubmitClaimsAsync()
    {
        var fields = CoreRequests.Fields(ClaimStatusRequests.Claims837, "X12_837_Request_005010X224A2", "Batch");
        using var response = await Http.PostAsync(CoreBatchModule.Path,
            CoreRequests.SoapEnvelope(fields, element: "COREEnvelopeBatchSubmission"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(Simulator.Ledger.Find("PCN1001"));
    }

    private async Task<(string PayloadType, string ErrorCode, string[] Segments)> AskAsync(string payload)
    {
        using var response = await Http.PostAsync(CoreRealtimeModule.Path,
            CoreRequests.SoapEnvelope(CoreRequests.Fields(payload, "X12_276_Request_005010X212")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var answer = SoapField(body, "Payload") ?? "";
        return (SoapField(body, "PayloadType")!, SoapField(body, "ErrorCode")!,
            answer.Split("~\n", StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Ask(ClaimStatusQuery query) => ClaimStatusRequests.Build276(query, Payer, Now);

    [Fact]
    public async Task Realtime276_KnownClaim_AnswersPendingWithTraceChargeAndPayerNumber()
    {
        await SubmitClaimsAsync();
        var query = ClaimStatusRequests.Query();

        var (payloadType, errorCode, segments) = await AskAsync(Ask(query));

        Assert.Equal(("X12_277_Response_005010X212", "Success"), (payloadType, errorCode));
        Assert.Equal("ST*277*0501*005010X212", segments[2]);
        Assert.Contains($"TRN*2*{query.TraceNumber}", segments);
        Assert.Contains("STC*P1:20*20260315**468", segments);
        Assert.Contains("REF*1K*SIMPCN1001", segments);
        Assert.Contains("REF*EJ*PCN1001", segments);
        Assert.Contains("DTP*472*RD8*20260310-20260310", segments);
    }

    [Fact]
    public async Task Realtime276_FinalizedScenario_AnswersF1WithPaidAmount()
    {
        await SubmitClaimsAsync();
        Simulator.Use(CoreRealtimeModule.StatusFinalized);

        var (_, _, segments) = await AskAsync(Ask(ClaimStatusRequests.Query()));

        Assert.Contains("STC*F1:65*20260315**468*374.4*20260315", segments);
    }

    [Fact]
    public async Task Realtime276_DeniedForMemberPrefix_AnswersF2WithNothingPaid()
    {
        await SubmitClaimsAsync();
        Simulator.UseForMemberPrefix("DNX4488", CoreRealtimeModule.StatusDenied);

        var (_, _, segments) = await AskAsync(Ask(ClaimStatusRequests.Query()));

        Assert.Contains("STC*F2:1*20260315**468*0*20260315", segments);
    }

    [Fact]
    public async Task Realtime276_UnknownClaim_AnswersA4WithoutPayerNumber()
    {
        await SubmitClaimsAsync();

        var (_, _, segments) = await AskAsync(Ask(ClaimStatusRequests.Query(pcn: "PCN9999")));

        Assert.Contains("STC*A4:35*20260315", segments);
        Assert.DoesNotContain(segments, s => s.StartsWith("REF*1K", StringComparison.Ordinal));
        Assert.Contains("REF*EJ*PCN9999", segments);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Realtime276_Answer_PassesTheHubsValidator(bool dependent)
    {
        await SubmitClaimsAsync();

        var (_, _, segments) = await AskAsync(Ask(ClaimStatusRequests.Query(dependent: dependent)));

        var report = new X12Validator(Schemas.Value).Validate(string.Join("~\n", segments) + "~\n");
        var errors = report.Findings.Where(f => f.IsError).Select(f => f.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Contains(dependent ? "HL*5*4*23*0" : "HL*4*3*22*0", segments);
    }

    [Fact]
    public async Task Realtime276_SampleRequestWithoutPcn_IsAnsweredNotFoundForItsTrace()
    {
        var sample = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "x12", "276-claim-status-request.x12"));

        var (_, _, segments) = await AskAsync(sample);

        Assert.Contains("TRN*2*CS20260401001A", segments);
        Assert.Contains("STC*A4:35*20260315", segments);
        Assert.Contains("BHT*0010*08*CS20260401001*20260315*1031*DG", segments);
    }

    [Fact]
    public async Task Realtime276_NoClaimAsked_AnswersPayloadIllegal()
    {
        var query = Ask(ClaimStatusRequests.Query());
        var withoutTrn = string.Join('\n', query.Split('\n').Where(l => !l.StartsWith("TRN*", StringComparison.Ordinal)));

        var (payloadType, errorCode, segments) = await AskAsync(withoutTrn);

        Assert.Equal(("X12_277_Response_005010X212", "PayloadIllegal"), (payloadType, errorCode));
        Assert.Empty(segments);
    }

    [Fact]
    public async Task Realtime276_Reject999Scenario_AnswersA999RejectingTheTransaction()
    {
        Simulator.Use(CoreRealtimeModule.StatusReject999);

        var (payloadType, _, segments) = await AskAsync(Ask(ClaimStatusRequests.Query()));

        Assert.Equal("X12_999_Response_005010X231A1", payloadType);
        Assert.Contains("AK2*276*0501*005010X212", segments);
        Assert.Contains("IK5*R*5", segments);
    }
}
