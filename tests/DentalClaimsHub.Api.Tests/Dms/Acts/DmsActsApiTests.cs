using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Dms.Acts;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage.Protection;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace DentalClaimsHub.Api.Tests.Dms.Acts;

/// <summary>
/// Reconciliation acts end to end on the demo ДМС insurer (<c>demo-dms-insurer</c> → <c>mappings/dms/demo-med.yaml</c> acts): billed
/// claims, an act with an accepted, a partly refused, a refused and an unknown line, the claims' adjudication, the work queue.
/// </summary>
public sealed class DmsActsApiTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    private const string Insurer = "demo-dms-insurer";
    private static readonly DateTimeOffset Now = new(2026, 11, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 5);
    private static readonly DateOnly Visit = new(2026, 10, 14);

    [Fact]
    public async Task Import_ActWithAcceptedReducedRefusedAndUnknownLines_AdjudicatesClaimsOpensWorkItemsAndReimportsUnchanged()
    {
        var practice = await ClinicAsync("Клиника Акт");
        var insured = await InsuredAsync(practice.Id);
        var reduced = await ClaimAsync(practice.Id, insured, Line("B01.065.001", 1500m), Line("A16.07.002", 4500m, "36"));
        var refused = await ClaimAsync(practice.Id, insured, Line("A06.07.003", 1200m, "46"));
        var paid = await ClaimAsync(practice.Id, insured, Line("A16.07.009", 2100m, "85"));
        var act = Act("АС-" + Guid.NewGuid().ToString("N")[..8],
            Row(reduced.PatientControlNumber, "B01.065.001", null, "1 500,00", "1 500,00", "0,00", null, null),
            Row(reduced.PatientControlNumber, "А16.07.002", "36", "4 500,00", "4 000,00", "500,00", "07", "Цена не по договору"),
            Row(refused.PatientControlNumber, "A06.07.003", "46", "1 200,00", "0,00", "1 200,00", "01", "Нет ГП"),
            Row(paid.PatientControlNumber, "A16.07.009", "85", "2 100,00", "2 100,00", null, null, null),
            Row("NO-SUCH-CLAIM", "A16.07.002", "11", "3 000,00", "3 000,00", null, null, null));

        var result = await ImportAsync(practice.Client, "/v1/dms/acts/import", act, Insurer);

        Assert.False(result.Unchanged);
        Assert.Equal(new DmsActCounts(5, 2, 1, 1, 1, 3, 0), result.Counts);
        Assert.Equal((12_300m, 10_600m, 1_700m), (result.Billed, result.Accepted, result.Refused));
        var states = await factory.InDatabaseAsync(db => db.Claims.IgnoreQueryFilters()
            .Where(c => c.Id == reduced.Id || c.Id == refused.Id || c.Id == paid.Id).ToDictionaryAsync(c => c.Id, c => c.State));
        Assert.Equal((ClaimState.PartiallyPaid, ClaimState.Denied, ClaimState.Paid), (states[reduced.Id], states[refused.Id], states[paid.Id]));

        var payments = await factory.InDatabaseAsync(db => db.ClaimPayments.IgnoreQueryFilters().Where(p => p.ClaimId == reduced.Id).ToListAsync());
        var payment = Assert.Single(payments);
        Assert.Equal((6000m, 5500m, "RUB"), (payment.Charge.Amount, payment.Paid.Amount, payment.Paid.Currency));
        var adjustment = Assert.Single(payment.AllAdjustments);
        Assert.Equal((AdjustmentGroup.ContractualObligation, "45", 500m), (adjustment.Group, adjustment.ReasonCode, adjustment.Amount.Amount));
        Assert.Equal([1, 2], payment.ServiceLines.Select(l => l.ClaimLineNumber));
        var message = await factory.InDatabaseAsync(db => db.Messages.IgnoreQueryFilters().SingleAsync(m => m.LinkedIds.Contains(reduced.Id)));
        Assert.Equal(("dms", "act", practice.Id, act.Length, ContentProtection.DataProtection),
            (message.Protocol, message.TransactionType, message.PracticeId, message.Size, message.ContentProtection));
        Assert.Contains(result.RemittanceId!.Value, message.LinkedIds);

        var partly = result.Lines.Single(l => l.Line == 8);
        Assert.Equal(("matched", reduced.Id, 2, "priceMismatch", "CO-45", "Цена не по договору", "open"),
            (partly.Match, partly.ClaimId, partly.ClaimLineNumber, partly.Category, partly.Adjustment, partly.ReasonText, partly.WorkStatus));
        var denied = result.Lines.Single(l => l.Line == 9);
        Assert.Equal(("noGuaranteeLetter", "CO-197", "open"), (denied.Category, denied.Adjustment, denied.WorkStatus));
        Assert.Equal("none", result.Lines.Single(l => l.Line == 10).WorkStatus);
        var unknown = result.Lines.Single(l => l.Line == 11);
        Assert.Equal(("unmatched", null, "open"), (unknown.Match, unknown.ClaimId, unknown.WorkStatus));
        Assert.Contains("no claim NO-SUCH-CLAIM", unknown.MatchProblem, StringComparison.Ordinal);

        // The same file again, from the insurer this time: the stored act, nothing applied twice.
        var insurer = await factory.CreateInsurerClientAsync(Insurer);
        var again = await ImportAsync(insurer, $"/inbound/{Insurer}/acts", act);
        Assert.True(again.Unchanged);
        Assert.Equal(result.Id, again.Id);
        Assert.Single(await factory.InDatabaseAsync(db => db.ClaimPayments.IgnoreQueryFilters().Where(p => p.ClaimId == reduced.Id).ToListAsync()));

        var disputed = await practice.Client.PostAsJsonAsync($"/v1/dms/acts/{result.Id}/lines/8/dispute", new { note = "Цена по приложению 2 к договору" });
        Assert.Equal(HttpStatusCode.OK, disputed.StatusCode);
        var line = (await disputed.Content.ReadFromJsonAsync<DmsActLineView>())!;
        Assert.Equal(("disputed", "Цена по приложению 2 к договору"), (line.WorkStatus, line.WorkNote));
        Assert.NotNull(line.WorkedAt);
        Assert.StartsWith("key:", line.WorkedBy, StringComparison.Ordinal);
        var twice = await practice.Client.PostAsJsonAsync($"/v1/dms/acts/{result.Id}/lines/8/dispute", new { note = "again" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var accepted = await practice.Client.PostAsJsonAsync($"/v1/dms/acts/{result.Id}/lines/9/accept", new { note = "ГП не запрашивали" });
        Assert.Equal("accepted", (await accepted.Content.ReadFromJsonAsync<DmsActLineView>())!.WorkStatus);
        var noNote = await practice.Client.PostAsJsonAsync($"/v1/dms/acts/{result.Id}/lines/11/accept", new { note = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);

        var queue = (await practice.Client.GetFromJsonAsync<List<DmsActWorkItem>>("/v1/dms/acts/work-items"))!;
        Assert.Equal([11], queue.Where(i => i.ActId == result.Id).Select(i => i.Line.Line));
        var contested = (await practice.Client.GetFromJsonAsync<List<DmsActWorkItem>>($"/v1/dms/acts/work-items?status=disputed&insurer={Insurer}"))!;
        Assert.Equal((result.Id, 8), (Assert.Single(contested).ActId, contested[0].Line.Line));
        Assert.Equal(HttpStatusCode.BadRequest, (await practice.Client.GetAsync("/v1/dms/acts/work-items?status=none")).StatusCode);

        var stored = (await practice.Client.GetFromJsonAsync<DmsActView>($"/v1/dms/acts/{result.Id}"))!;
        Assert.Equal(["none", "disputed", "accepted", "none", "open"], stored.Lines.OrderBy(l => l.Line).Select(l => l.WorkStatus));
    }

    [Fact]
    public async Task Import_ActNamingAnotherClinicsClaims_IsRefusedAndAppliesNothing()
    {
        var owner = await ClinicAsync("Клиника Владелец");
        var claim = await ClaimAsync(owner.Id, await InsuredAsync(owner.Id), Line("A06.07.003", 1200m, "46"));
        var intruder = await ClinicAsync("Клиника Чужая");
        var act = Act("АС-" + Guid.NewGuid().ToString("N")[..8],
            Row(claim.PatientControlNumber, "A06.07.003", "46", "1 200,00", "0,00", "1 200,00", "01", "Нет ГП"));

        var response = await intruder.Client.PostAsync("/v1/dms/acts/import", Form(act, Insurer));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ClaimState.Submitted, await factory.InDatabaseAsync(db => db.Claims.IgnoreQueryFilters().Where(c => c.Id == claim.Id)
            .Select(c => c.State).SingleAsync()));
        Assert.False(await factory.InDatabaseAsync(db => db.DmsActs.IgnoreQueryFilters().AnyAsync(a => a.PracticeId == intruder.Id)));
    }

    [Fact]
    public async Task Import_InsurerActNamingTheClinicByInn_KeepsUnknownLinesForThatClinicAndAnotherInnIsRefused()
    {
        var practice = await ClinicAsync("Клиника ИНН", "7701993416");
        var insurer = await factory.CreateInsurerClientAsync(Insurer);
        var act = ActFor("АС-" + Guid.NewGuid().ToString("N")[..8], "7701993416",
            Row("UNKNOWN-PCN-1", "A16.07.002", "21", "3 000,00", "0,00", "3 000,00", "02", "Не входит в программу"));

        var result = await ImportAsync(insurer, $"/inbound/{Insurer}/acts", act);

        var line = Assert.Single(result.Lines);
        Assert.Equal(("unmatched", "open", "notInProgram", (string?)null), (line.Match, line.WorkStatus, line.Category, line.Adjustment));
        Assert.Null(result.RemittanceId);
        Assert.True(await factory.InDatabaseAsync(db => db.Messages.IgnoreQueryFilters()
            .AnyAsync(m => m.TransactionType == "act" && m.PracticeId == practice.Id && m.ParseStatus == DentalClaimsHub.Storage.Messages.MessageParseStatus.Parsed)));
        Assert.Equal(result.Id, (await practice.Client.GetFromJsonAsync<DmsActView>($"/v1/dms/acts/{result.Id}"))!.Id);

        var addressedElsewhere = ActFor("АС-" + Guid.NewGuid().ToString("N")[..8], "7702993426",
            Row("UNKNOWN-PCN-2", "A16.07.002", "21", "3 000,00", "3 000,00", null, null, null));
        var refused = await practice.Client.PostAsync("/v1/dms/acts/import", Form(addressedElsewhere, Insurer));
        var nobody = await insurer.PostAsync($"/inbound/{Insurer}/acts", Form(addressedElsewhere, null));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nobody.StatusCode);
    }

    [Fact]
    public async Task Import_BadRequests_AreProblemDetails()
    {
        var practice = await ClinicAsync("Клиника Ошибки");
        var insurer = await factory.CreateInsurerClientAsync(Insurer);

        var foreign = await insurer.PostAsync("/inbound/dms-volga/acts", Form(Act("X"), null));
        var unreadable = await practice.Client.PostAsync("/v1/dms/acts/import", Form("no table here"u8.ToArray(), Insurer, "act.xlsx"));
        var noInsurer = await practice.Client.PostAsync("/v1/dms/acts/import", Form(Act("X"), null));
        var unknownAct = await practice.Client.GetAsync($"/v1/dms/acts/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unreadable.StatusCode);
        Assert.Equal("application/problem+json", unreadable.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, noInsurer.StatusCode);
        Assert.Contains("$.insurer", await noInsurer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownAct.StatusCode);
    }

    private static async Task<DmsActView> ImportAsync(HttpClient client, string path, byte[] act, string? insurer = null)
    {
        var response = await client.PostAsync(path, Form(act, insurer));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DmsActView>())!;
    }

    private static MultipartFormDataContent Form(byte[] act, string? insurer, string fileName = "akt-sverki.xlsx")
    {
        var file = new ByteArrayContent(act);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (insurer is not null)
        {
            form.Add(new StringContent(insurer), "insurer");
        }

        return form;
    }

    private static object?[] Row(string claim, string code, string? tooth, string billed, string? accepted, string? refused, string? reasonCode,
        string? reasonText) =>
        ["2026-10/001", claim, "ДМ-77-TEST", Visit.ToString("dd.MM.yyyy"), code, tooth, "1", billed, accepted, refused, reasonCode, reasonText];

    // The demo insurer's act layout (mappings/dms/demo-med.yaml acts): a letterhead naming the act, the table from row 6.
    private static byte[] Act(string number, params object?[][] rows) => ActFor(number, null, rows);

    private static byte[] ActFor(string number, string? clinicInn, params object?[][] rows)
    {
        string[] columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"];
        Dictionary<string, object?> Cells(params object?[] cells) =>
            columns.Select((column, i) => (column, value: i < cells.Length ? cells[i] : null)).ToDictionary(c => c.column, c => c.value);
        var sheet = new List<Dictionary<string, object?>>
        {
            Cells("СК «Демо-Мед»"),
            Cells($"Акт сверки № {number} от 20.11.2026"),
            Cells("по реестру № 2026-10/001"),
            Cells(clinicInn is null ? null : $"Исполнитель: клиника, ИНН {clinicInn}"),
            Cells(),
            Cells("№ реестра", "№ счета", "№ полиса", "Дата оказания", "Код услуги", "№ зуба", "Кол-во", "Выставлено, руб.", "Принято, руб.",
                "Снято, руб.", "Код снятия", "Причина снятия"),
        };
        sheet.AddRange(rows.Select(Cells));
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, printHeader: false, sheetName: "Акт");
        return buffer.ToArray();
    }

    private async Task<TestPractice> ClinicAsync(string name, string inn = "7712345671")
    {
        var practice = await factory.CreatePracticeAsync(name);
        await factory.UpdatePracticeAsync(practice.Id, p => p.SetIdentifiers(p.Npi, p.TaxId, Inn.Parse(inn), null));
        return practice;
    }

    private Task<(Patient Patient, Coverage Coverage)> InsuredAsync(Guid practiceId) =>
        factory.InDatabaseAsync(async db =>
        {
            var patient = Patient.Create(practiceId, new PersonName("Актова", "Сверка"), new DateOnly(1984, 6, 1), Sex.Unknown, Now);
            var coverage = Coverage.Create(practiceId, patient.Id, Insurer, "ДМ-77-TEST", CoverageOrder.Primary, SubscriberRelationship.Self, Now,
                validFrom: new DateOnly(2026, 1, 1), validTo: new DateOnly(2026, 12, 31), dms: new DmsTerms("DENT-BASIC", "Стоматология (базовая)", null));
            db.AddRange(patient, coverage);
            await db.SaveChangesAsync();
            return (patient, coverage);
        });

    // A claim sent to the insurer and billed in its registry: Submitted, as the registry tests make them.
    private Task<Claim> ClaimAsync(Guid practiceId, (Patient Patient, Coverage Coverage) insured, params ClaimLineDetails[] lines) =>
        factory.InDatabaseAsync(async db =>
        {
            var claim = Claim.Create(practiceId, insured.Patient.Id, insured.Coverage.Id, Insurer, "RUB", "test", Now,
                renderingProvider: new ProviderIdentity(null, person: new PersonName("Ведерникова", "Олеся", "Марковна")));
            claim.SetDiagnoses([new Icd10Code("K02.1")], Now);
            foreach (var line in lines)
            {
                claim.AddLine(line, Now);
            }

            claim.Validate("test", Now, Today);
            claim.Queue("test", Now);
            claim.MarkSubmitted("test", Now);
            db.Claims.Add(claim);
            await db.SaveChangesAsync();
            return claim;
        });

    private static ClaimLineDetails Line(string code, decimal fee, string? tooth = null) => new()
    {
        Procedure = ProcedureCode.Nomenclature(new NomenclatureCode(code)),
        Fee = Money.Rub(fee),
        Units = 1,
        ServiceDate = Visit,
        Tooth = tooth is null ? null : ToothNumber.ParseFdi(tooth),
        DiagnosisPointers = [1],
    };
}
