using System.Net;
using System.Text.Json;
using DentalClaimsHub.Api.Tests.Infrastructure;

namespace DentalClaimsHub.Api.Tests.Health;

public sealed class HealthAndDocsTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    [Fact]
    public async Task Ready_DatabaseAndBusReachable_ReportsHealthyPostgresAndBroker()
    {
        var response = await factory.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", json.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());
        Assert.Equal("Healthy", json.GetProperty("checks").GetProperty("broker").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Live_Always_Returns200()
    {
        var response = await factory.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_Is31WithEveryV1EndpointSecuredAndExamples()
    {
        var json = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        Assert.StartsWith("3.1", json.GetProperty("openapi").GetString());
        var paths = json.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v1/patients", out _));
        Assert.True(paths.TryGetProperty("/v1/patients/{id}", out _));
        Assert.True(paths.TryGetProperty("/v1/patients/{patientId}/coverages/{id}", out _));
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete"))
            {
                Assert.True(operation.Value.TryGetProperty("security", out _), $"{operation.Name} {path.Name} has no security requirement");
                Assert.True(operation.Value.GetProperty("responses").TryGetProperty("401", out _));
            }
        }

        Assert.Equal("bearer", json.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
        var patientRequest = json.GetProperty("components").GetProperty("schemas").GetProperty("PatientRequest");
        Assert.Equal("1986-04-12", patientRequest.GetProperty("properties").GetProperty("birthDate").GetProperty("examples")[0].GetString());
    }

    [Fact]
    public async Task Docs_ServesTheApiReferencePage()
    {
        var response = await factory.CreateClient().GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("DentalClaimsHub API", await response.Content.ReadAsStringAsync());
    }
}
