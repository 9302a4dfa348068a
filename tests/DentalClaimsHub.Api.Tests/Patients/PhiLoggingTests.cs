using System.Net.Http.Json;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Tests.Infrastructure;

namespace DentalClaimsHub.Api.Tests.Patients;

/// <summary>Names, birth dates and member ids never reach the logs, whatever the request does.</summary>
public sealed class PhiLoggingTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    [Fact]
    public async Task PatientAndCoverageLifecycle_IncludingErrors_LogsNoPhi()
    {
        var practice = await factory.CreatePracticeAsync();
        var created = await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest());
        var patient = await created.Content.ReadFromJsonAsync<PatientResponse>();
        await practice.Client.GetAsync($"/v1/patients/{patient!.Id}");
        await practice.Client.GetAsync($"/v1/patients?externalId={Uri.EscapeDataString(TestData.PatientLast)}");
        await practice.Client.PostAsJsonAsync($"/v1/patients/{patient.Id}/coverages", TestData.NewCoverageRequest());
        await practice.Client.PostAsJsonAsync($"/v1/patients/{patient.Id}/coverages", TestData.NewCoverageRequest("no-such-payer"));
        await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest() with { Sex = TestData.MemberId });
        using var badJson = new StringContent($$$"""{"name":{"last":"{{{TestData.PatientLast}}}","first":1}}""", System.Text.Encoding.UTF8,
            "application/json");
        await practice.Client.PostAsync("/v1/patients", badJson);

        // The scan is only worth something if this host's request log reached the capture.
        Assert.Contains(factory.Logs.Events, e => e.Contains($"/v1/patients/{patient.Id}", StringComparison.Ordinal));
        var leaks = factory.Logs.Containing(TestData.PatientLast, TestData.PatientFirst, TestData.MemberId,
            TestData.PatientBirthDate.ToString("yyyy-MM-dd"), TestData.PatientBirthDate.ToString("MM/dd/yyyy"),
            TestData.PatientBirthDate.ToString("yyyyMMdd"));
        Assert.Empty(leaks);
    }
}
