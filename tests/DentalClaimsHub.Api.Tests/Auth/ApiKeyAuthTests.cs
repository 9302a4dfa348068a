using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Api.Tests.Auth;

public sealed class ApiKeyAuthTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    [Fact]
    public async Task GetPatients_NoKey_Returns401ProblemDetails()
    {
        var response = await factory.CreateClient().GetAsync("/v1/patients");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task GetPatients_UnknownKey_Returns401NamingTheReason()
    {
        var (plain, _, _) = ApiKeySecret.Generate();

        var response = await factory.CreateClient(plain).GetAsync("/v1/patients");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("unknown or has been revoked", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetPatients_NotOurTokenFormat_Returns401()
    {
        var response = await factory.CreateClient("not-a-key").GetAsync("/v1/patients");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("not a DentalClaimsHub API key", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CreatePatient_KeyWithoutWriteScope_Returns403NamingTheScope()
    {
        var practice = await factory.CreatePracticeAsync("Read Only Dental", Scopes.PatientsRead);

        var response = await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("'patients:write'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetPatients_KeyWithReadScope_Returns200()
    {
        var practice = await factory.CreatePracticeAsync("Read Only Dental 2", Scopes.PatientsRead);

        var response = await practice.Client.GetAsync("/v1/patients");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RevokedKey_WorksUntilTheKeyCacheLapsesThenIsRefused()
    {
        var practice = await factory.CreatePracticeAsync("Revoked Dental", Scopes.PatientsRead);
        Assert.Equal(HttpStatusCode.OK, (await practice.Client.GetAsync("/v1/patients")).StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            (await db.ApiKeys.SingleAsync(k => k.Name == "Revoked Dental key")).Revoke(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        // The documented bound (Hub:Auth:KeyCacheTtl, 30 s by default): the instance trusts the key it just saw a little longer.
        Assert.Equal(HttpStatusCode.OK, (await practice.Client.GetAsync("/v1/patients")).StatusCode);
        factory.Services.GetRequiredService<ApiKeyCache>().Clear();

        var response = await practice.Client.GetAsync("/v1/patients");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("unknown or has been revoked", problem.GetProperty("detail").GetString());
    }
}
