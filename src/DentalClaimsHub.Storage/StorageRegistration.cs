using System.Data.Common;
using System.Diagnostics;
using DentalClaimsHub.Storage.Commands;
using DentalClaimsHub.Storage.ControlNumbers;
using DentalClaimsHub.Storage.Inbox;
using DentalClaimsHub.Storage.Outbox;
using DentalClaimsHub.Storage.Subjects;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace DentalClaimsHub.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// The connection string: <c>ConnectionStrings:Hub</c>, else the <c>DCH_DATABASE</c> environment variable that
    /// <c>./hub</c> exports.
    /// </summary>
    public static string HubConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString("Hub")
        ?? configuration["DCH_DATABASE"]
        ?? throw new InvalidOperationException(
            "No database configured: set ConnectionStrings:Hub (or DCH_DATABASE) to an Npgsql connection string.");

    public static IHostApplicationBuilder AddHubStorage(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.HubConnectionString();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        // Pooled: building a context's options and internal services per scope cost more CPU than most queries. Each
        // scope leases one and binds it to the scope's tenant; disposing the scope returns it unbound.
        builder.Services.AddSingleton<SubjectChanges>();
        builder.Services.AddPooledDbContextFactory<HubDbContext>((services, options) => options.UseHubDatabase(connectionString)
            .AddInterceptors(new SubjectChangeInterceptor(services.GetRequiredService<SubjectChanges>())));
        builder.Services.AddScoped(services =>
        {
            var db = services.GetRequiredService<IDbContextFactory<HubDbContext>>().CreateDbContext();
            db.Bind(services.GetRequiredService<ITenantContext>(), services.GetService<OutboxSignal>());
            return db;
        });
        builder.Services.Configure<GroupCommitOptions>(builder.Configuration.GetSection("Hub:GroupCommit"));
        builder.Services.AddSingleton<NewRowsWriter>();
        builder.Services.AddScoped<ControlNumberAllocator>();
        builder.Services.AddScoped<InboxGuard>();
        return builder;
    }

    public static DbContextOptionsBuilder UseHubDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithHubDefaults(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")
                .ConfigureDataSource(dataSource => dataSource.ConfigureTracing(tracing => tracing
                    // Commands outside any trace are the background loops' polls (the outbox, the sweeper, the status
                    // poller, every half second on every instance): as root spans they would drown the traces that matter.
                    .ConfigureCommandFilter(_ => Activity.Current is not null)
                    .ConfigureBatchFilter(_ => Activity.Current is not null)
                    .EnableFirstResponseEvent(false))))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(UncachedCommands.Instance);

    /// <summary>
    /// Unless the connection string says otherwise: statements the hub runs again and again (check inserts, message rows,
    /// subject lookups) are prepared once per physical connection instead of parsed and planned every time; and a pooled
    /// connection is not reset on its way back to the pool, because the hub never changes session state (no SET, no
    /// session locks, no LISTEN, no temporary tables). Together they cut PostgreSQL's CPU per eligibility check by a
    /// third in the load benchmark.
    /// </summary>
    public static string WithHubDefaults(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers "is this a keyword", not "was it given": ask the plain builder.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Given(params string[] keywords) => keywords.Any(given.ContainsKey);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Given("Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            if (!Given("Auto Prepare Min Usages", "AutoPrepareMinUsages"))
            {
                builder.AutoPrepareMinUsages = 3;
            }
        }

        if (!Given("No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// The connection string the context was configured with, password included. <c>GetConnectionString()</c> answers
    /// the data source's copy, which Npgsql strips of the password once a data source is built (tracing configures one).
    /// </summary>
    public static string FullConnectionString(this DatabaseFacade database) =>
        RelationalOptionsExtension.Extract(database.GetService<IDbContextOptions>()).ConnectionString
        ?? database.GetConnectionString()
        ?? throw new InvalidOperationException("The context has no connection string.");

    /// <summary>Creates the database when missing, then applies pending migrations.</summary>
    public static async Task MigrateHubDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await EnsureDatabaseExistsAsync(db.Database.FullConnectionString(), cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    // EF's own existence probe logs a connection error when the database is missing; ask the server instead.
    private static async Task EnsureDatabaseExistsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database ?? "");
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
