using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage.Subjects;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace DentalClaimsHub.Storage.Tests.Subjects;

/// <summary>
/// Copies of practices, patients and coverages kept in memory must end when the rows change: at once for a change this
/// instance saves through EF, and on PostgreSQL's notification for any other.
/// </summary>
public sealed class SubjectChangesTests(StorageDatabase database) : IClassFixture<StorageDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private Guid _practice;
    private Guid _coverage;

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        var practice = Practice.Create("Subjects Practice", "US", "America/Chicago", Now, Npi.Parse("1234567893"));
        var patient = Patient.Create(practice.Id, new PersonName("Subject", "Pat"), new DateOnly(1980, 1, 2), Sex.Female, Now);
        var coverage = Coverage.Create(practice.Id, patient.Id, "SUBJPAYER", "M1", CoverageOrder.Primary, SubscriberRelationship.Self, Now);
        db.AddRange(practice, patient, coverage);
        await db.SaveChangesAsync();
        (_practice, _coverage) = (practice.Id, coverage.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SaveChanges_ChangedCoverage_MovesTheGenerationBeforeTheSaveReturns()
    {
        using var host = Host();
        var changes = host.Services.GetRequiredService<SubjectChanges>();
        await using var scope = SystemScope(host);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var coverage = await db.Coverages.SingleAsync(c => c.Id == _coverage);
        var before = changes.Generation;

        coverage.Update("SUBJPAYER", "M2", CoverageOrder.Primary, SubscriberRelationship.Self, Now);
        await db.SaveChangesAsync();

        Assert.True(changes.Generation > before);
    }

    [Fact]
    public async Task SaveChanges_NewRowsOnly_LeaveTheGenerationAlone()
    {
        using var host = Host();
        var changes = host.Services.GetRequiredService<SubjectChanges>();
        await using var scope = SystemScope(host);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var before = changes.Generation;

        db.Patients.Add(Patient.Create(_practice, new PersonName("New", "Pat"), new DateOnly(1990, 3, 4), Sex.Male, Now));
        await db.SaveChangesAsync();

        Assert.Equal(before, changes.Generation);
    }

    [Fact]
    public async Task SaveChanges_InsideATransaction_MovesTheGenerationAtItsCommit()
    {
        using var host = Host();
        var changes = host.Services.GetRequiredService<SubjectChanges>();
        await using var scope = SystemScope(host);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var coverage = await db.Coverages.SingleAsync(c => c.Id == _coverage);
        coverage.Update("SUBJPAYER", "M3", CoverageOrder.Primary, SubscriberRelationship.Self, Now);
        await db.SaveChangesAsync();
        var saved = changes.Generation;

        await transaction.CommitAsync();

        // A copy loaded between the save and the commit read the old row: the commit must end it.
        Assert.True(changes.Generation > saved);
    }

    [Fact]
    public async Task Listener_ChangeMadeBySqlBehindTheHub_MovesTheGenerationWhenPostgresNotifies()
    {
        using var host = Host(listen: true);
        var changes = host.Services.GetRequiredService<SubjectChanges>();
        Assert.False(changes.Watched);
        await host.StartAsync();
        await WaitUntilAsync(() => changes.Watched);
        var before = changes.Generation;

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand("UPDATE coverages SET member_id = 'M9' WHERE id = $1", connection)
            {
                Parameters = { new NpgsqlParameter { Value = _coverage } },
            };
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        await WaitUntilAsync(() => changes.Generation > before);
        await host.StopAsync();
        Assert.False(changes.Watched);
    }

    [Fact]
    public async Task Listener_DatabaseUnreachable_NothingIsWatched()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = 1, Timeout = 1 }.ConnectionString;
        using var host = Host(listen: true, unreachable);
        var changes = host.Services.GetRequiredService<SubjectChanges>();
        await host.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.False(changes.Watched);
        await host.StopAsync();
    }

    private IHost Host(bool listen = false, string? connectionString = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Hub"] = connectionString ?? database.ConnectionString;
        builder.AddHubStorage();
        if (listen)
        {
            builder.Services.AddHostedService<SubjectChangeListener>();
        }

        return builder.Build();
    }

    private static AsyncServiceScope SystemScope(IHost host)
    {
        var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        return scope;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "Not within 10 s.");
            await Task.Delay(20);
        }
    }
}
