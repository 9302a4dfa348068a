using System.Net;
using System.Xml.Linq;
using DentalClaimsHub.PayerSimulator.X12;

namespace DentalClaimsHub.Adapters.Tests.Simulator;

public sealed class CoreBatchTests : SimulatorTestBase
{
    [Fact]
    public async Task Batch_SoapSubmission_StoresFileAndReturnsReceipt()
    {
        var fields = CoreRequests.Fields("ISA*00*...837 file...", "X12_837_Request_005010X224A2", "Batch");

        var content = CoreRequests.SoapEnvelope(fields, element: "COREEnvelopeBatchSubmission");
        using var response = await Http.PostAsync(CoreBatchModule.Path, content);
        var body = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Success", SoapField(body, "ErrorCode"));
        var submission = Assert.Single(Simulator.CoreBatch.Submissions);
        Assert.Equal("f81d4fae-7dec-11d0-a765-00a0c91e6bf6", SoapField(body, "PayloadID"));
        Assert.Contains(submission.ReceiptId, SoapField(body, "ErrorMessage"), StringComparison.Ordinal);
        Assert.Equal(("f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "ISA*00*...837 file..."), (submission.PayloadId, submission.Payload));
        Assert.Single(Simulator.Received(CoreBatchModule.Path));
    }

    [Fact]
    public async Task Batch_RealTimeMode_IsRejectedAndNotStored()
    {
        var fields = CoreRequests.Fields("ISA*...", "X12_837_Request_005010X224A2", "RealTime");

        using var response = await Http.PostAsync(CoreBatchModule.Path, CoreRequests.Mime(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ProcessingModeIllegal", (await CoreRequests.ReadMimeFields(response))["ErrorCode"]);
        Assert.Empty(Simulator.CoreBatch.Submissions);
    }

    private const string Claims837 =
        "ISA*00*          *00*          *ZZ*DCHUB          *ZZ*DEMODENTAL     *260315*1030*^*00501*000000777*0*T*:~"
        + "GS*HC*DCHUB*DEMODENTAL*20260315*1030*777*X*005010X224A2~ST*837*0001*005010X224A2~"
        + "CLM*PCN-A*425***11:B:1*Y*A*Y*Y~SE*3*0001~ST*837*0002*005010X224A2~CLM*PCN-B*90***11:B:7*Y*A*Y*Y~SE*3*0002~GE*2*777~IEA*1*000000777~";

    [Fact]
    public async Task Batch_837_ClaimsGoToTheLedgerAndARepeatedPayloadIdIsNotTakenInTwice()
    {
        var fields = CoreRequests.Fields(Claims837, "X12_837_Request_005010X224A2", "Batch");

        using var first = await Http.PostAsync(CoreBatchModule.Path, CoreRequests.SoapEnvelope(fields, element: "COREEnvelopeBatchSubmission"));
        using var again = await Http.PostAsync(CoreBatchModule.Path, CoreRequests.SoapEnvelope(fields, element: "COREEnvelopeBatchSubmission"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Single(Simulator.CoreBatch.Submissions);
        Assert.Equal(1, Simulator.CoreBatch.Repeats);
        Assert.Equal([("PCN-A", "1", 1, "425"), ("PCN-B", "7", 1, "90")],
            Simulator.Ledger.Claims.OrderBy(c => c.PatientControlNumber).Select(c => (c.PatientControlNumber, c.Frequency, c.Count, c.Total)));
        Assert.Equal(0, Simulator.Ledger.Duplicates);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await Http.GetStringAsync(PayerSimulator.PayerSimulator.LedgerPath))!;
        Assert.Equal((2, 0), ((int)json["total"]!, (int)json["duplicates"]!));
    }

    [Fact]
    public async Task Batch_SameClaimUnderANewPayloadId_IsCountedAsADuplicate()
    {
        foreach (var payloadId in new[] { "a1b2c3d4-0000-4000-8000-000000000001", "a1b2c3d4-0000-4000-8000-000000000002" })
        {
            var fields = CoreRequests.Fields(Claims837, "X12_837_Request_005010X224A2", "Batch");
            fields["PayloadID"] = payloadId;
            using var response = await Http.PostAsync(CoreBatchModule.Path, CoreRequests.SoapEnvelope(fields, element: "COREEnvelopeBatchSubmission"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(2, Simulator.Ledger.Duplicates);
    }
}
