using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Dms.GuaranteeLetters;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.PreAuthorizations;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Protection;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace DentalClaimsHub.Api.Tests.Dms.GuaranteeLetters;

/// <summary>A treatment plan sent to the ДМС demo insurer as a guarantee-letter request, answered with the insurer's XLSX.</summary>
public sealed class GuaranteeLettersApiTests(ClaimDeliveryFactory factory) : IClassFixture<ClaimDeliveryFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Import_InsurerApproves_ThePlanCarriesTheLetterAndAReimportChangesNothing()
    {
        var (practice, plan, pcn) = await SubmitPlanAsync();
        var answer = Answer(
            [pcn, "ГП-2026/7701", Today.ToString("dd.MM.yyyy"), Today.AddDays(-1).ToString("dd.MM.yyyy"), Today.AddDays(10).ToString("dd.MM.yyyy"),
                "6 000,00", "Гарантия оплаты", "B01.065.001", "1200,00", null],
            [null, null, null, null, null, null, "гарантия оплаты", "A16.07.002", "4000,00", null],
            ["NO-SUCH-PCN-1", "ГП-2026/7702", Today.ToString("dd.MM.yyyy"), null, null, null, "согласовано", null, null, null]);
        var insurer = await factory.CreateInsurerClientAsync("demo-dms-insurer");

        var result = await ImportAsync(insurer, "/inbound/demo-dms-insurer/guarantee-letters", answer);

        Assert.Equal(1, result.Counts.Approved);
        Assert.Equal(1, result.Counts.Problems);
        var unknown = Assert.Single(result.Report, r => r.Outcome == "problem");
        Assert.Equal(("NO-SUCH-PCN-1", 7), (unknown.Request, unknown.Row));
        Assert.Contains("no treatment plan", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(plan.Id, Assert.Single(result.Report, r => r.Outcome == "approved").PreAuthorizationId);

        var decided = (await practice.Client.GetFromJsonAsync<PreAuthorizationResponse>($"/v1/preauthorizations/{plan.Id}"))!;
        Assert.Equal("approved", decided.Status);
        Assert.Equal("ГП-2026/7701", decided.ReferenceNumber);
        Assert.Equal((Today.AddDays(-1), Today.AddDays(10)), (decided.ValidFrom, decided.ValidTo));
        Assert.Equal((6000.00m, "RUB"), (decided.Limit!.Amount!.Value, decided.Limit.Currency));
        Assert.Equal([1200.00m, 4000.00m], decided.Lines.Select(l => l.ApprovedAmount!.Amount!.Value));
        Assert.Equal(5200.00m, decided.TotalApproved.Amount);

        var again = await ImportAsync(practice.Client, "/v1/guarantee-letters/import", answer, "demo-dms-insurer");

        Assert.Equal((0, 1, 1), (again.Counts.Approved, again.Counts.Unchanged, again.Counts.Problems));
        var unchanged = (await practice.Client.GetFromJsonAsync<PreAuthorizationResponse>($"/v1/preauthorizations/{plan.Id}"))!;
        Assert.Equal(decided.DecidedAt, unchanged.DecidedAt);

        var stored = await factory.InDatabaseAsync(db => db.Messages.Where(m => m.LinkedIds.Contains(plan.Id)).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.All(stored, m => Assert.Equal(("dms", "gp-answer", "demo-dms-insurer", answer.Length, ContentProtection.DataProtection),
            (m.Protocol, m.TransactionType, m.PayerId, m.Size, m.ContentProtection)));
        Assert.All(stored, m => Assert.Equal(MessageParseStatus.PartiallyParsed, m.ParseStatus));

        var expiring = await practice.Client.GetFromJsonAsync<List<ExpiringGuaranteeLetter>>("/v1/guarantee-letters/expiring?days=14");
        Assert.Equal("ГП-2026/7701", Assert.Single(expiring!, e => e.PreAuthorizationId == plan.Id).ReferenceNumber);
        var later = await practice.Client.GetFromJsonAsync<List<ExpiringGuaranteeLetter>>("/v1/guarantee-letters/expiring?days=5");
        Assert.DoesNotContain(later!, e => e.PreAuthorizationId == plan.Id);
    }

    [Fact]
    public async Task Import_PartlyApproved_ListedServicesApprovedTheRestDenied()
    {
        var (practice, plan, pcn) = await SubmitPlanAsync();
        var answer = Answer(
            [pcn, "ГП-2026/7710", Today.ToString("dd.MM.yyyy"), null, Today.AddDays(30).ToString("dd.MM.yyyy"), null, "частично согласовано",
                "B01.065.001", null, null]);

        var result = await ImportAsync(practice.Client, "/v1/guarantee-letters/import", answer, "demo-dms-insurer");

        Assert.Equal(1, result.Counts.PartlyApproved);
        var decided = (await practice.Client.GetFromJsonAsync<PreAuthorizationResponse>($"/v1/preauthorizations/{plan.Id}"))!;
        Assert.Equal("partiallyApproved", decided.Status);
        Assert.Equal(["approved", "denied"], decided.Lines.Select(l => l.Decision));
    }

    [Fact]
    public async Task Submit_PlanLineWithA804nCodeOutsideTheReference_IsAProblemNamingTheLineAndCode_AndNothingIsSent()
    {
        var practice = await factory.CreatePracticeAsync("Клиника Код");
        await factory.UpdatePracticeAsync(practice.Id, p => p.SetIdentifiers(p.Npi, p.TaxId, Inn.Parse("7707083893"), null));
        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest("Кодов", "Иван")))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages", TestData.NewDmsCoverageRequest()))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        var pcn = "GU-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/preauthorizations")
        {
            // Line 2 is a well-formed 804н code (typed with a Cyrillic А) that the dental reference does not hold.
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, PatientControlNumber = pcn, Total = 5700m, Diagnoses = ["K02.1"],
                Lines =
                [
                    new ClaimLineRequest { Code = "B01.065.001", Fee = 1200m },
                    new ClaimLineRequest { Code = "А16.07.999", Tooth = "36", Fee = 4500m, DiagnosisPointers = [1] },
                ],
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await practice.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>())!;
        var error = Assert.Single(Assert.Single(problem.Errors, e => e.Key == "$.lines[1].code").Value);
        Assert.StartsWith("Line 2: A16.07.999 is not in the hub's dental 804н reference", error, StringComparison.Ordinal);
        Assert.Single(problem.Errors);
        Assert.DoesNotContain(factory.Simulator.Dms.Files, f => f.FileName.Contains(pcn, StringComparison.Ordinal));
        Assert.False(await factory.InDatabaseAsync(db => db.Claims.AnyAsync(c => c.PatientControlNumber == pcn)));
    }

    [Fact]
    public async Task Import_AnotherInsurersEndpoint_IsForbiddenAndAnUnreadableFileIs422()
    {
        var insurer = await factory.CreateInsurerClientAsync("demo-dms-insurer");

        var foreign = await insurer.PostAsync("/inbound/dms-volga/guarantee-letters", Form(Answer(), null));
        var unreadable = await insurer.PostAsync("/inbound/demo-dms-insurer/guarantee-letters", Form("no table here"u8.ToArray(), null, "answer.xlsx"));

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unreadable.StatusCode);
    }

    private async Task<(TestPractice Practice, PreAuthorizationResponse Plan, string Pcn)> SubmitPlanAsync()
    {
        var practice = await factory.CreatePracticeAsync("Клиника Гарантия");
        await factory.UpdatePracticeAsync(practice.Id, p => p.SetIdentifiers(p.Npi, p.TaxId, Inn.Parse("7707083893"), null));
        var patient = await (await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest("Сидоров", "Павел")))
            .Content.ReadFromJsonAsync<PatientResponse>();
        var coverage = await (await practice.Client.PostAsJsonAsync($"/v1/patients/{patient!.Id}/coverages", TestData.NewDmsCoverageRequest()))
            .Content.ReadFromJsonAsync<CoverageResponse>();
        var pcn = "GL-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/preauthorizations")
        {
            Content = JsonContent.Create(new ClaimRequest
            {
                PatientId = patient.Id, CoverageId = coverage!.Id, PatientControlNumber = pcn, Total = 5700m, Diagnoses = ["K02.1"],
                Lines =
                [
                    new ClaimLineRequest { Code = "B01.065.001", Fee = 1200m },
                    new ClaimLineRequest { Code = "A16.07.002", Tooth = "36", Surfaces = "MO", Fee = 4500m, DiagnosisPointers = [1] },
                ],
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await practice.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var plan = (await response.Content.ReadFromJsonAsync<PreAuthorizationResponse>())!;
        await ClaimSubmissions.WaitForAsync(practice.Client, plan.RequestClaimId!.Value, "submitted");
        return (practice, plan, pcn);
    }

    private static async Task<GuaranteeLetterImportResult> ImportAsync(HttpClient client, string path, byte[] answer, string? insurer = null)
    {
        var response = await client.PostAsync(path, Form(answer, insurer));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<GuaranteeLetterImportResult>())!;
    }

    private static MultipartFormDataContent Form(byte[] answer, string? insurer, string fileName = "otvet-gp.xlsx")
    {
        var file = new ByteArrayContent(answer);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (insurer is not null)
        {
            form.Add(new StringContent(insurer), "insurer");
        }

        return form;
    }

    // The demo insurer's answer layout (mappings/dms/demo-med.yaml guaranteeLetters): a letterhead, then the table.
    private static byte[] Answer(params object?[][] rows)
    {
        string[] columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];
        Dictionary<string, object?> Row(params object?[] cells) =>
            columns.Select((column, i) => (column, value: i < cells.Length ? cells[i] : null)).ToDictionary(c => c.column, c => c.value);
        var sheet = new List<Dictionary<string, object?>>
        {
            Row("СК «Демо-Мед»"),
            Row("Ответы на запросы гарантийных писем"),
            Row(),
            Row("№ запроса", "№ ГП", "Дата ГП", "Действует с", "Действует по", "Лимит, руб.", "Решение", "Код услуги", "Согласовано, руб.", "Комментарий"),
        };
        sheet.AddRange(rows.Select(Row));
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, printHeader: false, sheetName: "Ответ");
        return buffer.ToArray();
    }
}
