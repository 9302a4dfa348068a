using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Tests.Infrastructure;
using Npgsql;

namespace DentalClaimsHub.Api.Tests.Hosting;

/// <summary>
/// When PostgreSQL drops the hub's connections (a restart, a failover, an administrator), requests that meet a dead
/// connection are answered 503 with Retry-After — a status clients retry — never 500; and the next requests succeed.
/// </summary>
public sealed class DatabaseUnavailableTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    [Fact]
    public async Task Request_DatabaseConnectionsTerminated_Answers503WithRetryAfterThenRecovers()
    {
        var practice = await factory.CreatePracticeAsync();
        var created = await practice.Client.PostAsJsonAsync("/v1/patients", TestData.NewPatientRequest());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;

        // Warm several pooled connections, then kill every one of them; background loops race the requests for the dead
        // ones, so try a few rounds: what matters is that a failure is a 503 and that a 500 never appears.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? unavailable = null;
        for (var round = 0; round < 5 && unavailable is null; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => practice.Client.GetAsync(location)));
            await TerminateHubConnectionsAsync();
            foreach (var response in await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => practice.Client.GetAsync(location))))
            {
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    unavailable = response;
                }
            }
        }

        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        Assert.NotNull(unavailable);
        Assert.Equal("5", unavailable.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("application/problem+json", unavailable.Content.Headers.ContentType?.MediaType);
        var problem = await unavailable.Content.ReadFromJsonAsync<ProblemBody>();
        Assert.Equal(503, problem!.Status);
        Assert.Equal("Service unavailable", problem.Title);

        Assert.Equal(HttpStatusCode.OK, (await practice.Client.GetAsync(location)).StatusCode);
        Assert.NotEmpty(factory.Logs.Containing("Database unavailable for"));
    }

    private async Task TerminateHubConnectionsAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(factory.ConnectionString) { Pooling = false };
        var database = builder.Database;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var kill = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @database AND pid <> pg_backend_pid()", connection);
        kill.Parameters.AddWithValue("database", database!);
        await kill.ExecuteScalarAsync();
    }

    private sealed record ProblemBody(int Status, string Title);
}
