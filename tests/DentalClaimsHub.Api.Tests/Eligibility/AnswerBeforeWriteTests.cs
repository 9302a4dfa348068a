using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Estimates;
using DentalClaimsHub.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks;

namespace DentalClaimsHub.Api.Tests.Eligibility;

/// <summary>The simulated payers with room for one answer given back before it is written.</summary>
public sealed class OneUnwrittenAnswerFactory : SimulatedPayersFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Hub:Eligibility:MaxUnwrittenAnswers", "1")];
}

/// <summary>
/// An answer goes back to the client before the hub writes it (<see cref="UnstoredAnswers"/>). The tests hold the write
/// back with a lock on <c>eligibility_checks</c> from a connection of their own: the answer still comes, and whatever reads
/// the check (a poll, an estimate, the host's shutdown) waits for the write instead of missing it.
/// </summary>
public sealed class AnswerBeforeWriteTests(SimulatedPayersFactory factory) : IClassFixture<SimulatedPayersFactory>
{
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Check_WhileItsWriteIsHeldBack_IsAnsweredAndAPollWaitsForTheWrite()
    {
        var practice = await WarmPracticeAsync(factory);
        await using var writes = await HoldBackWritesAsync(factory);

        var (response, check) = await PostAsync(practice.Client, X12.X12Checks.Request(Member("ABWANS"))).WaitAsync(Answered);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("completed", "active"), (check.Status, check.Result!.CoverageStatus));
        Assert.Equal(0, await writes.CountAsync(check.Id));
        var poll = practice.Client.GetAsync($"/v1/eligibility/{check.Id}");
        // Longer than a poll that misses keeps looking for another instance's write (about 2 s): this one waits for ours.
        await Task.Delay(3000);
        Assert.False(poll.IsCompleted, "the poll did not wait for the answer's write");

        await writes.ReleaseAsync();
        var polled = await (await poll.WaitAsync(Answered)).Content.ReadFromJsonAsync<EligibilityResponse>();
        Assert.Equal(("completed", check.Result.PlanName), (polled!.Status, polled.Result!.PlanName));
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.EligibilityChecks.CountAsync(c => c.Id == check.Id)));
    }

    [Fact]
    public async Task Check_AskedAgainBeforeTheFirstAnswerIsWritten_ReusesThatAnswerOnceWritten()
    {
        var practice = await WarmPracticeAsync(factory);
        await using var writes = await HoldBackWritesAsync(factory);
        var asked = X12.X12Checks.Request(Member("ABWCACHE"));
        var (_, first) = await PostAsync(practice.Client, asked).WaitAsync(Answered);

        var again = PostAsync(practice.Client, asked);
        await Task.Delay(1000);
        Assert.False(again.IsCompleted, "the second check did not wait for the first answer's write");

        await writes.ReleaseAsync();
        var (_, second) = await again.WaitAsync(Answered);
        Assert.Equal((first.Id, true), (second.Id, second.Cached));
    }

    [Fact]
    public async Task Estimate_WithItsOwnCoverage_IsStoredOnceTheCheckItRefersToIsWritten()
    {
        var practice = await WarmPracticeAsync(factory);
        await using var writes = await HoldBackWritesAsync(factory);
        var asked = X12.X12Checks.Request(Member("ABWEST"));

        var created = practice.Client.PostAsJsonAsync("/v1/estimates", new EstimateRequest
        {
            Patient = asked.Patient, Coverage = asked.Coverage, Provider = asked.Provider, DateOfService = asked.DateOfService,
            Procedures = [new PlannedProcedureRequest { Code = "D1110", Fee = 120m }],
        });
        await Task.Delay(1000);
        Assert.False(created.IsCompleted, "the estimate was stored before the check it refers to");

        await writes.ReleaseAsync();
        var response = await created.WaitAsync(Answered);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var estimate = (await response.Content.ReadFromJsonAsync<EstimateResponse>())!;
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.EligibilityChecks.CountAsync(c => c.Id == estimate.EligibilityCheckId)));
    }

    [Fact]
    public async Task Shutdown_WaitsForTheAnswersGivenToBeWritten()
    {
        var practice = await WarmPracticeAsync(factory);
        await using var writes = await HoldBackWritesAsync(factory);
        var (_, check) = await PostAsync(practice.Client, X12.X12Checks.Request(Member("ABWSTOP"))).WaitAsync(Answered);

        var stopping = factory.Services.GetRequiredService<UnstoredAnswers>().StopAsync(CancellationToken.None);
        await Task.Delay(300);
        Assert.False(stopping.IsCompleted, "shutdown did not wait for the answer's write");

        await writes.ReleaseAsync();
        await stopping.WaitAsync(Answered);
        Assert.Equal(1, await writes.CountAsync(check.Id));
    }

    [Fact]
    public async Task Poll_OfACheckThatYoungMissingHere_WaitsForAnotherInstanceToWriteIt()
    {
        var practice = await WarmPracticeAsync(factory);
        var (_, written) = await PostAsync(practice.Client, X12.X12Checks.Request(Member("ABWINST")));
        var elsewhere = Guid.CreateVersion7();

        // Another instance's answer: the same check under a new id, written a moment after the poll starts.
        var poll = practice.Client.GetAsync($"/v1/eligibility/{elsewhere}");
        await Task.Delay(200);
        await using (var connection = new NpgsqlConnection(factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var copy = new NpgsqlCommand(
                "CREATE TEMP TABLE copied AS SELECT * FROM eligibility_checks WHERE id = @written; UPDATE copied SET id = @elsewhere; "
                + "INSERT INTO eligibility_checks SELECT * FROM copied", connection);
            copy.Parameters.AddWithValue("written", written.Id);
            copy.Parameters.AddWithValue("elsewhere", elsewhere);
            await copy.ExecuteNonQueryAsync();
        }

        var response = await poll.WaitAsync(Answered);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(elsewhere, (await response.Content.ReadFromJsonAsync<EligibilityResponse>())!.Id);
        // An id too old to be anyone's unwritten answer, and a young one nobody writes: both are simply not found.
        Assert.Equal(HttpStatusCode.NotFound,
            (await practice.Client.GetAsync($"/v1/eligibility/{Guid.CreateVersion7(DateTimeOffset.UtcNow.AddHours(-1))}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await practice.Client.GetAsync($"/v1/eligibility/{Guid.CreateVersion7()}")).StatusCode);
    }

    // A practice whose host has asked a payer once (the first call pays for connections and JIT) and written the answer.
    internal static async Task<TestPractice> WarmPracticeAsync(HubApiFactory factory)
    {
        var practice = await factory.CreatePracticeAsync();
        var (response, _) = await PostAsync(practice.Client, X12.X12Checks.Request(Member("ABWARM")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await factory.Services.GetRequiredService<UnstoredAnswers>().AllWrittenAsync(CancellationToken.None);
        return practice;
    }

    internal static async Task<HeldWrites> HoldBackWritesAsync(HubApiFactory factory)
    {
        var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        // SHARE holds back every INSERT and UPDATE until the transaction ends, and lets reads and foreign-key checks through.
        await using var command = new NpgsqlCommand("LOCK TABLE eligibility_checks IN SHARE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new HeldWrites(connection, transaction);
    }

    /// <summary>A lock on <c>eligibility_checks</c> that holds back the hub's writes of checks until released.</summary>
    internal sealed class HeldWrites(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        private bool _released;

        public async Task<long> CountAsync(Guid checkId)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM eligibility_checks WHERE id = @id", connection,
                _released ? null : transaction);
            command.Parameters.AddWithValue("id", checkId);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public async Task ReleaseAsync()
        {
            await transaction.CommitAsync();
            _released = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_released)
            {
                await transaction.RollbackAsync();
            }

            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

/// <summary>Past the limit of answers given before their writes, an answer waits for its own write.</summary>
public sealed class UnwrittenAnswerLimitTests(OneUnwrittenAnswerFactory factory) : IClassFixture<OneUnwrittenAnswerFactory>
{
    [Fact]
    public async Task Check_PastTheLimitOfUnwrittenAnswers_WaitsForItsWrite()
    {
        var practice = await AnswerBeforeWriteTests.WarmPracticeAsync(factory);
        await using var writes = await AnswerBeforeWriteTests.HoldBackWritesAsync(factory);
        var (first, _) = await PostAsync(practice.Client, X12.X12Checks.Request(Member("ABWLIM1"))).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = PostAsync(practice.Client, X12.X12Checks.Request(Member("ABWLIM2")));
        await Task.Delay(1000);
        Assert.False(second.IsCompleted, "a second answer went back while the first was still unwritten");

        await writes.ReleaseAsync();
        var (response, check) = await second.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal((HttpStatusCode.OK, "completed"), (response.StatusCode, check.Status));
        Assert.Equal(1, await writes.CountAsync(check.Id));
    }
}
