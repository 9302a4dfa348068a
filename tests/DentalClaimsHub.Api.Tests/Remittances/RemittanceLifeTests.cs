using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Inbound;
using DentalClaimsHub.Api.Remittances;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.PayerSimulator.X12;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Tests.Remittances;

/// <summary>
/// A claim's whole life against the simulated X12 payer: submitted over CORE batch, the payer's 999 and 277CA pushed back,
/// then its 835s — paid, denied with CO-97 + N20, reversed and paid again — posted once each, with the APIs that show them.
/// </summary>
public sealed class RemittanceLifeTests(ClaimDeliveryFactory factory) : IClassFixture<ClaimDeliveryFactory>
{
    private const string Payer = "demo-x12-dental";

    private static string NewPcn(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private PayerExchanges Exchanges => new(factory, Payer);

    private Task<HttpClient> InsurerAsync() => Exchanges.InsurerAsync();

    private Task<InboundResult> PushAsync(HttpClient insurer, string x12) => Exchanges.PushAsync(insurer, x12);

    private Task<string> RemitAsync(bool reverse, params string[] pcns) => Exchanges.RemitAsync(reverse, pcns);

    private Task<List<ClaimResponse>> AcceptedClaimsAsync(TestPractice practice, HttpClient insurer, params (string Pcn, string? Member)[] claims) =>
        Exchanges.AcceptedClaimsAsync(practice, insurer, claims);

    [Fact]
    public async Task FullLife_PaidDeniedReversedAndRepaid_EachPostedOnceWithReasonsPaymentsAndCollections()
    {
        var practice = await factory.CreatePracticeAsync("Remittance Life Dental");
        using var insurer = await InsurerAsync();
        factory.Simulator.UseForMemberPrefix("DENY", PayerRemittances.Denied);
        var (paidPcn, deniedPcn, reversedPcn) = (NewPcn("PAY-"), NewPcn("DNY-"), NewPcn("REV-"));
        var claims = await AcceptedClaimsAsync(practice, insurer, (paidPcn, null), (deniedPcn, "DENY00042"), (reversedPcn, null));

        // First 835: two paid at 80 % less 20 % co-insurance (118.40 + 153.60), one denied.
        var first835 = await RemitAsync(false, paidPcn, deniedPcn, reversedPcn);
        var posted = await PushAsync(insurer, first835);
        Assert.Equal(("835", false, 3), (posted.TransactionType, posted.Duplicate, posted.ClaimsUpdated));
        Assert.Empty(posted.Notes);
        var remittanceId = Assert.Single(posted.RemittanceIds);
        // demo-x12-dental asks for our 999: one accepted functional group answering the payer's HP group.
        Assert.Contains("AK1*HP*", posted.Acknowledgement, StringComparison.Ordinal);
        Assert.Contains("AK9*A*1*1*1~", posted.Acknowledgement, StringComparison.Ordinal);
        Assert.NotNull(posted.AcknowledgementMessageId);

        var paid = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claims[0].Id}");
        Assert.Equal("paid", paid!.Status);
        Assert.StartsWith("SIM0", paid.PayerClaimNumber, StringComparison.Ordinal); // the 277CA's REF*1K stays the claim's number
        Assert.Equal(posted.MessageId, paid.Timeline[^1].RawMessageId);
        var denied = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claims[1].Id}");
        Assert.Equal("denied", denied!.Status);
        Assert.Contains("CO-97", denied.Timeline[^1].Reason, StringComparison.Ordinal);
        Assert.Contains("N20 (", denied.Timeline[^1].Reason, StringComparison.Ordinal);
        Assert.Contains("CO-97 (", denied.Timeline[^1].Reason, StringComparison.Ordinal);

        var payments = await practice.Client.GetFromJsonAsync<ClaimPaymentsResponse>($"/v1/claims/{claims[0].Id}/payments");
        Assert.Equal((272.00m, 68.00m, 85.00m), (payments!.Paid.Amount, payments.PatientResponsibility.Amount, payments.WriteOff.Amount));
        var payment = Assert.Single(payments.Payments).Payment;
        Assert.StartsWith("SIMP", payment.PayerClaimNumber, StringComparison.Ordinal);
        Assert.Equal([1, 2], payment.Lines.Select(l => l.ClaimLineNumber ?? 0));
        Assert.Contains(payment.Lines[0].Adjustments, a => (a.Group, a.ReasonCode, a.Amount.Amount) == ("co", "45", 37.00m));
        Assert.Equal(148.00m, payment.Lines[0].Allowed!.Amount);
        Assert.NotNull(payment.Lines[0].Adjustments[0].Description);

        // The same file again (and the same payment under a new ISA13) posts nothing twice.
        Assert.True((await PushAsync(insurer, first835)).Duplicate);
        var reissued = await PushAsync(insurer, NewInterchangeNumber(first835, "835999999"));
        Assert.False(reissued.Duplicate);
        Assert.Equal(0, reissued.ClaimsUpdated);
        Assert.Contains(reissued.Notes, n => n.Contains("DuplicatePayment", StringComparison.Ordinal));
        Assert.Single((await practice.Client.GetFromJsonAsync<ClaimPaymentsResponse>($"/v1/claims/{claims[0].Id}/payments"))!.Payments);

        // Second 835: the payer takes the third claim's payment back and pays it again at 85 %.
        var second = await PushAsync(insurer, await RemitAsync(true, reversedPcn));
        Assert.Equal(1, second.ClaimsUpdated);
        var reversed = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claims[2].Id}");
        Assert.Equal(["accepted", "paid", "pending", "paid"], reversed!.Timeline.Select(t => t.To).TakeLast(4));
        var history = await practice.Client.GetFromJsonAsync<ClaimPaymentsResponse>($"/v1/claims/{claims[2].Id}/payments");
        Assert.Equal(["processedAsPrimary", "reversal", "processedAsPrimary"], history!.Payments.Select(p => p.Payment.Status));
        // 85 % allowance: 157.25 + 204 allowed, 20 % co-insurance → 289.00 paid net of the reversal.
        Assert.Equal(289.00m, history.Paid.Amount);

        var remittance = await practice.Client.GetFromJsonAsync<RemittanceResponse>($"/v1/remittances/{remittanceId}");
        Assert.Equal(("posted", 3, 544.00m), (remittance!.Status, remittance.ClaimPayments.Count, remittance.Payment.Amount.Amount));
        Assert.All(remittance.ClaimPayments, p => Assert.False(p.NeedsReview));
        var list = await practice.Client.GetFromJsonAsync<RemittancePageResponse>("/v1/remittances");
        Assert.Equal(["posted", "duplicatePayment", "posted"], list!.Items.Select(r => r.Status).Reverse());

        var report = await practice.Client.GetFromJsonAsync<CollectionsReport>(
            $"/v1/reports/collections?date={remittance.Payment.PaymentDate:yyyy-MM-dd}");
        var line = Assert.Single(report!.Payers);
        Assert.Equal((Payer, 2, 5), (line.PayerId, line.Remittances, line.ClaimPayments));
        Assert.Equal(544.00m + 17.00m, line.Received.Amount);
        Assert.Equal(544.00m + 17.00m, line.ClaimsPaid.Amount);
    }

    [Fact]
    public async Task Post835_UnbalancedOrUnknownClaim_KeptForReviewAndNothingWrongIsPosted()
    {
        var practice = await factory.CreatePracticeAsync("Review Queue Dental");
        using var insurer = await InsurerAsync();
        var pcn = NewPcn("UNB-");
        var claims = await AcceptedClaimsAsync(practice, insurer, (pcn, null));
        var good = await RemitAsync(false, pcn);

        // Paid amount changed without its adjustments: the claim and the payment no longer balance.
        var broken = NewInterchangeNumber(good.Replace("*272*", "*282*", StringComparison.Ordinal), "835888888");
        var unbalanced = await PushAsync(insurer, broken);
        Assert.Equal(0, unbalanced.ClaimsUpdated);
        Assert.Contains(unbalanced.Notes, n => n.Contains("Unbalanced", StringComparison.Ordinal));
        // Our 999 already says so (SNIP 3 balancing), pointing at the claim payment.
        Assert.DoesNotContain("IK5*A~", unbalanced.Acknowledgement, StringComparison.Ordinal);
        Assert.Contains("IK3*CLP*", unbalanced.Acknowledgement, StringComparison.Ordinal);
        var flagged = await practice.Client.GetFromJsonAsync<RemittanceResponse>($"/v1/remittances/{unbalanced.RemittanceIds[0]}");
        Assert.Equal("unbalanced", flagged!.Status);
        Assert.NotEmpty(flagged.Problems);
        Assert.Equal("accepted", (await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claims[0].Id}"))!.Status);
        var review = await practice.Client.GetFromJsonAsync<RemittancePageResponse>("/v1/remittances?review=true");
        Assert.Contains(review!.Items, r => r.Id == flagged.Id);

        // A payment for a claim the hub never sent goes to the review queue. Every test practice bills under the same NPI, so
        // with no claim to tell them apart the remittance belongs to none of them: only the hub-wide review sees it.
        await factory.CreatePracticeAsync("Sister Practice");
        var stranger = NewInterchangeNumber(good.Replace($"CLP*{pcn}*", "CLP*NOT-OURS-1*", StringComparison.Ordinal), "835777777");
        var unmatched = await PushAsync(insurer, stranger);
        Assert.Contains(unmatched.Notes, n => n.Contains("sent to review", StringComparison.Ordinal));
        Assert.Contains(unmatched.Notes, n => n.Contains("belongs to", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await practice.Client.GetAsync($"/v1/remittances/{unmatched.RemittanceIds[0]}")).StatusCode);
        var kept = await factory.InDatabaseAsync(db => db.Remittances.AsNoTracking().Include(r => r.ClaimPayments)
            .SingleAsync(r => r.Id == unmatched.RemittanceIds[0]));
        Assert.Equal((RemittanceStatus.Posted, (Guid?)null), (kept.Status, kept.PracticeId));
        Assert.Contains("waiting for review", Assert.Single(kept.ClaimPayments).Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Unsolicited277_PendingClaimExplainedAndUnknownClaimNoted()
    {
        var practice = await factory.CreatePracticeAsync("Unsolicited 277 Dental");
        using var insurer = await InsurerAsync();
        var claim = (await AcceptedClaimsAsync(practice, insurer, (NewPcn("U77-"), null)))[0];
        var sample = File.ReadAllText(Path.Combine(DentalClaimsHub.Testing.RepositoryPaths.Root, "samples", "x12", "277-claim-status-response.x12"));
        var pending = sample.Replace("STC*F1:65*", "STC*P1:20*", StringComparison.Ordinal)
            .Replace("REF*1K*DNCLM26030900123~", $"REF*1K*{claim.PayerClaimNumber}~", StringComparison.Ordinal);

        var applied = await PushAsync(insurer, NewInterchangeNumber(pending, RandomIsa13()));

        Assert.Equal(("277", 1), (applied.TransactionType, applied.ClaimsUpdated));
        var now = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim.Id}");
        Assert.Equal("pending", now!.Status);
        Assert.StartsWith("277 P1:20", now.Timeline[^1].Reason, StringComparison.Ordinal);
        var stranger = await PushAsync(insurer, NewInterchangeNumber(sample, RandomIsa13()));
        Assert.Equal(0, stranger.ClaimsUpdated);
        Assert.Contains(stranger.Notes, n => n.Contains("DNCLM26030900123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_BrokenEnvelope_AnsweredWithARejectingTa1AndKeptFlagged()
    {
        using var insurer = await InsurerAsync();
        var file = File.ReadAllText(Path.Combine(DentalClaimsHub.Testing.RepositoryPaths.Root, "samples", "x12", "835-remittance.x12"))
            .Replace("IEA*1*000000501~", "IEA*1*000000502~", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/inbound/{Payer}/x12")
        {
            Content = new StringContent(file, Encoding.UTF8, "application/edi-x12"),
        };
        request.Headers.Accept.ParseAdd("application/edi-x12");

        var response = await insurer.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/edi-x12", response.Content.Headers.ContentType?.MediaType);
        var ta1 = await response.Content.ReadAsStringAsync();
        Assert.Contains("TA1*000000501*", ta1, StringComparison.Ordinal);
        Assert.Contains("*R*001~", ta1, StringComparison.Ordinal);
        Assert.DoesNotContain("AK1*", ta1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FhirPayer_PushesEobBundleAndClaimResponse_ClaimPaidOnceUnknownPaymentReviewedErrorsNoted()
    {
        var practice = await factory.CreatePracticeAsync("FHIR Remittance Dental");
        var pcn = NewPcn("FHR-");
        var claim = await ClaimSubmissions.SubmitAsync(practice, pcn, "demo-fhir-dental");
        await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "accepted");
        using var insurer = await factory.CreateInsurerClientAsync("demo-fhir-dental");
        var bundle = File.ReadAllText(Path.Combine(DentalClaimsHub.Testing.RepositoryPaths.Root, "samples", "fhir", "remittances", "eob-bundle.json"))
            .Replace("PCN5001", pcn, StringComparison.Ordinal).Replace("EFT-20261120-0042", "EFT-" + pcn, StringComparison.Ordinal);

        async Task<InboundResult> PushFhirAsync(string json)
        {
            var response = await insurer.PostAsync("/inbound/demo-fhir-dental/fhir", new StringContent(json, Encoding.UTF8, "application/fhir+json"));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<InboundResult>())!;
        }

        var posted = await PushFhirAsync(bundle);
        Assert.Equal(("Bundle", 1), (posted.TransactionType, posted.ClaimsUpdated));
        Assert.Contains(posted.Notes, n => n.Contains("PCN5002", StringComparison.Ordinal) && n.Contains("review", StringComparison.Ordinal));
        var paid = await practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim.Id}");
        Assert.Equal("paid", paid!.Status);
        var payments = await practice.Client.GetFromJsonAsync<ClaimPaymentsResponse>($"/v1/claims/{claim.Id}/payments");
        Assert.Equal((214.40m, 29.60m), (payments!.Paid.Amount, payments.PatientResponsibility.Amount));
        Assert.True((await PushFhirAsync(bundle)).Duplicate);

        var error = """
            {"resourceType":"ClaimResponse","status":"active","type":{"coding":[{"code":"oral"}]},"use":"claim","patient":{"display":"x"},
             "created":"2026-11-20","insurer":{"display":"Demo"},"outcome":"error","disposition":"Duplicate of an adjudicated claim",
             "request":{"identifier":{"system":"urn:dentalclaimshub:patient-control-number","value":"THE-PCN"}}}
            """;
        var refused = await PushFhirAsync(error.Replace("THE-PCN", pcn, StringComparison.Ordinal));
        Assert.Equal(("ClaimResponse", 0), (refused.TransactionType, refused.ClaimsUpdated));
        Assert.Contains(refused.Notes, n => n.Contains("is Paid: recorded only", StringComparison.Ordinal));
        var notFhir = await PushFhirAsync("{\"hello\":\"world\"}");
        Assert.Equal("unknown", notFhir.TransactionType);
        Assert.NotEmpty(notFhir.Notes);
    }

    [Fact]
    public async Task FhirPayer_QueuesAPlanThenPushesItsDecision_PlanApprovedAndAnnounced()
    {
        factory.Simulator.UseForMemberPrefix("PLANQ-", DentalClaimsHub.PayerSimulator.Fhir.FhirClaimModule.PlansQueued);
        var practice = await factory.CreatePracticeAsync("FHIR Later Plans Dental");
        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest()))
            .Content.ReadFromJsonAsync<DentalClaimsHub.Api.Patients.PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages", TestData.NewCoverageRequest("demo-fhir-dental")))
            .Content.ReadFromJsonAsync<DentalClaimsHub.Api.Coverages.CoverageResponse>();
        var pcn = NewPcn("PLANQ-");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/preauthorizations")
        {
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, Total = 1450m, PatientControlNumber = pcn,
                Lines =
                [
                    new ClaimLineRequest { Code = "D2950", Tooth = "3", Fee = 250m },
                    new ClaimLineRequest { Code = "D2740", Tooth = "3", Fee = 1200m, Prosthesis = "initial" },
                ],
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var plan = (await (await practice.Client.SendAsync(request)).Content.ReadFromJsonAsync<DentalClaimsHub.Api.PreAuthorizations.PreAuthorizationResponse>())!;
        await ClaimSubmissions.WaitForAsync(practice.Client, plan.RequestClaimId!.Value, "accepted");
        Assert.Equal("submitted", (await practice.Client.GetFromJsonAsync<DentalClaimsHub.Api.PreAuthorizations.PreAuthorizationResponse>(
            $"/v1/preauthorizations/{plan.Id}"))!.Status);

        using var insurer = await factory.CreateInsurerClientAsync("demo-fhir-dental");
        var decision = """
            {"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"ClaimResponse","status":"active",
              "type":{"coding":[{"code":"oral"}]},"use":"predetermination","patient":{"display":"x"},"created":"2026-11-23",
              "insurer":{"display":"Demo"},"outcome":"complete","preAuthRef":"PD-LATER-1","disposition":"Plan reviewed",
              "request":{"identifier":{"system":"urn:dentalclaimshub:patient-control-number","value":"THE-PCN"}},
              "item":[
                {"itemSequence":1,"adjudication":[{"category":{"coding":[{"code":"benefit"}]},"amount":{"value":200.00,"currency":"USD"}}]},
                {"itemSequence":2,"adjudication":[{"category":{"coding":[{"code":"benefit"}]},"amount":{"value":0,"currency":"USD"}},
                  {"category":{"coding":[{"code":"benefit"}]},"reason":{"text":"Replacement within 5 years"}}]}]}}]}
            """.Replace("THE-PCN", pcn, StringComparison.Ordinal);
        var pushed = await insurer.PostAsync("/inbound/demo-fhir-dental/fhir", new StringContent(decision, Encoding.UTF8, "application/fhir+json"));
        Assert.True(pushed.IsSuccessStatusCode, await pushed.Content.ReadAsStringAsync());
        Assert.Equal(1, (await pushed.Content.ReadFromJsonAsync<InboundResult>())!.ClaimsUpdated);

        var decided = await practice.Client.GetFromJsonAsync<DentalClaimsHub.Api.PreAuthorizations.PreAuthorizationResponse>($"/v1/preauthorizations/{plan.Id}");
        Assert.Equal(("partiallyApproved", "PD-LATER-1"), (decided!.Status, decided.ReferenceNumber));
        Assert.Equal(200m, decided.TotalApproved.Amount);
        var events = await factory.InDatabaseAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.OrderingKey == DentalClaimsHub.Storage.HubDbContext.ClaimOrderingKey(plan.RequestClaimId!.Value)).Select(m => m.Body).ToListAsync());
        Assert.Contains(events, e => e.Contains("\"preauth.decided\"", StringComparison.Ordinal) && e.Contains("PD-LATER-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Remittances_BadQuery_ProblemDetailsNameTheField()
    {
        var practice = await factory.CreatePracticeAsync("Query Dental");
        var response = await practice.Client.GetAsync("/v1/remittances?status=lost&limit=0&cursor=nope");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]!["$.status"]);
        Assert.NotNull(problem["errors"]!["$.limit"]);
        Assert.NotNull(problem["errors"]!["$.cursor"]);
    }

    private static string RandomIsa13() => Random.Shared.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Another ISA13/IEA02 for the same content: a payer re-sending a file under a new interchange number.
    private static string NewInterchangeNumber(string x12, string isa13)
    {
        var lines = x12.Split('\n');
        var old = lines[0].Split('*')[13];
        return string.Join('\n', lines.Select(l => l.StartsWith("ISA*", StringComparison.Ordinal) || l.StartsWith("IEA*", StringComparison.Ordinal)
            ? l.Replace(old, isa13, StringComparison.Ordinal) : l));
    }
}
