using System.Net;
using System.Net.Http.Json;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Storage.Subjects;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static DentalClaimsHub.Api.Tests.Eligibility.X12.X12Checks;
using static DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks;

namespace DentalClaimsHub.Api.Tests.Eligibility;

/// <summary>
/// A check by patient and coverage id reuses the coverage, patient and practice the hub read for the last one (the
/// <see cref="SubjectCache"/>); a 270 must still never carry a coverage as it was before a change, whoever made it.
/// </summary>
public sealed class SubjectCacheTests(SimulatedPayersFactory factory) : IClassFixture<SimulatedPayersFactory>
{
    [Fact]
    public async Task Check_RightAfterTheCoverageIsReplacedThroughTheApi_SendsTheNewMemberId()
    {
        var (practice, first, member) = await RegisteredAsync("XSCA");
        var renewed = Member("XSCB");
        await PostAsync(practice.Client, ByIds(first, member));

        var put = await practice.Client.PutAsJsonAsync($"/v1/patients/{first.PatientId}/coverages/{first.CoverageId}",
            TestData.NewCoverageRequest(DemoPayer) with { MemberId = renewed });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var (_, after) = await PostAsync(practice.Client, ByIds(first, member));

        Assert.Equal("completed", after.Status);
        Assert.Single(Received(factory.Simulator, renewed));
        Assert.Equal(2, Received(factory.Simulator, member).Count);
    }

    [Fact]
    public async Task Check_AfterTheCoverageIsChangedBySqlBehindTheHub_SendsTheNewMemberIdOncePostgresNotifies()
    {
        var changes = factory.Services.GetRequiredService<SubjectChanges>();
        var (practice, first, member) = await RegisteredAsync("XSCC");
        await PostAsync(practice.Client, ByIds(first, member));
        var renewed = Member("XSCD");
        var before = changes.Generation;

        await using (var connection = new NpgsqlConnection(factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand("UPDATE coverages SET member_id = $1 WHERE id = $2", connection)
            {
                Parameters = { new NpgsqlParameter { Value = renewed }, new NpgsqlParameter { Value = first.CoverageId } },
            };
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var until = DateTime.UtcNow.AddSeconds(10);
        while (changes.Generation == before)
        {
            Assert.True(DateTime.UtcNow < until, "PostgreSQL's notification did not arrive within 10 s.");
            await Task.Delay(20);
        }

        var (_, after) = await PostAsync(practice.Client, ByIds(first, member));
        Assert.Equal("completed", after.Status);
        Assert.Single(Received(factory.Simulator, renewed));
    }

    [Fact]
    public async Task Check_SameCoverageAgain_IsAnsweredFromTheCopyWithoutReadingTheSubject()
    {
        var (practice, first, member) = await RegisteredAsync("XSCE");
        await PostAsync(practice.Client, ByIds(first, member));
        var cache = factory.Services.GetRequiredService<SubjectCache>();

        Assert.True(cache.Holds(practice.Id, first.PatientId, first.CoverageId));
        var (_, again) = await PostAsync(practice.Client, ByIds(first, member));
        Assert.Equal(("completed", first.CoverageId), (again.Status, again.CoverageId));
        Assert.Equal(3, Received(factory.Simulator, member).Count);
    }

    // The first check registers the patient and coverage inline; the ones by id are what the copies serve.
    private async Task<(TestPractice Practice, EligibilityResponse First, string Member)> RegisteredAsync(string prefix)
    {
        var member = Member(prefix);
        var practice = await factory.CreatePracticeAsync();
        var (_, first) = await PostAsync(practice.Client, Request(member));
        Assert.Equal("completed", first.Status);
        return (practice, first, member);
    }

    private static EligibilityRequest ByIds(EligibilityResponse first, string member) => new()
    {
        PatientId = first.PatientId, CoverageId = first.CoverageId, DateOfService = Visit, Provider = Request(member).Provider, Force = true,
    };
}
