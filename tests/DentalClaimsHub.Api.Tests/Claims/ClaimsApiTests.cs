using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Providers;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Outbox;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Api.Tests.Claims;

/// <summary>POST/GET /v1/claims, replace and void against the real host and PostgreSQL.</summary>
public sealed class ClaimsApiTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    private static readonly DateOnly Visit = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);

    public sealed record Subject(TestPractice Practice, Guid PatientId, Guid CoverageId);

    private async Task<Subject> SubjectAsync(string name = "Claims Dental")
    {
        var practice = await factory.CreatePracticeAsync(name);
        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest()))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages", TestData.NewCoverageRequest()))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        return new Subject(practice, patient.Id, coverage!.Id);
    }

    private static ClaimRequest Claim(Subject s, string? controlNumber = null) => new()
    {
        PatientId = s.PatientId,
        CoverageId = s.CoverageId,
        PatientControlNumber = controlNumber,
        Total = 425m,
        Diagnoses = ["K02.52"],
        RenderingProvider = new ProviderRequest { Npi = "1234567893", LastName = "Okafor", FirstName = "Grace" },
        Lines =
        [
            new ClaimLineRequest { Code = "D2392", Tooth = "30", Surfaces = "MO", Fee = 185m, ServiceDate = Visit, DiagnosisPointers = [1] },
            new ClaimLineRequest { Code = "D4341", Area = "30", Fee = 240m, ServiceDate = Visit },
        ],
    };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string? key = "auto")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key == "auto" ? Guid.NewGuid().ToString() : key);
        }

        return client.SendAsync(request);
    }

    private static async Task<ClaimResponse> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClaimResponse>())!;
    }

    private Task<T> InDatabaseAsync<T>(Func<HubDbContext, Task<T>> read) => factory.InDatabaseAsync(read);

    [Fact]
    public async Task Submit_ValidClaim_201QueuedWithTimelineAndOneOutboxEventPerStep()
    {
        var s = await SubjectAsync();

        var response = await PostAsync(s.Practice.Client, "/v1/claims", Claim(s));

        var claim = await CreatedAsync(response);
        Assert.Equal($"/v1/claims/{claim.Id}", response.Headers.Location!.ToString());
        Assert.Equal("queued", claim.Status);
        Assert.Equal(425m, claim.Total.Amount);
        Assert.Equal(["draft", "validated", "queued"], claim.Timeline.Select(t => t.To));
        Assert.Equal("Okafor", claim.RenderingProvider!.LastName);
        var read = await s.Practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim.Id}");
        Assert.Equal(claim.PatientControlNumber, read!.PatientControlNumber);
        Assert.Equal(["D2392", "D4341"], read.Lines.Select(l => l.Code));
        Assert.Equal(("30", "MO"), (read.Lines[0].Tooth, read.Lines[0].Surfaces));
        Assert.Equal("30", read.Lines[1].Area);
        Assert.Equal(3, read.Timeline.Count);

        var events = await InDatabaseAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.OrderingKey == HubDbContext.ClaimOrderingKey(claim.Id)).OrderBy(m => m.Sequence).ToListAsync());
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(OutboxExtensions.TypeName(typeof(ClaimStateChanged)), e.MessageType));
        Assert.Contains("\"claim.queued\"", events[2].Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.PatientLast, string.Concat(events.Select(e => e.Body)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithPatientPaid_StoredAndReadBack()
    {
        var s = await SubjectAsync();

        var claim = await CreatedAsync(await PostAsync(s.Practice.Client, "/v1/claims", Claim(s) with { PatientPaid = 50.25m }));

        var read = await s.Practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim.Id}");
        Assert.Equal((50.25m, "USD"), (read!.PatientPaid!.Amount, read.PatientPaid.Currency));
        var stored = await InDatabaseAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == claim.Id));
        Assert.Equal(Money.Usd(50.25m), stored.PatientPaid);
    }

    [Fact]
    public async Task Submit_WithoutIdempotencyKey_IsRefusedAndStoresNothing()
    {
        var s = await SubjectAsync();

        var response = await PostAsync(s.Practice.Client, "/v1/claims", Claim(s), key: null);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await InDatabaseAsync(db => db.Claims.CountAsync(c => c.PatientId == s.PatientId)));
    }

    [Fact]
    public async Task Submit_SameKeyAndBody_ReturnsTheOriginalAndStoresOneClaim()
    {
        var s = await SubjectAsync();
        var key = Guid.NewGuid().ToString();

        var first = await CreatedAsync(await PostAsync(s.Practice.Client, "/v1/claims", Claim(s), key));
        var repeat = await PostAsync(s.Practice.Client, "/v1/claims", Claim(s), key);

        var again = await CreatedAsync(repeat);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.PatientControlNumber, again.PatientControlNumber);
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal($"/v1/claims/{first.Id}", repeat.Headers.Location!.ToString());
        Assert.Equal(1, await InDatabaseAsync(db => db.Claims.CountAsync(c => c.PatientId == s.PatientId)));
    }

    [Fact]
    public async Task Submit_ConcurrentRepeatsOfOneKey_CreateOneClaim()
    {
        var s = await SubjectAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(s.Practice.Client, "/v1/claims", Claim(s), key)));

        var claims = await Task.WhenAll(responses.Select(CreatedAsync));
        Assert.Single(claims.Select(c => c.Id).Distinct());
        Assert.Equal(1, await InDatabaseAsync(db => db.Claims.CountAsync(c => c.PatientId == s.PatientId)));
    }

    [Fact]
    public async Task Submit_SameKeyOtherBody_Is409AndTheFirstClaimStands()
    {
        var s = await SubjectAsync();
        var key = Guid.NewGuid().ToString();
        var first = await CreatedAsync(await PostAsync(s.Practice.Client, "/v1/claims", Claim(s), key));

        var other = await PostAsync(s.Practice.Client, "/v1/claims", Claim(s) with { Note = "different" }, key);

        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.Conflict);
        var stored = await s.Practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{first.Id}");
        Assert.Null(stored!.Note);
    }

    [Fact]
    public async Task Submit_InvalidThenFixedWithTheSameKey_TheFixIsAccepted()
    {
        var s = await SubjectAsync();
        var key = Guid.NewGuid().ToString();

        var invalid = await PostAsync(s.Practice.Client, "/v1/claims", Claim(s) with { Total = 1m }, key);
        var fixedClaim = await PostAsync(s.Practice.Client, "/v1/claims", Claim(s), key);

        await ProblemAssert.HasFieldErrorsAsync(invalid, "$.total");
        await CreatedAsync(fixedClaim);
    }

    public static TheoryData<string, string> Rules => new()
    {
        { "npi-luhn", "$.renderingProvider.npi" },
        { "cdt-format", "$.lines[0].code" },
        { "tooth-required", "$.lines[0].tooth" },
        { "tooth-forbidden-for-area-code", "$.lines[1].tooth" },
        { "surface-not-on-this-tooth", "$.lines[0].surfaces" },
        { "too-many-lines", "$.lines" },
        { "too-many-diagnoses", "$.diagnoses" },
        { "total-not-sum", "$.total" },
        { "future-date", "$.lines[0].serviceDate" },
        { "patient-paid-negative", "$.patientPaid" },
        { "patient-paid-over-total", "$.patientPaid" },
        { "unknown-coverage", "$.coverageId" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Submit_RuleBroken_ProblemNamesTheField(string rule, string path)
    {
        var s = await SubjectAsync();
        var valid = Claim(s);
        var lines = valid.Lines!;
        var request = rule switch
        {
            "npi-luhn" => valid with { RenderingProvider = valid.RenderingProvider! with { Npi = "1234567890" } },
            "cdt-format" => valid with { Lines = [lines[0] with { Code = "2392" }, lines[1]] },
            "tooth-required" => valid with { Lines = [lines[0] with { Tooth = null, Surfaces = null }, lines[1]] },
            "tooth-forbidden-for-area-code" => valid with { Lines = [lines[0], lines[1] with { Tooth = "30" }] },
            "surface-not-on-this-tooth" => valid with { Lines = [lines[0] with { Surfaces = "MI" }, lines[1]] },
            "too-many-lines" => valid with
            {
                Lines = [.. Enumerable.Range(0, 51).Select(_ => lines[1])], Total = 51 * 240m,
            },
            "too-many-diagnoses" => valid with { Diagnoses = ["K02.52", "K02.53", "K02.61", "K02.62", "K05.311"] },
            "total-not-sum" => valid with { Total = 400m },
            "patient-paid-negative" => valid with { PatientPaid = -1m },
            "patient-paid-over-total" => valid with { PatientPaid = 425.01m },
            "future-date" => valid with { Lines = [lines[0] with { ServiceDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5) }, lines[1]] },
            _ => valid with { CoverageId = Guid.NewGuid() },
        };

        var response = await PostAsync(s.Practice.Client, "/v1/claims", request);

        await ProblemAssert.HasFieldErrorsAsync(response, path);
        Assert.Equal(0, await InDatabaseAsync(db => db.Claims.CountAsync(c => c.PatientId == s.PatientId)));
    }

    [Fact]
    public async Task Submit_PatientControlNumberAlreadyUsed_Is409()
    {
        var s = await SubjectAsync();
        var number = "PMS-" + Guid.NewGuid().ToString("N")[..10];
        await CreatedAsync(await PostAsync(s.Practice.Client, "/v1/claims", Claim(s, number)));

        var duplicate = await PostAsync(s.Practice.Client, "/v1/claims", Claim(s, number));

        var problem = await ProblemAssert.IsProblemAsync(duplicate, HttpStatusCode.Conflict);
        Assert.Contains("patientControlNumber", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FiltersAndPagesWithACursor()
    {
        var s = await SubjectAsync("Listing Dental");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await CreatedAsync(await PostAsync(s.Practice.Client, "/v1/claims", Claim(s)))).Id);
        }

        var pages = new List<ClaimPageResponse>();
        string? cursor = null;
        do
        {
            var page = await s.Practice.Client.GetFromJsonAsync<ClaimPageResponse>(
                $"/v1/claims?status=queued&payer=demo-x12-dental&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            pages.Add(page!);
            cursor = page!.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(ids.AsEnumerable().Reverse(), pages.SelectMany(p => p.Items).Select(c => c.Id));
        Assert.All(pages.SelectMany(p => p.Items), c => Assert.Equal((2, 425m), (c.LineCount, c.Total.Amount)));
        var paid = await s.Practice.Client.GetFromJsonAsync<ClaimPageResponse>("/v1/claims?status=paid");
        Assert.Empty(paid!.Items);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var future = await s.Practice.Client.GetFromJsonAsync<ClaimPageResponse>($"/v1/claims?from={today.AddDays(2):yyyy-MM-dd}");
        Assert.Empty(future!.Items);
        var around = await s.Practice.Client.GetFromJsonAsync<ClaimPageResponse>(
            $"/v1/claims?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}&limit=200");
        Assert.Equal(5, around!.Items.Count);
    }

    [Theory]
    [InlineData("status=sent", "$.status")]
    [InlineData("limit=0", "$.limit")]
    [InlineData("cursor=not-a-cursor", "$.cursor")]
    [InlineData("from=2026-05-02&to=2026-05-01", "$.to")]
    public async Task List_BadQuery_ProblemNamesTheParameter(string query, string path)
    {
        var s = await SubjectAsync();

        await ProblemAssert.HasFieldErrorsAsync(await s.Practice.Client.GetAsync($"/v1/claims?{query}"), path);
    }

    [Fact]
    public async Task Void_BeforeThePayerNumberedTheClaim_Is409()
    {
        var s = await SubjectAsync();
        var claim = await CreatedAsync(await PostAsync(s.Practice.Client, "/v1/claims", Claim(s)));

        var response = await PostAsync(s.Practice.Client, $"/v1/claims/{claim.Id}/void", new ClaimCorrectionRequest { Reason = "billed twice" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Void_AcceptedClaim_QueuesAFrequency8ClaimReferencingThePayerNumber()
    {
        var s = await SubjectAsync();
        var claim = await AcceptedAsync(s, "PAYER-0001");

        var response = await PostAsync(s.Practice.Client, $"/v1/claims/{claim.Id}/void", new ClaimCorrectionRequest { Reason = "billed twice" });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<ClaimCorrectionResponse>())!;
        Assert.Equal("voided", result.Original.Status);
        Assert.Equal("billed twice", result.Original.Timeline[^1].Reason);
        Assert.Equal(("void", "queued", "PAYER-0001", claim.Id), (result.Correction.Frequency, result.Correction.Status,
            result.Correction.OriginalPayerClaimNumber, result.Correction.OriginalClaimId));
        Assert.Equal(claim.Lines.Select(l => l.Code), result.Correction.Lines.Select(l => l.Code));
        var again = await PostAsync(s.Practice.Client, $"/v1/claims/{claim.Id}/void", new ClaimCorrectionRequest { Reason = "billed twice" });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Replace_AcceptedClaim_QueuesTheCorrectedContentAsFrequency7()
    {
        var s = await SubjectAsync();
        var claim = await AcceptedAsync(s, "PAYER-0002");
        var corrected = Claim(s) with
        {
            Total = 185m, Lines = [Claim(s).Lines![0] with { Surfaces = "MOD", Code = "D2393" }],
        };

        var response = await PostAsync(s.Practice.Client, $"/v1/claims/{claim.Id}/replace",
            new ClaimCorrectionRequest { Reason = "wrong surfaces", Claim = corrected });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<ClaimCorrectionResponse>())!;
        Assert.Equal("corrected", result.Original.Status);
        Assert.Equal(("replacement", "queued", "PAYER-0002"), (result.Correction.Frequency, result.Correction.Status,
            result.Correction.OriginalPayerClaimNumber));
        Assert.Equal(("D2393", "MOD"), (result.Correction.Lines.Single().Code, result.Correction.Lines.Single().Surfaces));
        Assert.NotEqual(claim.PatientControlNumber, result.Correction.PatientControlNumber);
    }

    [Fact]
    public async Task Replace_InvalidCorrection_ProblemNamesTheFieldInsideClaimAndNothingChanges()
    {
        var s = await SubjectAsync();
        var claim = await AcceptedAsync(s, "PAYER-0003");

        var response = await PostAsync(s.Practice.Client, $"/v1/claims/{claim.Id}/replace",
            new ClaimCorrectionRequest { Reason = "fix", Claim = Claim(s) with { Total = 1m } });

        await ProblemAssert.HasFieldErrorsAsync(response, "$.claim.total");
        var stored = await s.Practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{claim.Id}");
        Assert.Equal("accepted", stored!.Status);
    }

    // Moves a submitted claim through the payer's side as the acknowledgement handlers will (issue 6).
    private async Task<ClaimResponse> AcceptedAsync(Subject s, string payerClaimNumber)
    {
        var created = await CreatedAsync(await PostAsync(s.Practice.Client, "/v1/claims", Claim(s)));
        await InDatabaseAsync(async db =>
        {
            var claim = await db.Claims.SingleAsync(c => c.Id == created.Id);
            var now = DateTimeOffset.UtcNow;
            if (claim.State == ClaimState.Queued)
            {
                claim.MarkSubmitted("test", now);
            }

            claim.Accept("test", now, payerClaimNumber);
            return await db.SaveChangesAsync();
        });
        return (await s.Practice.Client.GetFromJsonAsync<ClaimResponse>($"/v1/claims/{created.Id}"))!;
    }
}
