using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using DentalClaimsHub.Api.Dms.Registries;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using MiniExcelLibs;

namespace DentalClaimsHub.Api.Tests.Dms;

/// <summary>
/// <c>POST /v1/dms/registries</c> end to end on the demo ДМС insurer (<c>demo-dms-insurer</c> → <c>mappings/dms/demo-med.yaml</c>):
/// which claims count, totals that reconcile to them, the stored file, regeneration without and with a change.
/// </summary>
public sealed class DmsRegistryApiTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    private const string Insurer = "demo-dms-insurer";
    private static readonly DateTimeOffset Now = new(2026, 11, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 5);

    [Fact]
    public async Task Generate_OctoberClaims_RegistryReconcilesIsStoredAndRegeneratesDeterministically()
    {
        var practice = await ClinicAsync("Клиника Реестр");
        var zhukova = await PatientAsync(practice.Id, new PersonName("Жабрина", "Агата", "Львовна"), "ДМС-TEST-0001", franchise: 10m);
        var elkin = await PatientAsync(practice.Id, new PersonName("Ёршиков", "Платон"), "ДМС-TEST-0002", franchise: null);
        var october = new DateOnly(2026, 10, 14);

        var submitted = await ClaimAsync(practice.Id, zhukova, ClaimState.Submitted, [new Icd10Code("K02.1")],
            Line("B01.065.001", 1500m, october), Line("A16.07.002", 4200.50m, october, "36"), Line("A16.07.002", 3900m, new DateOnly(2026, 11, 2), "37"));
        var accepted = await ClaimAsync(practice.Id, elkin, ClaimState.Accepted, [new Icd10Code("K04.0"), new Icd10Code("K02")],
            Line("A06.07.003", 1300m, new DateOnly(2026, 10, 31), "11", units: 2), Line("A16.07.002", 4000m, october, "21", diagnosis: 2));
        await ClaimAsync(practice.Id, zhukova, ClaimState.Draft, [new Icd10Code("K02.1")], Line("A16.07.002", 9999m, october, "46"));
        await ClaimAsync(practice.Id, elkin, ClaimState.Rejected, [new Icd10Code("K02.1")], Line("A16.07.002", 8888m, october, "47"));

        var before = ClinicToday();
        var created = await practice.Client.PostAsJsonAsync("/v1/dms/registries", new { insurer = Insurer, period = "2026-10" });
        var after = ClinicToday();

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var first = (await created.Content.ReadFromJsonAsync<DmsRegistryView>())!;
        Assert.Equal(($"/v1/dms/registries/{first.Id}"), created.Headers.Location?.OriginalString);
        Assert.Equal((1, "DEMO-MED-202610", "2026-10", "xlsx", false), (first.Version, first.Number, first.Period, first.Format, first.Unchanged));
        Assert.InRange(first.Date, before, after);
        Assert.Equal(new[] { submitted.Id, accepted.Id }.Order(), first.ClaimIds.Order());
        var exclusion = Assert.Single(first.Exclusions);
        Assert.Equal((accepted.Id, 2, "diagnosis-not-specific"), (exclusion.ClaimId, exclusion.LineNumber, exclusion.Code));

        // Reconciles to the claims: the gross is the October lines' charges; сумма = gross − 5 % (demo-med's contract discount).
        var billed = submitted.Lines.Take(2).Concat(accepted.Lines.Take(1)).Sum(line => line.Fee.Amount);
        Assert.Equal(7000.50m, billed);
        Assert.Equal((3, 4, billed), (first.Totals.LineCount, first.Totals.Quantity, first.Totals.Gross));
        Assert.Equal(350.03m, first.Totals.Discount); // 75 + 210.03 (210.025) + 65
        Assert.Equal(billed - first.Totals.Discount, first.Totals.Amount);
        Assert.Equal(541.55m, first.Totals.Franchise); // 10 % of Жабрина's 1425.00 + 3990.47, none for Ёршиков
        Assert.Equal(first.Totals.Amount - first.Totals.Franchise, first.Totals.InsurerAmount);

        var file = await practice.Client.GetAsync(first.File);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal(first.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.ToList()).ToList();
        Assert.Equal("Итого", rows[^1][0]);
        Assert.Equal((double)first.Totals.Amount, Convert.ToDouble(rows[^1][13], CultureInfo.InvariantCulture));
        Assert.Equal((double)first.Totals.InsurerAmount, Convert.ToDouble(rows[^1][16], CultureInfo.InvariantCulture));
        Assert.Contains(rows, row => Equals(row[1], "Жабрина Агата Львовна") && Equals(row[9], "36"));

        // Nothing billable changed: the same version, said so, and nothing new stored — but a new unbillable line is reported.
        var vague = await ClaimAsync(practice.Id, zhukova, ClaimState.Submitted, [new Icd10Code("K04")], Line("A16.07.009", 2500m, october, "45"));
        var again = await practice.Client.PostAsJsonAsync("/v1/dms/registries", new { insurer = Insurer, period = "2026-10" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var same = (await again.Content.ReadFromJsonAsync<DmsRegistryView>())!;
        Assert.Equal((first.Id, first.Sha256, 1, true), (same.Id, same.Sha256, same.Version, same.Unchanged));
        Assert.Equal([(accepted.Id, "diagnosis-not-specific"), (vague.Id, "diagnosis-not-specific")],
            same.Exclusions.Select(e => (e.ClaimId, e.Code)).OrderBy(e => e.ClaimId == vague.Id));

        // A claim sent since: version 2 under the same number.
        var late = await ClaimAsync(practice.Id, elkin, ClaimState.Submitted, [new Icd10Code("K04.0")], Line("A16.07.030.001", 5100m, october, "26"));
        var regenerated = await practice.Client.PostAsJsonAsync("/v1/dms/registries", new { insurer = Insurer, period = "2026-10" });
        Assert.Equal(HttpStatusCode.Created, regenerated.StatusCode);
        var second = (await regenerated.Content.ReadFromJsonAsync<DmsRegistryView>())!;
        Assert.Equal((2, first.Number), (second.Version, second.Number));
        Assert.NotEqual(first.Sha256, second.Sha256);
        Assert.Contains(late.Id, second.ClaimIds);
        Assert.Equal(billed + 5100m, second.Totals.Gross);

        var list = await practice.Client.GetFromJsonAsync<List<DmsRegistryView>>($"/v1/dms/registries?insurer={Insurer}&period=2026-10");
        Assert.Equal([2, 1], list!.Select(r => r.Version));

        // Another clinic sees none of it.
        var other = await factory.CreatePracticeAsync("Other Clinic");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(first.File)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/v1/dms/registries/{first.Id}")).StatusCode);
        Assert.Empty((await other.Client.GetFromJsonAsync<List<DmsRegistryView>>("/v1/dms/registries"))!);

        Assert.Empty(factory.Logs.Containing("Жабрина", "Ёршиков", "ДМС-TEST-0001", "ДМС-TEST-0002"));
    }

    [Theory]
    [InlineData("demo-dms-insurer", "2026-13", "$.period")]
    [InlineData("demo-dms-insurer", "октябрь", "$.period")]
    [InlineData("demo-x12-dental", "2026-10", "$.insurer")]
    [InlineData("", "2026-10", "$.insurer")]
    [InlineData("demo-dms-insurer", "2025-01", "$.period")]
    public async Task Generate_BadRequestOrNothingToBill_IsAValidationProblem(string insurer, string period, string field)
    {
        var practice = await ClinicAsync("Клиника Ошибок");

        var response = await practice.Client.PostAsJsonAsync("/v1/dms/registries", new { insurer, period });

        await ProblemAssert.HasFieldErrorsAsync(response, field);
    }

    // The registry is dated the clinic's calendar day (TestData's practices are in America/Chicago).
    private static DateOnly ClinicToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);

    private async Task<TestPractice> ClinicAsync(string name)
    {
        var practice = await factory.CreatePracticeAsync(name);
        await factory.UpdatePracticeAsync(practice.Id, p => p.SetIdentifiers(p.Npi, p.TaxId, Inn.Parse("7712345671"), null));
        return practice;
    }

    private Task<(Patient Patient, Coverage Coverage)> PatientAsync(Guid practiceId, PersonName name, string policy, decimal? franchise) =>
        factory.InDatabaseAsync(async db =>
        {
            var patient = Patient.Create(practiceId, name, new DateOnly(1984, 6, 1), Sex.Unknown, Now);
            var coverage = Coverage.Create(practiceId, patient.Id, Insurer, policy, CoverageOrder.Primary, SubscriberRelationship.Self, Now,
                validFrom: new DateOnly(2026, 1, 1), validTo: new DateOnly(2026, 12, 31),
                dms: new DmsTerms("DENT-BASIC", "Стоматология (базовая)", franchise));
            db.AddRange(patient, coverage);
            await db.SaveChangesAsync();
            return (patient, coverage);
        });

    private Task<Claim> ClaimAsync(Guid practiceId, (Patient Patient, Coverage Coverage) insured, ClaimState state, Icd10Code[] diagnoses,
        params ClaimLineDetails[] lines) =>
        factory.InDatabaseAsync(async db =>
        {
            var claim = Claim.Create(practiceId, insured.Patient.Id, insured.Coverage.Id, Insurer, "RUB", "test", Now,
                renderingProvider: new ProviderIdentity(null, person: new PersonName("Ведерникова", "Олеся", "Марковна")));
            claim.SetDiagnoses(diagnoses, Now);
            foreach (var line in lines)
            {
                claim.AddLine(line, Now);
            }

            if (state != ClaimState.Draft)
            {
                claim.Validate("test", Now, Today);
                claim.Queue("test", Now);
                claim.MarkSubmitted("test", Now);
            }

            if (state == ClaimState.Accepted)
            {
                claim.Acknowledge("test", Now);
                claim.Accept("test", Now);
            }
            else if (state == ClaimState.Rejected)
            {
                claim.Reject("test", Now, "refused in test");
            }

            db.Claims.Add(claim);
            await db.SaveChangesAsync();
            return claim;
        });

    private static ClaimLineDetails Line(string code, decimal fee, DateOnly date, string? tooth = null, int units = 1, int diagnosis = 1) => new()
    {
        Procedure = ProcedureCode.Nomenclature(new NomenclatureCode(code)),
        Fee = Money.Rub(fee),
        Units = units,
        ServiceDate = date,
        Tooth = tooth is null ? null : ToothNumber.ParseFdi(tooth),
        DiagnosisPointers = [diagnosis],
    };
}
