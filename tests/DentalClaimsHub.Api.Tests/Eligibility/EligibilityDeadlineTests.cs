using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Tests.Infrastructure;

namespace DentalClaimsHub.Api.Tests.Eligibility;

/// <summary>A host whose eligibility deadline has already passed when the payer is asked: every answer comes by polling.</summary>
public sealed class ZeroDeadlineFactory : HubApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Hub:Eligibility:Deadline", "00:00:00")];
}

public sealed class EligibilityDeadlineTests(ZeroDeadlineFactory factory) : IClassFixture<ZeroDeadlineFactory>
{
    [Fact]
    public async Task Check_PastTheDeadline_Returns202WithLocationAndTheAnswerArrivesByPolling()
    {
        var practice = await factory.CreatePracticeAsync();
        var request = new EligibilityRequest
        {
            Patient = TestData.NewPatientRequest(),
            Coverage = TestData.NewDmsCoverageRequest(),
            DateOfService = new DateOnly(2026, 6, 15),
        };

        var response = await practice.Client.PostAsJsonAsync("/v1/eligibility", request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<EligibilityResponse>())!;
        Assert.Equal($"/v1/eligibility/{accepted.Id}", response.Headers.Location?.OriginalString);
        EligibilityResponse? polled = null;
        for (var attempt = 0; attempt < 100 && polled?.Status != "completed"; attempt++)
        {
            await Task.Delay(100);
            polled = await practice.Client.GetFromJsonAsync<EligibilityResponse>(response.Headers.Location);
        }

        Assert.Equal("completed", polled!.Status);
        Assert.Equal("active", polled.Result!.CoverageStatus);
    }
}
