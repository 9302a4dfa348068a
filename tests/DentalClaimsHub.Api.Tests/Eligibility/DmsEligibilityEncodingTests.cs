using System.Net;
using System.Net.Http.Json;
using System.Text;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Tests.Infrastructure;

namespace DentalClaimsHub.Api.Tests.Eligibility;

/// <summary>
/// ДМС answers carry Russian text (programme, insurer, notes). It must reach the caller as readable UTF-8 — not
/// mojibake, not \u escapes — both in the first answer and when the stored check is read back from PostgreSQL.
/// </summary>
public sealed class DmsEligibilityEncodingTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    private const string Exclusion = "Франшиза 45.00%: без стоматологического обслуживания";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Fact]
    public async Task Check_DmsRussianNotes_StayReadableUtf8InTheAnswerAndWhenReadBack()
    {
        var practice = await factory.CreatePracticeAsync();
        var request = new EligibilityRequest
        {
            Patient = TestData.NewPatientRequest(),
            Coverage = TestData.NewDmsCoverageRequest(Exclusion),
            DateOfService = new DateOnly(2026, 6, 15),
        };

        using var posted = await practice.Client.PostAsJsonAsync("/v1/eligibility", request);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var first = await ReadUtf8Async(posted);
        var check = (await posted.Content.ReadFromJsonAsync<EligibilityResponse>())!;
        using var read = await practice.Client.GetAsync($"/v1/eligibility/{check.Id}");
        var stored = await ReadUtf8Async(read);

        foreach (var body in (string[])[first, stored])
        {
            Assert.Contains("СК «Демо-Мед»", body, StringComparison.Ordinal);
            Assert.Contains("STOM-2 — Стоматология полная", body, StringComparison.Ordinal);
            Assert.Contains("без стоматологического обслуживания", body, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u04", body, StringComparison.Ordinal);
        }
    }

    private static async Task<string> ReadUtf8Async(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var charset = response.Content.Headers.ContentType?.CharSet;
        Assert.True(charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase), $"charset {charset}");
        return StrictUtf8.GetString(await response.Content.ReadAsByteArrayAsync());
    }
}
