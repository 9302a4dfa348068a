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
        Assert.Equal(submission.ReceiptId, SoapField(body, "PayloadID"));
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
}
