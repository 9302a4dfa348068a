using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Api.Tests.Patients;

public sealed class PatientsApiTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    [Fact]
    public async Task CreatePatient_ValidRequest_Returns201AndIsReadableBack()
    {
        var practice = await factory.CreatePracticeAsync();

        var created = await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var patient = await created.Content.ReadFromJsonAsync<PatientResponse>();
        Assert.NotNull(patient);
        Assert.Equal($"/v1/patients/{patient.Id}", created.Headers.Location?.OriginalString);
        var read = await practice.Client.GetFromJsonAsync<PatientResponse>($"/v1/patients/{patient.Id}");
        Assert.Equal(TestData.PatientLast, read!.Name.Last);
        Assert.Equal(TestData.PatientBirthDate, read.BirthDate);
        Assert.Equal("female", read.Sex);
        Assert.Equal("IL", read.Address!.Region);
    }

    [Fact]
    public async Task CreatePatient_MissingAndBadFields_Returns400KeyedByJsonPath()
    {
        var practice = await factory.CreatePracticeAsync();
        var request = TestData.NewPatientRequest() with
        {
            Name = new PersonNameDto { First = "Ana" },
            BirthDate = new DateOnly(2099, 1, 1),
            Sex = "robot",
            Email = "nope",
        };

        var response = await practice.Client.PostAsJsonAsync("/v1/patients", request);

        await ProblemAssert.HasFieldErrorsAsync(response, "$.name.last", "$.birthDate", "$.sex", "$.email");
    }

    [Fact]
    public async Task CreatePatient_WrongJsonType_Returns400NamingThePath()
    {
        var practice = await factory.CreatePracticeAsync();
        using var body = new StringContent("""{"name":{"last":"X","first":"Y"},"birthDate":"not-a-date","sex":"male"}""",
            System.Text.Encoding.UTF8, "application/json");

        var response = await practice.Client.PostAsync("/v1/patients", body);

        await ProblemAssert.HasFieldErrorsAsync(response, "$.birthDate");
    }

    [Fact]
    public async Task UpdateAndDelete_ExistingPatient_ChangesThenRemovesIt()
    {
        var practice = await factory.CreatePracticeAsync();
        var patient = await CreateAsync(practice);

        var update = await practice.Client.PutAsJsonAsync($"/v1/patients/{patient.Id}", TestData.NewPatientRequest(last: "Quillfeather-Oduya"));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("Quillfeather-Oduya", (await update.Content.ReadFromJsonAsync<PatientResponse>())!.Name.Last);

        var delete = await practice.Client.DeleteAsync($"/v1/patients/{patient.Id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await ProblemAssert.IsProblemAsync(await practice.Client.GetAsync($"/v1/patients/{patient.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListPatients_MoreThanOnePage_PagesWithCursorAndShowsOnlyOwnPractice()
    {
        var practice = await factory.CreatePracticeAsync("Paging Dental");
        var other = await factory.CreatePracticeAsync("Other Dental");
        await CreateAsync(other);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await CreateAsync(practice)).Id);
        }

        var first = await practice.Client.GetFromJsonAsync<Page<PatientResponse>>("/v1/patients?limit=3");
        var second = await practice.Client.GetFromJsonAsync<Page<PatientResponse>>($"/v1/patients?limit=3&cursor={first!.NextCursor}");

        Assert.Equal(3, first.Items.Count);
        Assert.NotNull(first.NextCursor);
        Assert.Equal(2, second!.Items.Count);
        Assert.Null(second.NextCursor);
        Assert.Equal(ids.Order(), first.Items.Concat(second.Items).Select(p => p.Id).Order());
    }

    [Fact]
    public async Task GetPatient_Read_IsAuditedWithoutPhi()
    {
        var practice = await factory.CreatePracticeAsync();
        var patient = await CreateAsync(practice);

        await practice.Client.GetAsync($"/v1/patients/{patient.Id}");

        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var reads = await db.AuditEvents.Where(a => a.Action == "phi.read" && a.EntityId == patient.Id.ToString()).ToListAsync();
        var read = Assert.Single(reads);
        Assert.Equal(practice.Id, read.PracticeId);
        Assert.Equal("api-key", read.ActorKind);
        Assert.DoesNotContain(TestData.PatientLast, JsonSerializer.Serialize(read), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<PatientResponse> CreateAsync(TestPractice practice)
    {
        var response = await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PatientResponse>())!;
    }
}
