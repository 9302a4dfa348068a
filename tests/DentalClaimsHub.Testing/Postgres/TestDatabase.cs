using Npgsql;

namespace DentalClaimsHub.Testing.Postgres;

/// <summary>
/// A fresh PostgreSQL database for one test class, created on the server that <c>./hub test</c> started
/// (<c>DCH_TEST_DATABASE</c>, else <c>DCH_DATABASE</c>) and dropped afterwards. There is no fallback: a test that
/// needs PostgreSQL fails when no server is configured.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private TestDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("DCH_TEST_DATABASE")
        ?? Environment.GetEnvironmentVariable("DCH_DATABASE")
        ?? throw new InvalidOperationException(
            "No PostgreSQL server for tests: run them through ./hub test, or set DCH_TEST_DATABASE to an Npgsql connection string.");

    /// <summary>Creates the database on <paramref name="serverConnectionString"/>, or else on <see cref="ServerConnectionString"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(string purpose, string? serverConnectionString = null)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString ?? ServerConnectionString);
        var name = $"dch_t_{Sanitise(purpose)}_{Guid.NewGuid():N}"; // at most 51 characters: PostgreSQL allows 63
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        return new TestDatabase(admin.ConnectionString, name, target.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Sanitise(string purpose)
    {
        var chars = purpose.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')).Take(12).ToArray();
        return new string(chars);
    }
}
