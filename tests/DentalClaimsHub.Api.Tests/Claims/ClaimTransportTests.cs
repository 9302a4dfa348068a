using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.PayerSimulator.Fhir;
using DentalClaimsHub.PayerSimulator.X12;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Tests.Claims;

/// <summary>
/// The transport variants a payer profile chooses, end to end against the simulator: FHIR <c>Claim/$submit</c> with a Bundle
/// (submit-fhir-dental) and CAQH CORE batch in the MIME multipart envelope (mime-x12-dental).
/// </summary>
public sealed class ClaimTransportTests(ClaimDeliveryFactory factory) : IClassFixture<ClaimDeliveryFactory>
{
    [Fact]
    public async Task Submit_FhirPayerUsingSubmitOperations_OneBundleGoesToClaimSubmitAndTheClaimIsAccepted()
    {
        var practice = await factory.CreatePracticeAsync("Submit Operation Dental");
        var pcn = "SUB-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

        var created = await ClaimSubmissions.SubmitAsync(practice, pcn, "submit-fhir-dental");
        var accepted = await ClaimSubmissions.WaitForAsync(practice.Client, created.Id, "accepted");

        var sent = Assert.Single(factory.Simulator.Received(FhirClaimModule.ClaimSubmitPath), r => r.BodyText.Contains(pcn, StringComparison.Ordinal));
        Assert.Equal(("POST", 200), (sent.Method, sent.StatusCode));
        Assert.DoesNotContain(factory.Simulator.Received(FhirClaimModule.ClaimPath), r => r.BodyText.Contains(pcn, StringComparison.Ordinal));
        var bundle = JsonNode.Parse(sent.BodyText)!;
        Assert.Equal(("Bundle", "collection"), (bundle["resourceType"]!.GetValue<string>(), bundle["type"]!.GetValue<string>()));
        var claim = bundle["entry"]![0]!["resource"]!;
        Assert.Equal(("Claim", "claim"), (claim["resourceType"]!.GetValue<string>(), claim["use"]!.GetValue<string>()));
        Assert.Contains(claim["identifier"]!.AsArray(), i => i!["system"]!.GetValue<string>() == "urn:dentalclaimshub:patient-control-number"
            && i["value"]!.GetValue<string>() == pcn);
        Assert.Equal(425m, claim["total"]!["value"]!.GetValue<decimal>());

        Assert.StartsWith("FCN", accepted.PayerClaimNumber, StringComparison.Ordinal);
        Assert.Equal(["draft", "validated", "queued", "submitted", "accepted"], accepted.Timeline.Select(t => t.To));
        var arrived = Assert.Single(factory.Simulator.Ledger.Claims, c => c.PatientControlNumber == pcn);
        Assert.Equal(("claim", 1), (arrived.Frequency, arrived.Count));
        // What we keep as the raw message is the Bundle the payer received, byte for byte.
        var message = await factory.InDatabaseAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == accepted.Timeline[3].RawMessageId));
        Assert.Equal(sent.Body.ToArray(), message.Content);
    }

    [Fact]
    public async Task Submit_X12PayerTakingCoreMime_TheBatchArrivesAsMultipartAndIsAcknowledged()
    {
        var practice = await factory.CreatePracticeAsync("MIME Envelope Dental");
        var pcn = "MIM-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

        var created = await ClaimSubmissions.SubmitAsync(practice, pcn, "mime-x12-dental");
        var submitted = await ClaimSubmissions.WaitForAsync(practice.Client, created.Id, "submitted");

        var sent = Assert.Single(factory.Simulator.Received(CoreBatchModule.Path), r => r.BodyText.Contains(pcn, StringComparison.Ordinal));
        Assert.StartsWith("multipart/form-data", sent.ContentType, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, sent.StatusCode);
        var fields = MimeEnvelopeReader.ReadFields(sent.ContentType, sent.Body.ToArray());
        var delivery = await factory.InDatabaseAsync(db => db.ClaimDeliveries.AsNoTracking().SingleAsync(d => d.ClaimIds.Contains(created.Id)));
        var message = await factory.InDatabaseAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == delivery.MessageId));
        var x12 = Encoding.UTF8.GetString(message.Content);
        Assert.Equal(("X12_837_Request_005010X224A2", "Batch", "DCHUB", "DEMODENTAL", "2.2.0"),
            (fields["PayloadType"], fields["ProcessingMode"], fields["SenderID"], fields["ReceiverID"], fields["CORERuleVersion"]));
        Assert.Equal((delivery.PayloadId, x12), (fields["PayloadID"], fields["Payload"]));
        Assert.Contains($"CLM*{pcn}*425***11:B:1*Y*A*Y*Y~", x12, StringComparison.Ordinal);
        Assert.Equal(submitted.Timeline[^1].RawMessageId, delivery.MessageId);
        // The payer's MIME answer was read: the delivery keeps the echoed PayloadID and the receipt the payer recorded.
        var receipt = Assert.Single(factory.Simulator.CoreBatch.Submissions, s => s.PayloadId == delivery.PayloadId).ReceiptId;
        Assert.StartsWith($"{delivery.PayloadId}: Receipt {receipt}: accepted", delivery.Receipt, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(factory.Simulator.Ledger.Claims, c => c.PatientControlNumber == pcn).Count);

        // The payer's 999 and 277CA for that interchange come back through the insurer's inbound endpoint.
        var acks = factory.Simulator.Acknowledgements.Pending.Where(a => a.InterchangeControlNumber == message.InterchangeControlNumber).ToList();
        Assert.Contains("IK5*A~", acks.Single(a => a.Kind == "999").Payload, StringComparison.Ordinal);
        using var insurer = await factory.CreateInsurerClientAsync("mime-x12-dental");
        foreach (var ack in acks.OrderBy(a => a.Kind == "999" ? 0 : 1))
        {
            var pushed = await insurer.PostAsync("/inbound/mime-x12-dental/x12", new StringContent(ack.Payload, Encoding.UTF8, "application/edi-x12"));
            Assert.True(pushed.IsSuccessStatusCode, await pushed.Content.ReadAsStringAsync());
        }

        var acknowledged = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{created.Id}");
        Assert.Equal(["submitted", "acknowledged", "accepted"], acknowledged!.Timeline.Select(t => t.To).Skip(3));
    }
}
