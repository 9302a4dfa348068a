using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Claims.Delivery;
using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Delivery;
using DentalClaimsHub.Storage.Protection;
using DentalClaimsHub.Storage.Tenancy;
using DentalClaimsHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DentalClaimsHub.Api.Tests.Claims;

/// <summary>The hub wired to the payer simulator with a fast delivery sweep, plus a payer that batches claims (Claims/payers).</summary>
public class ClaimDeliveryFactory : SimulatedPayersFactory
{
    /// <summary>The mail server registries of e-mailing insurers go through.</summary>
    public TestSmtpServer Smtp { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Hub:Claims:Delivery:SweepInterval", "00:00:00.300"),
        new("Hub:Claims:Delivery:QueuedGrace", "00:00:00"),
        new("Hub:Dms:Smtp:Host", "127.0.0.1"),
        new("Hub:Dms:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Hub:Dms:Smtp:RequireTls", "false"),
    ];

    protected override async ValueTask DisposeDependenciesAsync()
    {
        await base.DisposeDependenciesAsync();
        await Smtp.DisposeAsync();
    }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(_ => Catalog())));
    }

    /// <summary>Placeholders of the test payer profiles.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ProfileVariables => [];

    /// <summary>Folders of profiles only this factory's tests use (payers whose pollers would bother every other host).</summary>
    protected virtual IEnumerable<string> ExtraProfileFolders => [];

    private PayerProfileCatalog Catalog()
    {
        var variables = new Dictionary<string, string>(ProfileVariables, StringComparer.Ordinal) { ["SIMULATOR_URL"] = Simulator.Url };
        var demo = PayerProfileCatalog.Load(Path.Combine(RepositoryPaths.Mappings, "payers"), variables);
        var tests = PayerProfileCatalog.Load(Path.Combine(RepositoryPaths.Root, "tests", "DentalClaimsHub.Api.Tests", "Claims", "payers"), variables);
        var extra = ExtraProfileFolders.Select(folder => PayerProfileCatalog.Load(folder, variables)).ToList();
        var errors = demo.Errors.Concat(tests.Errors).Concat(extra.SelectMany(e => e.Errors)).ToList();
        return errors.Count == 0
            ? new PayerProfileCatalog(demo.Profiles.Concat(tests.Profiles).Concat(extra.SelectMany(e => e.Profiles)))
            : throw new PayerProfileException(errors);
    }
}

/// <summary>Claims from the API to the simulated X12 payer over CAQH CORE batch: once, and again only as the same bytes.</summary>
public sealed class ClaimDeliveryTests(ClaimDeliveryFactory factory) : IClassFixture<ClaimDeliveryFactory>
{
    private static Task<ClaimResponse> SubmitAsync(TestPractice practice, string? controlNumber = null, string payerId = "demo-x12-dental",
        string? memberId = null) => ClaimSubmissions.SubmitAsync(practice, controlNumber, payerId, memberId);

    private static Task<ClaimResponse> WaitForAsync(HttpClient client, Guid id, string status) => ClaimSubmissions.WaitForAsync(client, id, status);

    private Task<T> InDatabaseAsync<T>(Func<HubDbContext, Task<T>> work) => factory.InDatabaseAsync(work);

    // A claim a protocol cannot build goes to queued, then back to draft: the claim once it is back.
    private static async Task<ClaimResponse> BackInDraftAsync(TestPractice practice, ClaimResponse created)
    {
        var claim = created;
        for (var i = 0; i < 150 && !(claim.Timeline.Count > 1 && claim.Timeline[^1].To == "draft"); i++)
        {
            await Task.Delay(100);
            claim = (await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{created.Id}"))!;
        }

        return claim;
    }

    private Task<ClaimTimelineEntry> LastTimelineEntryAsync(Guid claimId) => InDatabaseAsync(db => db.Set<ClaimTimelineEntry>().AsNoTracking()
        .Where(t => t.ClaimId == claimId).OrderByDescending(t => t.Sequence).FirstAsync());

    // What the Russian console's claim timeline says of a return to draft.
    private string DraftReasonInRussian(ClaimTimelineEntry entry)
    {
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ru-RU");
        try
        {
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<Api.AdminConsole.Claims.TimelineReasonText>()
                .Render(ClaimState.Draft, entry.Reason, entry.ReasonCode, entry.ReasonArgs);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formatting);
        }
    }

    [Fact]
    public async Task Submit_X12Claim_ThePayerReceivesTheValid837OnceAndTheClaimIsSubmittedWithItsRawMessage()
    {
        var practice = await factory.CreatePracticeAsync("Delivery Dental");
        var pcn = "DLV-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

        var created = await SubmitAsync(practice, pcn);
        var submitted = await WaitForAsync(practice.Client, created.Id, "submitted");

        var arrived = Assert.Single(factory.Simulator.Ledger.Claims, c => c.PatientControlNumber == pcn);
        Assert.Equal((1, "1", "425"), (arrived.Count, arrived.Frequency, arrived.Total));
        var entry = submitted.Timeline[^1];
        Assert.Equal(("submitted", ClaimDeliveryService.Actor), (entry.To, entry.Actor));
        var message = await InDatabaseAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == entry.RawMessageId));
        var x12 = Encoding.UTF8.GetString(message.Content);
        Assert.Contains($"CLM*{pcn}*425***11:B:1*Y*A*Y*Y~", x12, StringComparison.Ordinal);
        Assert.Equal(("837", arrived.InterchangeControlNumber), (message.TransactionType, message.InterchangeControlNumber));
        var report = new DentalClaimsHub.X12.Validation.X12Validator(
            factory.Services.GetRequiredService<DentalClaimsHub.X12.Schemas.X12SchemaRegistry>()).Validate(x12);
        Assert.Empty(report.Findings.Where(f => f.IsError).Select(f => f.ToString()));
        var sent = factory.Simulator.CoreBatch.Submissions.Single(s => s.Payload.Contains(pcn, StringComparison.Ordinal));
        Assert.Equal(x12, sent.Payload);
        var viaApi = await practice.Client.GetFromJsonAsync<DentalClaimsHub.Api.Messages.MessageResponse>($"/v1/messages/{entry.RawMessageId}");
        Assert.Equal((x12, "outbound", "837"), (viaApi!.Text, viaApi.Direction, viaApi.TransactionType));
        Assert.Contains(created.Id, viaApi.LinkedIds);
        var intruder = await factory.CreatePracticeAsync("Nosy Dental");
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Client.GetAsync($"/v1/messages/{entry.RawMessageId}")).StatusCode);
    }

    [Fact]
    public async Task Deliver_AfterACrashBetweenThePayersReceiptAndOurCommit_ResendsTheSameBytesAndThePayerDiscardsTheRepeat()
    {
        var practice = await factory.CreatePracticeAsync("Crash Window Dental");
        var pcn = "CRW-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var created = await SubmitAsync(practice, pcn);
        await WaitForAsync(practice.Client, created.Id, "submitted");
        var repeatsBefore = factory.Simulator.CoreBatch.Repeats;

        // What a kill -9 after the payer's receipt leaves behind: the delivery still Prepared, the claim still Queued.
        await InDatabaseAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE claim_deliveries SET status = 'Prepared', sent_at = NULL, receipt = NULL WHERE {created.Id} = ANY(claim_ids)");
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM claim_timeline WHERE claim_id = {created.Id} AND \"to\" = 'Submitted'");
            return await db.Database.ExecuteSqlAsync($"UPDATE claims SET state = 'Queued' WHERE id = {created.Id}");
        });

        var again = await WaitForAsync(practice.Client, created.Id, "submitted");

        Assert.Equal(repeatsBefore + 1, factory.Simulator.CoreBatch.Repeats);
        Assert.Equal(1, factory.Simulator.Ledger.Claims.Single(c => c.PatientControlNumber == pcn).Count);
        var deliveries = await InDatabaseAsync(db => db.ClaimDeliveries.AsNoTracking().Where(d => d.ClaimIds.Contains(created.Id)).ToListAsync());
        var delivery = Assert.Single(deliveries);
        Assert.Equal((ClaimDeliveryStatus.Sent, 2), (delivery.Status, delivery.Attempts));
        var payloads = factory.Simulator.Received(DentalClaimsHub.PayerSimulator.X12.CoreBatchModule.Path)
            .Where(r => r.BodyText.Contains(pcn, StringComparison.Ordinal)).Select(r => r.BodyText).ToList();
        Assert.Equal(2, payloads.Count);
        var stored = await InDatabaseAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == delivery.MessageId));
        var x12 = Encoding.UTF8.GetString(stored.Content);
        Assert.All(payloads, body =>
        {
            Assert.Contains(x12, body, StringComparison.Ordinal);
            Assert.Contains(delivery.PayloadId, body, StringComparison.Ordinal);
        });
        Assert.Equal(again.Timeline[^1].RawMessageId, delivery.MessageId);
    }

    [Fact]
    public async Task Deliver_PayerRefusesLogin_StaysQueuedThenGoesOutUnchangedWhenThePayerRecovers()
    {
        var practice = await factory.CreatePracticeAsync("Refused Dental");
        factory.Simulator.CoreCredentials.Require("someone-else", "not-us");
        try
        {
            var pcn = "RFS-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
            var created = await SubmitAsync(practice, pcn);
            ClaimDelivery? failing = null;
            for (var i = 0; i < 100 && failing is not { Attempts: > 0 }; i++)
            {
                await Task.Delay(100);
                failing = await InDatabaseAsync(db => db.ClaimDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.ClaimIds.Contains(created.Id)));
            }

            Assert.Equal(ClaimDeliveryStatus.Prepared, failing!.Status);
            Assert.NotNull(failing.LastError);
            Assert.Equal("queued", (await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{created.Id}"))!.Status);
            Assert.DoesNotContain(factory.Simulator.Ledger.Claims, c => c.PatientControlNumber == pcn);

            factory.Simulator.CoreCredentials.AcceptAny();
            await InDatabaseAsync(db => db.Database.ExecuteSqlAsync($"UPDATE claim_deliveries SET next_attempt_at = NULL WHERE id = {failing.Id}"));
            await WaitForAsync(practice.Client, created.Id, "submitted");

            var delivered = await InDatabaseAsync(db => db.ClaimDeliveries.AsNoTracking().SingleAsync(d => d.Id == failing.Id));
            Assert.Equal(ClaimDeliveryStatus.Sent, delivered.Status);
            Assert.Equal(1, factory.Simulator.Ledger.Claims.Single(c => c.PatientControlNumber == pcn).Count);
        }
        finally
        {
            factory.Simulator.CoreCredentials.AcceptAny();
        }
    }

    [Fact]
    public async Task Submit_FhirClaim_CreatedOnceAtThePayerAndAcceptedWithItsClaimNumber()
    {
        var practice = await factory.CreatePracticeAsync("FHIR Claims Dental");
        var pcn = "FHC-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

        var created = await SubmitAsync(practice, pcn, "demo-fhir-dental");
        var accepted = await WaitForAsync(practice.Client, created.Id, "accepted");

        Assert.StartsWith("FCN", accepted.PayerClaimNumber, StringComparison.Ordinal);
        Assert.Equal(["draft", "validated", "queued", "submitted", "accepted"], accepted.Timeline.Select(t => t.To));
        var arrived = Assert.Single(factory.Simulator.Ledger.Claims, c => c.PatientControlNumber == pcn);
        Assert.Equal(("claim", 1, 425m), (arrived.Frequency, arrived.Count, decimal.Parse(arrived.Total, System.Globalization.CultureInfo.InvariantCulture)));
        var sent = factory.Simulator.Received(DentalClaimsHub.PayerSimulator.Fhir.FhirClaimModule.ClaimPath)
            .Single(r => r.BodyText.Contains(pcn, StringComparison.Ordinal));
        Assert.Contains("urn:dentalclaimshub:patient-control-number", sent.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreAuthorization_FhirPayerDecidesAtOnce_DecisionIsStoredAndAnnounced()
    {
        var practice = await factory.CreatePracticeAsync("FHIR Plans Dental");
        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest()))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages",
                TestData.NewCoverageRequest("demo-fhir-dental")))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/preauthorizations")
        {
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, Total = 1450m,
                Lines =
                [
                    new ClaimLineRequest { Code = "D2950", Tooth = "3", Fee = 250m },
                    new ClaimLineRequest { Code = "D2740", Tooth = "3", Fee = 1200m, Prosthesis = "initial" },
                ],
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await practice.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var plan = (await response.Content.ReadFromJsonAsync<PreAuthorizations.PreAuthorizationResponse>())!;

        PreAuthorizations.PreAuthorizationResponse? decided = null;
        for (var i = 0; i < 300 && decided?.Status != "approved"; i++)
        {
            await Task.Delay(100);
            decided = await practice.Client.GetFromJsonAsync<PreAuthorizations.PreAuthorizationResponse>($"/v1/preauthorizations/{plan.Id}");
        }

        Assert.Equal("approved", decided!.Status);
        Assert.StartsWith("PD", decided.ReferenceNumber, StringComparison.Ordinal);
        Assert.Equal([200m, 960m], decided.Lines.Select(l => l.ApprovedAmount!.Amount));
        Assert.Equal(1160m, decided.TotalApproved.Amount);
        var events = await InDatabaseAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.OrderingKey == HubDbContext.ClaimOrderingKey(plan.RequestClaimId!.Value)).OrderBy(m => m.Sequence).Select(m => m.Body).ToListAsync());
        Assert.Contains(events, e => e.Contains("\"preauth.decided\"", StringComparison.Ordinal) && e.Contains(decided.ReferenceNumber!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_PayerWithABatchingWindow_QueuedClaimsOfAPracticeGoOutInOneInterchange()
    {
        var practice = await factory.CreatePracticeAsync("Batching Dental");
        var numbers = Enumerable.Range(1, 3).Select(i => $"BAT-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}-{i}").ToList();
        var claims = new List<ClaimResponse>();
        foreach (var pcn in numbers)
        {
            claims.Add(await SubmitAsync(practice, pcn, "batch-x12-dental"));
        }

        foreach (var claim in claims)
        {
            await WaitForAsync(practice.Client, claim.Id, "submitted");
        }

        var deliveries = await InDatabaseAsync(db => db.ClaimDeliveries.AsNoTracking().Where(d => d.PayerId == "batch-x12-dental"
            && d.PracticeId == practice.Id).ToListAsync());
        var delivery = Assert.Single(deliveries);
        Assert.Equal(claims.Select(c => c.Id).Order(), delivery.ClaimIds.Order());
        var message = await InDatabaseAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == delivery.MessageId));
        Assert.Equal(3, message.TransactionControlNumbers.Count);
        var x12 = Encoding.UTF8.GetString(message.Content);
        Assert.All(numbers, pcn => Assert.Contains($"CLM*{pcn}*", x12, StringComparison.Ordinal));
        Assert.All(numbers, pcn => Assert.Equal(1, factory.Simulator.Ledger.Claims.Single(c => c.PatientControlNumber == pcn).Count));
    }

    [Fact]
    public async Task Submit_X12Claim_ThePayerAnswersAValid999And277CaNamingTheClaim()
    {
        var practice = await factory.CreatePracticeAsync("Acknowledged Dental");
        var accepted = "ACK-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var rejected = "REJ-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        factory.Simulator.UseForMemberPrefix("REJMEMBER", DentalClaimsHub.PayerSimulator.X12.ClaimAcknowledgements.Reject277Ca);

        var first = await SubmitAsync(practice, accepted);
        var second = await SubmitAsync(practice, rejected, memberId: "REJMEMBER0001");
        await WaitForAsync(practice.Client, first.Id, "submitted");
        await WaitForAsync(practice.Client, second.Id, "submitted");

        var validator = new DentalClaimsHub.X12.Validation.X12Validator(
            factory.Services.GetRequiredService<DentalClaimsHub.X12.Schemas.X12SchemaRegistry>());
        var acks = factory.Simulator.Acknowledgements.Pending;
        var ok277 = acks.Single(a => a.Kind == "277CA" && a.Payload.Contains($"TRN*2*{accepted}~", StringComparison.Ordinal));
        var no277 = acks.Single(a => a.Kind == "277CA" && a.Payload.Contains($"TRN*2*{rejected}~", StringComparison.Ordinal));
        Assert.Contains("STC*A2:20:PR*", ok277.Payload, StringComparison.Ordinal);
        Assert.Contains("REF*1K*SIM", ok277.Payload, StringComparison.Ordinal);
        Assert.Contains("STC*A3:21:IL*", no277.Payload, StringComparison.Ordinal);
        foreach (var ack in acks.Where(a => a.InterchangeControlNumber == ok277.InterchangeControlNumber || a == no277))
        {
            Assert.Empty(validator.Validate(ack.Payload).Findings.Where(f => f.IsError).Select(f => $"{ack.Kind}: {f}"));
        }

        var ack999 = acks.Single(a => a.Kind == "999" && a.InterchangeControlNumber == ok277.InterchangeControlNumber);
        Assert.Contains("IK5*A~", ack999.Payload, StringComparison.Ordinal);

        // The insurer pushes them back: the 999 acknowledges, the 277CA accepts one claim and rejects the other.
        using var insurer = await factory.CreateInsurerClientAsync("demo-x12-dental");
        foreach (var ack in acks.Where(a => a.InterchangeControlNumber == ok277.InterchangeControlNumber || a.InterchangeControlNumber == no277.InterchangeControlNumber)
                     .OrderBy(a => a.Kind == "999" ? 0 : 1))
        {
            var pushed = await insurer.PostAsync("/inbound/demo-x12-dental/x12", new StringContent(ack.Payload, Encoding.UTF8, "application/edi-x12"));
            Assert.True(pushed.IsSuccessStatusCode, await pushed.Content.ReadAsStringAsync());
            var result = (await pushed.Content.ReadFromJsonAsync<DentalClaimsHub.Api.Inbound.InboundResult>())!;
            Assert.Equal((false, 1), (result.Duplicate, result.ClaimsUpdated));
        }

        var acceptedClaim = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{first.Id}");
        Assert.Equal(["submitted", "acknowledged", "accepted"], acceptedClaim!.Timeline.Select(t => t.To).Skip(3));
        Assert.StartsWith("SIM", acceptedClaim.PayerClaimNumber, StringComparison.Ordinal);
        var rejectedClaim = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{second.Id}");
        Assert.Equal("rejected", rejectedClaim!.Status);
        Assert.StartsWith("277CA A3:21:IL: Rejected", rejectedClaim.Timeline[^1].Reason, StringComparison.Ordinal);
        var again = await insurer.PostAsync("/inbound/demo-x12-dental/x12", new StringContent(ok277.Payload, Encoding.UTF8, "application/edi-x12"));
        Assert.True((await again.Content.ReadFromJsonAsync<DentalClaimsHub.Api.Inbound.InboundResult>())!.Duplicate);
        var otherInsurer = await factory.CreateInsurerClientAsync("demo-fhir-dental");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await otherInsurer.PostAsync("/inbound/demo-x12-dental/x12", new StringContent(ok277.Payload, Encoding.UTF8, "application/edi-x12"))).StatusCode);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await new HttpClient().GetStringAsync(factory.Simulator.Url + "/x12/acks?after=0"))!;
        Assert.True(json["acks"]!.AsArray().Count >= 4);
    }

    [Fact]
    public async Task Submit_DmsClaim_GoesToTheInsurersFileDropAsAWindows1251RegistryOnce()
    {
        var (practice, pcn, created) = await SubmitDmsAsync("demo-dms-insurer");

        await WaitForAsync(practice.Client, created.Id, "submitted");

        var arrived = Assert.Single(factory.Simulator.Ledger.Claims, c => c.PatientControlNumber == pcn);
        Assert.Equal(("dms-claim", 1, "5700.00"), (arrived.Frequency, arrived.Count, arrived.Total));
        var file = Assert.Single(factory.Simulator.Dms.Files, f => f.FileName.StartsWith("DEMO-MED_reestr_", StringComparison.Ordinal)
            && Encoding.GetEncoding(1251).GetString(f.Content).Contains(pcn, StringComparison.Ordinal));
        AssertRegistry(Encoding.GetEncoding(1251).GetString(file.Content), pcn);
        // The hub's copy of the file names the patient: encrypted at rest, and it reads back to the bytes that were sent.
        var stored = await InDatabaseAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.LinkedIds.Contains(created.Id)));
        Assert.Equal(ContentProtection.DataProtection, stored.ContentProtection);
        Assert.False(stored.Content.AsSpan().IndexOf(Encoding.GetEncoding(1251).GetBytes(pcn)) >= 0, "the stored registry is plain");
        Assert.Equal(file.Content, stored.ReadContent(factory.Services.GetRequiredService<IStoredFileProtector>()));
    }

    [Fact]
    public async Task Submit_X12ClaimOfAPracticeWithoutNpi_GoesBackToDraftWithACodedReasonTheConsoleSaysInRussian()
    {
        var practice = await factory.CreatePracticeAsync("No NPI Dental");
        await factory.UpdatePracticeAsync(practice.Id, p => p.SetIdentifiers(null, p.TaxId, p.Inn, p.Ogrn));
        var pcn = "NONPI" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

        var created = await ClaimSubmissions.SubmitAsync(practice, pcn);

        var claim = await BackInDraftAsync(practice, created);

        // The API keeps the English it always gave.
        var english = $"Claim {pcn} cannot be sent as an 837D: the practice has no NPI (2010AA NM109).";
        Assert.Equal(("draft", english), (claim.Timeline[^1].To, claim.Timeline[^1].Reason));
        var entry = await LastTimelineEntryAsync(created.Id);
        Assert.Equal((TimelineReasonCodes.X12Unbuildable, english), (entry.ReasonCode, entry.Reason));
        Assert.Equal([pcn, DentalClaimsHub.Adapters.X12.Claims.Claim837Problems.PracticeNpi], entry.ReasonArgs);
        Assert.DoesNotContain(factory.Simulator.Ledger.Claims, c => c.PatientControlNumber == pcn);

        Assert.Equal($"Заявку {pcn} нельзя отправить как 837D: у клиники нет NPI (2010AA NM109).", DraftReasonInRussian(entry));
    }

    [Fact]
    public async Task Submit_DmsClaimOfAClinicWithoutInn_GoesBackToDraftWithACodedReasonTheConsoleSaysInRussian()
    {
        var (practice, pcn, created) = await SubmitDmsAsync("demo-dms-insurer", withInn: false);

        // It starts in draft: wait for the draft it returns to after queued.
        var claim = await BackInDraftAsync(practice, created);

        var english = $"Claim {pcn} cannot go into a ДМС registry: the clinic has no ИНН.";
        Assert.Equal(("draft", english), (claim.Timeline[^1].To, claim.Timeline[^1].Reason));
        var entry = await LastTimelineEntryAsync(created.Id);
        Assert.Equal((TimelineReasonCodes.DmsNoInn, english), (entry.ReasonCode, entry.Reason));
        Assert.Equal([pcn], entry.ReasonArgs);
        Assert.DoesNotContain(factory.Simulator.Dms.Files, f => Encoding.GetEncoding(1251).GetString(f.Content).Contains(pcn, StringComparison.Ordinal));

        Assert.Equal($"Заявку {pcn} нельзя включить в реестр ДМС: у клиники не указан ИНН.", DraftReasonInRussian(entry));
    }

    [Fact]
    public async Task Submit_DmsClaimToAnInsurerTakingEmail_TheRegistryIsMailedAsAnAttachment()
    {
        var (practice, pcn, created) = await SubmitDmsAsync("dms-mail-insurer");

        await WaitForAsync(practice.Client, created.Id, "submitted");

        var mails = factory.Smtp.Messages.Select(m => (m.To, Message: MimeKit.MimeMessage.Load(new MemoryStream(m.Data)))).ToList();
        var (to, message) = Assert.Single(mails, m => m.Message.Attachments.OfType<MimeKit.MimePart>()
            .Any(a => a.FileName?.StartsWith("MAIL-MED_reestr_", StringComparison.Ordinal) == true && Text(a).Contains(pcn, StringComparison.Ordinal)));
        Assert.Equal(["reestr@pochta-med.example"], to);
        Assert.EndsWith("@dentalclaimshub", message.MessageId, StringComparison.Ordinal);
        var attachment = message.Attachments.OfType<MimeKit.MimePart>().Single();
        Assert.Equal("windows-1251", attachment.ContentType.Charset);
        AssertRegistry(Text(attachment), pcn);
    }

    [Fact]
    public async Task PreAuthorization_DmsInsurer_AGuaranteeLetterRequestGoesToItsFileDrop()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var practice = await factory.CreatePracticeAsync("Клиника План");
        await factory.UpdatePracticeAsync(practice.Id, p => p.SetIdentifiers(p.Npi, p.TaxId, Domain.Values.Inn.Parse("7707083893"), null));
        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest("Петров", "Олег")))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages", TestData.NewDmsCoverageRequest()))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        var pcn = "GP-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/preauthorizations")
        {
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, PatientControlNumber = pcn, Total = 19800m, Diagnoses = ["K08.1"],
                Lines =
                [
                    new ClaimLineRequest { Code = "A16.07.004", Tooth = "46", Fee = 18500m, DiagnosisPointers = [1] },
                    new ClaimLineRequest { Code = "A06.07.003", Units = 2, Fee = 1300m, DiagnosisPointers = [1] },
                ],
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await practice.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var plan = (await response.Content.ReadFromJsonAsync<PreAuthorizations.PreAuthorizationResponse>())!;
        Assert.Equal("guaranteeLetter", plan.Kind);

        await WaitForAsync(practice.Client, plan.RequestClaimId!.Value, "submitted");

        var sent = await practice.Client.GetFromJsonAsync<PreAuthorizations.PreAuthorizationResponse>($"/v1/preauthorizations/{plan.Id}");
        Assert.Equal("submitted", sent!.Status);
        // demo-dms-insurer's mapping (demo-med) asks for its own XLSX request: named by its pattern, one row per planned service.
        var file = Assert.Single(factory.Simulator.Dms.Files, f => f.FileName.StartsWith($"DEMO-MED_zapros-gp_{pcn}_", StringComparison.Ordinal));
        Assert.EndsWith(".xlsx", file.FileName, StringComparison.Ordinal);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(file.Content), useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Select(row => row.Values.Select(cell => Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture)).ToList())
            .ToList();
        var header = rows.FindIndex(row => row.Contains("№ запроса"));
        Assert.True(header >= 0, "the request has its header row");
        var line = rows[header + 1];
        Assert.Equal(pcn, line[rows[header].IndexOf("№ запроса")]);
        Assert.Equal("A16.07.004", line[rows[header].IndexOf("Код услуги")]);
        Assert.Equal("46", line[rows[header].IndexOf("№ зуба")]);
        Assert.Equal("K08.1", line[rows[header].IndexOf("МКБ-10")]);
        Assert.Equal("Итого", rows[^1][0]);

        // The insurer read the XLSX request: the plan's lines, and the plan once in its ledger.
        var seen = factory.Simulator.Dms.Plans[pcn];
        Assert.Equal([("A16.07.004", "46", 18500m), ("A06.07.003", null, 1300m)], seen.Services.Select(s => (s.Code, s.Tooth, s.Amount)));
        Assert.Equal(("dms-plan", 1, "19800.00"), factory.Simulator.Ledger.Claims.Where(c => c.PatientControlNumber == pcn)
            .Select(c => (c.Frequency, c.Count, c.Total)).Single());

        // Its answer, in demo-med's answer layout (XLSX, a row per service), comes back through the insurer's inbound endpoint.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var answer = factory.Simulator.Dms.Answer(pcn, "demo-med",
            new PayerSimulator.Dms.GuaranteeAnswer("ГП-2026/0046", today, today, today.AddDays(60), 18500m, new HashSet<string> { "A06.07.003" }))!.Value;
        var insurer = await factory.CreateInsurerClientAsync("demo-dms-insurer");
        var upload = new ByteArrayContent(answer.Content);
        upload.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(answer.ContentType);
        var imported = await insurer.PostAsync("/inbound/demo-dms-insurer/guarantee-letters",
            new MultipartFormDataContent { { upload, "file", answer.FileName } });
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var result = (await imported.Content.ReadFromJsonAsync<DentalClaimsHub.Api.Dms.GuaranteeLetters.GuaranteeLetterImportResult>())!;
        Assert.Equal((1, 0), (result.Counts.PartlyApproved, result.Counts.Problems));

        var decided = (await practice.Client.GetFromJsonAsync<PreAuthorizations.PreAuthorizationResponse>($"/v1/preauthorizations/{plan.Id}"))!;
        Assert.Equal(("partiallyApproved", "ГП-2026/0046"), (decided.Status, decided.ReferenceNumber));
        Assert.Equal((today, today.AddDays(60)), (decided.ValidFrom, decided.ValidTo));
        Assert.Equal((18500m, "RUB"), (decided.Limit!.Amount!.Value, decided.Limit.Currency));
        Assert.Equal(["approved", "denied"], decided.Lines.Select(l => l.Decision));
        Assert.Equal(18500m, decided.Lines[0].ApprovedAmount!.Amount);
        Assert.Equal(18500m, decided.TotalApproved.Amount);
    }

    private static string Text(MimeKit.MimePart part)
    {
        using var buffer = new MemoryStream();
        part.Content!.DecodeTo(buffer);
        return Encoding.GetEncoding(1251).GetString(buffer.ToArray());
    }

    private static void AssertRegistry(string text, string pcn)
    {
        Assert.StartsWith("Реестр оказанных медицинских услуг\r\n", text, StringComparison.Ordinal);
        Assert.Contains($";{pcn};Иванова;Анна;J;14.03.1987;", text, StringComparison.Ordinal);
        Assert.Contains(";A16.07.002;;36;MO;1;4500,00;4500,00;K02.1;", text, StringComparison.Ordinal);
        Assert.Contains("Итого;;;;;;;;;;;;;;;5700,00;;", text, StringComparison.Ordinal);
        var rows = text.Split("\r\n");
        Assert.Contains("RX-0117 (opg.jpg)", Assert.Single(rows, r => r.Contains(";B01.065.001;", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.Contains(";A16.07.002;", StringComparison.Ordinal) && r.Contains("RX-0117", StringComparison.Ordinal));
    }

    private async Task<(TestPractice Practice, string Pcn, ClaimResponse Created)> SubmitDmsAsync(string insurer, bool withInn = true)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var practice = await factory.CreatePracticeAsync("Клиника Улыбка");
        if (withInn)
        {
            await factory.UpdatePracticeAsync(practice.Id, p => p.SetIdentifiers(p.Npi, p.TaxId, Domain.Values.Inn.Parse("7707083893"), null));
        }

        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest("Иванова", "Анна")))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages",
                TestData.NewDmsCoverageRequest() with { PayerId = insurer }))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        var pcn = "DMS-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/claims")
        {
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, PatientControlNumber = pcn, Total = 5700m, Diagnoses = ["K02.1"],
                PriorAuthorizationNumber = "ГП-2026-0117",
                // A panoramic X-ray the clinic sends separately: the registry lists it on the claim's first row.
                Attachments = [new AttachmentRequest { ReportType = "RB", Transmission = "mail", ControlNumber = "RX-0117", FileName = "opg.jpg" }],
                Lines =
                [
                    new ClaimLineRequest { Code = "B01.065.001", Fee = 1200m, ServiceDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1) },
                    new ClaimLineRequest
                    {
                        Code = "A16.07.002", Tooth = "36", Surfaces = "MO", Fee = 4500m, DiagnosisPointers = [1],
                        ServiceDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
                    },
                ],
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await practice.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (practice, pcn, (await response.Content.ReadFromJsonAsync<ClaimResponse>())!);
    }
}
