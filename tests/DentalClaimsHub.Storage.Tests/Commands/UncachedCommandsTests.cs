using System.Data.Common;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DentalClaimsHub.Storage.Tests.Commands;

/// <summary>
/// Each statement EF runs gets a command of its own. The connection's reusable command would keep the last statement's
/// SQL and parameters reachable from a pooled context's connection long after the statement ran.
/// </summary>
public sealed class UncachedCommandsTests(StorageDatabase database) : IClassFixture<StorageDatabase>
{
    [Fact]
    public async Task TwoQueriesOnOneConnection_EachGetANewCommand()
    {
        var seen = new CommandsSeen();
        var options = new DbContextOptionsBuilder<HubDbContext>();
        options.UseHubDatabase(database.ConnectionString).AddInterceptors(seen);
        await using var db = HubDbContext.Create(options.Options, TenantContext.System());
        await db.Database.OpenConnectionAsync();

        await db.Practices.AnyAsync();
        await db.Practices.AnyAsync();

        Assert.Equal(2, seen.Commands.Count);
        Assert.NotSame(seen.Commands[0], seen.Commands[1]);
        Assert.All(seen.Commands, command => Assert.Same(db.Database.GetDbConnection(), command.Connection));
        // The connection's own reusable command was never handed to EF.
        await using var reusable = ((NpgsqlConnection)db.Database.GetDbConnection()).CreateCommand();
        Assert.DoesNotContain(reusable, seen.Commands);
    }

    private sealed class CommandsSeen : DbCommandInterceptor
    {
        public List<DbCommand> Commands { get; } = [];

        public override DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result)
        {
            Commands.Add(result);
            return result;
        }
    }
}
