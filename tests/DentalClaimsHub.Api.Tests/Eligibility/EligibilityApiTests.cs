using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Providers;
using DentalClaimsHub.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Tests.Eligibility;

public sealed class EligibilityApiTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    private static readonly DateOnly Visit = new(2026, 6, 15);

    [Fact]
    public async Task Check_DmsPolicyInline_AnswersActiveWithFranchiseLimitAndRussianProgram()
    {
        var practice = await factory.CreatePracticeAsync();

        var response = await practice.Client.PostAsJsonAsync("/v1/eligibility", DmsRequest());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = (await response.Content.ReadFromJsonAsync<EligibilityResponse>())!;
        Assert.Equal("completed", check.Status);
        Assert.False(check.Cached);
        Assert.Equal("active", check.Result!.CoverageStatus);
        Assert.Equal("Стоматология полная", check.Result.PlanName);
        Assert.Equal("СК «Демо-Мед»", check.Result.PayerName);
        Assert.Contains(check.Result.Benefits, b => b is { Kind: "coInsurance", Percent: 10m });
        Assert.Contains(check.Result.Benefits, b => b.Kind == "maximum" && b.Amount!.Amount == 150000m && b.Amount.Currency == "RUB");
        Assert.Contains(check.Result.Benefits, b => b.Kind == "activeCoverage" && b.Note == "STOM-2 — Стоматология полная");
    }

    [Fact]
    public async Task Check_SameCoverageAndDateAgain_ReusesTheAnswerUnlessForced()
    {
        var practice = await factory.CreatePracticeAsync();
        var first = await (await practice.Client.PostAsJsonAsync("/v1/eligibility", DmsRequest())).Content.ReadFromJsonAsync<EligibilityResponse>();
        var again = new EligibilityRequest { PatientId = first!.PatientId, CoverageId = first.CoverageId, DateOfService = Visit };

        var cached = await (await practice.Client.PostAsJsonAsync("/v1/eligibility", again)).Content.ReadFromJsonAsync<EligibilityResponse>();
        var forced = await (await practice.Client.PostAsJsonAsync("/v1/eligibility", again with { Force = true }))
            .Content.ReadFromJsonAsync<EligibilityResponse>();

        Assert.True(cached!.Cached);
        Assert.Equal(first.Id, cached.Id);
        Assert.False(forced!.Cached);
        Assert.NotEqual(first.Id, forced.Id);
    }

    [Fact]
    public async Task Check_WithProcedures_KeepsThemAndCachesPerProcedureList()
    {
        var practice = await factory.CreatePracticeAsync();
        var first = await (await practice.Client.PostAsJsonAsync("/v1/eligibility", DmsRequest())).Content.ReadFromJsonAsync<EligibilityResponse>();
        var again = new EligibilityRequest { PatientId = first!.PatientId, CoverageId = first.CoverageId, DateOfService = Visit };

        var withCodes = await (await practice.Client.PostAsJsonAsync("/v1/eligibility", again with { ProcedureCodes = ["D2740", "D0120"] }))
            .Content.ReadFromJsonAsync<EligibilityResponse>();
        var sameCodes = await (await practice.Client.PostAsJsonAsync("/v1/eligibility", again with { ProcedureCodes = ["D0120", "D2740"] }))
            .Content.ReadFromJsonAsync<EligibilityResponse>();

        Assert.False(withCodes!.Cached);
        Assert.Equal(["D2740", "D0120"], withCodes.ProcedureCodes);
        Assert.True(sameCodes!.Cached);
        Assert.Equal(withCodes.Id, sameCodes.Id);
    }

    [Fact]
    public async Task Check_ProgramWithoutDentistry_AnswersInactiveWithTheExclusion()
    {
        var practice = await factory.CreatePracticeAsync();
        var request = DmsRequest() with { Coverage = TestData.NewDmsCoverageRequest("Франшиза 45.00%: без стоматологического обслуживания") };

        var check = await (await practice.Client.PostAsJsonAsync("/v1/eligibility", request)).Content.ReadFromJsonAsync<EligibilityResponse>();

        Assert.Equal("inactive", check!.Result!.CoverageStatus);
        Assert.Contains(check.Result.Benefits, b => b.Kind == "exclusion" && b.Note!.Contains("без стоматологического", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_OutsideThePolicyPeriod_AnswersInactive()
    {
        var practice = await factory.CreatePracticeAsync();

        var check = await (await practice.Client.PostAsJsonAsync("/v1/eligibility", DmsRequest() with { DateOfService = new DateOnly(2027, 2, 1) }))
            .Content.ReadFromJsonAsync<EligibilityResponse>();

        Assert.Equal("inactive", check!.Result!.CoverageStatus);
    }

    [Fact]
    public async Task Check_BadInput_Returns400KeyedByJsonPath()
    {
        var practice = await factory.CreatePracticeAsync();
        var request = new EligibilityRequest
        {
            Patient = TestData.NewPatientRequest() with { Sex = "x" },
            CoverageId = Guid.NewGuid(),
            Coverage = TestData.NewDmsCoverageRequest(),
            ProcedureCodes = ["D0120", "X99"],
            Provider = new ProviderRequest { Npi = "1234567890", OrganizationName = "Smile", LastName = "Moreau" },
        };

        var response = await practice.Client.PostAsJsonAsync("/v1/eligibility", request);

        await ProblemAssert.HasFieldErrorsAsync(response, "$.coverageId", "$.procedureCodes[1]", "$.provider.npi", "$.provider.organizationName");
    }

    [Fact]
    public async Task Check_UnknownPatientId_Returns404()
    {
        var practice = await factory.CreatePracticeAsync();

        var response = await practice.Client.PostAsJsonAsync("/v1/eligibility",
            new EligibilityRequest { PatientId = Guid.NewGuid(), CoverageId = Guid.NewGuid() });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Check_SamePatientSentInlineAgain_ReusesThePatientItsCoverageAndTheAnswer()
    {
        // Without the practice's own id for the person, name (any case) and birth date say who it is.
        static PatientRequest Person(string last = TestData.PatientLast, DateOnly? born = null) =>
            TestData.NewPatientRequest(last) with { ExternalId = null, BirthDate = born ?? TestData.PatientBirthDate };
        var practice = await factory.CreatePracticeAsync();
        var first = await AskAsync(practice, DmsRequest() with { Patient = Person() });

        var again = await AskAsync(practice, DmsRequest() with { Patient = Person(TestData.PatientLast.ToUpperInvariant()) });
        var otherPolicy = await AskAsync(practice, DmsRequest() with
        {
            Patient = Person(), Coverage = TestData.NewDmsCoverageRequest() with { MemberId = "DMS-OTHER-7" },
        });
        var otherPerson = await AskAsync(practice, DmsRequest() with { Patient = Person(born: new DateOnly(1990, 2, 3)) });

        Assert.Equal((first.PatientId, first.CoverageId, first.Id, true), (again.PatientId, again.CoverageId, again.Id, again.Cached));
        Assert.Equal(first.PatientId, otherPolicy.PatientId);
        Assert.NotEqual(first.CoverageId, otherPolicy.CoverageId);
        Assert.NotEqual(first.PatientId, otherPerson.PatientId);
        var patients = await factory.InDatabaseAsync(db => db.Patients.CountAsync(p => p.PracticeId == practice.Id));
        Assert.Equal(2, patients);
    }

    [Fact]
    public async Task Check_SamePracticePatientIdInline_IsOnePatientEvenWithAnotherSpelling()
    {
        var practice = await factory.CreatePracticeAsync();
        var request = DmsRequest() with { Patient = TestData.NewPatientRequest() with { ExternalId = "PMS-4711" } };

        var first = await AskAsync(practice, request);
        var renamed = await AskAsync(practice, request with
        {
            Patient = request.Patient! with { Name = request.Patient!.Name! with { First = "Renamed" } },
        });

        Assert.Equal(first.PatientId, renamed.PatientId);
        Assert.True(renamed.Cached);
    }

    private static async Task<EligibilityResponse> AskAsync(TestPractice practice, EligibilityRequest request)
    {
        var response = await practice.Client.PostAsJsonAsync("/v1/eligibility", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EligibilityResponse>())!;
    }

    private static EligibilityRequest DmsRequest() => new()
    {
        Patient = TestData.NewPatientRequest(),
        Coverage = TestData.NewDmsCoverageRequest(),
        DateOfService = Visit,
    };
}
