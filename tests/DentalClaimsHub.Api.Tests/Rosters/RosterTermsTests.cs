using System.Net;
using System.Net.Http.Json;
using System.Text;
using DentalClaimsHub.Api.Estimates;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Rosters;
using DentalClaimsHub.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DentalClaimsHub.Api.Tests.Rosters.RosterImportTests;

namespace DentalClaimsHub.Api.Tests.Rosters;

/// <summary>What a roster says a person may have at a clinic: the programme's sum limit, and only at the clinic it lists them for.</summary>
public sealed class RosterTermsTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    private const string Insurer = "dms-severnaya";
    private const string List = "severnaya-zashchita/spisok-2026-12-01.csv";
    private static readonly DateOnly ServiceDate = new(2026, 12, 10);

    static RosterTermsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Limit_IsStoredAndAnswersEligibility_AndAChangedLimitIsAChangeOfTerms()
    {
        var practice = await factory.CreatePracticeAsync();
        var first = await ImportAsync(practice, Insurer, Sample(List), "spisok.csv");
        Assert.Equal(("completed", 4), (first.Status, first.Counts.Attached));
        Assert.Equal([150000m, 150000m, null, 80000m], await LimitsAsync(practice.Id));

        // The roster's 80 000 beats the 150 000 stored on the coverage.
        var fedorova = await CheckAsync(practice, "Фёдорова", "Ольга", "Николаевна", "СЗ-000774", ServiceDate, Insurer);
        Assert.Equal("active", fedorova.CoverageStatus);
        var limit = Assert.Single(fedorova.Benefits, b => b.Kind == "maximum");
        Assert.Equal((80000m, "RUB", "Лимит по программе (список прикреплённых)"), (limit.Amount!.Amount, limit.Amount.Currency, limit.Note));

        // Without a limit on the roster, the coverage's own applies.
        var orlova = await CheckAsync(practice, "Орлова", "Мария", "Игоревна", "СЗ-000772", ServiceDate, Insurer);
        Assert.Equal(150000m, Assert.Single(orlova.Benefits, b => b.Kind == "maximum").Amount!.Amount);

        var text = Encoding.GetEncoding(1251).GetString(Sample(List)).Replace(";31.12.2026;80 000", ";31.12.2026;100 000,50", StringComparison.Ordinal);
        var raised = await ImportAsync(practice, Insurer, Encoding.GetEncoding(1251).GetBytes(text), "spisok-2.csv");
        Assert.Equal(new RosterImportCounts(Attached: 0, Detached: 0, Changed: 1, Unchanged: 3, Duplicates: 0), raised.Counts);
        Assert.Equal([150000m, 150000m, null, 100000.50m], await LimitsAsync(practice.Id));
    }

    [Fact]
    public async Task Limit_NotAnAmount_IsARowError()
    {
        var practice = await factory.CreatePracticeAsync();
        var text = Encoding.GetEncoding(1251).GetString(Sample(List)).Replace(";31.12.2026;80 000", ";31.12.2026;восемьдесят", StringComparison.Ordinal);

        var import = await ImportAsync(practice, Insurer, Encoding.GetEncoding(1251).GetBytes(text), "spisok.csv");

        var error = Assert.Single(import.Errors);
        Assert.Equal(("Лимит, руб.", "the limit is not an amount in roubles (e.g. 150 000,00)."), (error.Column, error.Reason));
    }

    [Fact]
    public async Task Eligibility_AttachedByTheInsurerToAnotherClinic_IsInactiveHere()
    {
        var clinicA = await factory.CreatePracticeAsync();
        var clinicB = await factory.CreatePracticeAsync();
        await ImportAsync(clinicA, Insurer, Sample(List), "spisok.csv");
        // Clinic B's own list from the same insurer names everyone but Орлов.
        var text = Encoding.GetEncoding(1251).GetString(Sample(List));
        var withoutOrlov = string.Join("\r\n", text.Split("\r\n").Where(line => !line.StartsWith("СЗ-000771;", StringComparison.Ordinal)));
        var listB = await ImportAsync(clinicB, Insurer, Encoding.GetEncoding(1251).GetBytes(withoutOrlov), "spisok-b.csv");
        Assert.Equal(3, listB.Counts.Attached);

        var atA = await CheckAsync(clinicA, "Орлов", "Игорь", "Викторович", "СЗ-000771", ServiceDate, Insurer);
        var atB = await CheckAsync(clinicB, "Орлов", "Игорь", "Викторович", "СЗ-000771", ServiceDate, Insurer);

        Assert.Equal("active", atA.CoverageStatus);
        Assert.Equal("inactive", atB.CoverageStatus);
        Assert.Contains(atB.Benefits, b => b.Note?.Contains("Нет в списке прикреплённых", StringComparison.Ordinal) == true);
        // Someone on both lists is active at both.
        Assert.Equal("active", (await CheckAsync(clinicB, "Орлова", "Мария", "Игоревна", "СЗ-000772", ServiceDate, Insurer)).CoverageStatus);
    }

    [Fact]
    public async Task Estimate_UsesTheRostersFranchiseLimitAndExclusions_NotTheCoveragesOwnTerms()
    {
        var practice = await factory.CreatePracticeAsync();
        await ImportAsync(practice, Insurer, Sample(List), "spisok.csv");

        // Орлов's roster line: "Франшиза 20%; без ортодонтии"; his coverage (as the practice registered it) says 10%.
        var orlov = await EstimateAsync(practice, "Орлов", "Игорь", "Викторович", "СЗ-000771",
            new PlannedProcedureRequest { Code = "A16.07.002", Tooth = "36", Surfaces = "MO", Fee = 10000m },
            new PlannedProcedureRequest { Code = "B01.063.001", Fee = 1500m });
        Assert.Equal([(8000m, 2000m), (0m, 1500m)], orlov.Lines.Select(l => (l.PayerPortion.Amount!.Value, l.PatientPortion.Amount!.Value)));
        Assert.Contains(orlov.Lines[0].Reasons, r => r.Kind == "franchise" && r.Note == "20%");
        Assert.Contains(orlov.Lines[1].Reasons, r => r.Kind == "exclusion" && r.Note == "без ортодонтии");

        // Фёдорова's: no franchise, an 80 000 limit; her coverage says 10% and 150 000.
        var fedorova = await EstimateAsync(practice, "Фёдорова", "Ольга", "Николаевна", "СЗ-000774",
            new PlannedProcedureRequest { Code = "A16.07.004", Tooth = "16", Fee = 100000m });
        var crown = Assert.Single(fedorova.Lines);
        Assert.Equal((80000m, 20000m), (crown.PayerPortion.Amount!.Value, crown.PatientPortion.Amount!.Value));
        Assert.Contains(crown.Reasons, r => r.Kind == "limitExhausted" && r.Amount!.Amount == 20000m);
        Assert.DoesNotContain(crown.Reasons, r => r.Kind == "franchise");
    }

    private static async Task<EstimateResponse> EstimateAsync(TestPractice practice, string last, string first, string middle, string policy,
        params PlannedProcedureRequest[] procedures)
    {
        using var response = await practice.Client.PostAsJsonAsync("/v1/estimates", new EstimateRequest
        {
            Patient = TestData.NewPatientRequest() with { Name = new PersonNameDto { Last = last, First = first, Middle = middle } },
            Coverage = TestData.NewDmsCoverageRequest() with { PayerId = Insurer, MemberId = policy },
            DateOfService = ServiceDate,
            Procedures = procedures,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EstimateResponse>())!;
    }

    private Task<List<decimal?>> LimitsAsync(Guid practiceId) => factory.InDatabaseAsync(db =>
        db.DmsMemberships.AsNoTracking().Where(m => m.PracticeId == practiceId).OrderBy(m => m.PolicyKey).Select(m => m.LimitAmount).ToListAsync());
}
