using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DentalClaimsHub.Storage.Subjects;

/// <summary>
/// Listens on its own connection for the notification PostgreSQL sends after any statement that updates, deletes or
/// truncates practices, patients or coverages (a trigger, whoever runs the statement), and moves
/// <see cref="SubjectChanges.Generation"/> on. While the connection is down nothing is <see cref="SubjectChanges.Watched"/>:
/// copies are not used, and every copy made before is dropped once it listens again. A connection that went quiet is
/// checked every <see cref="ProbeInterval"/>.
/// </summary>
public sealed partial class SubjectChangeListener(IConfiguration configuration, SubjectChanges changes, TimeProvider time,
    ILogger<SubjectChangeListener> logger) : BackgroundService
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.HubConnectionString())
        {
            // Its own physical connection: LISTEN is session state, which the pooled connections must never carry.
            Pooling = false,
            ApplicationName = "dch-subject-changes",
        }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Whatever broke the connection, the hub goes on (an exception out of a hosted service would stop it), only
                // without copies until this listens again (finally).
                LogLost(logger, ex.GetType().Name);
            }
            finally
            {
                changes.NotListening();
            }

            try
            {
                await Task.Delay(RetryAfter, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, _) => changes.Changed();
        await using (var listen = new NpgsqlCommand($"LISTEN {SubjectChanges.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        changes.Listening();
        while (true)
        {
            if (!await connection.WaitAsync(ProbeInterval, stoppingToken))
            {
                await using var probe = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = 5 };
                await probe.ExecuteScalarAsync(stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Lost the database's notifications of practice, patient and coverage changes ({ExceptionType}); copies are not used until they are back")]
    private static partial void LogLost(ILogger logger, string exceptionType);
}
