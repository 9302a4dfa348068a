using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using DentalClaimsHub.Api.Privacy;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Storage.DmsRegistries;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Protection;
using DentalClaimsHub.Testing;
using DentalClaimsHub.Testing.Postgres;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DentalClaimsHub.Api.Tests.Privacy;

/// <summary>
/// ДМС files and the Data Protection key ring are encrypted in PostgreSQL: the bytes there hold no plaintext, a restarted
/// host reads them, rows stored plain before are encrypted at start-up, and Production will not start without a master key.
/// </summary>
public sealed class EncryptionAtRestTests
{
    private const string Policy = "ПОЛИС-7755-0001";

    static EncryptionAtRestTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task StoredDmsFilesAndKeys_InDatabase_HoldNoPlaintext_AndARestartedHostReadsThem()
    {
        await using var database = await TestDatabase.CreateAsync(nameof(EncryptionAtRestTests));
        var answer = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Samples, "dms", "guarantee-letters", "severnaya-zashchita-answer.csv"));
        var registryFile = Encoding.UTF8.GetBytes($"ФИО;Полис\nИванова Анна Петровна;{Policy}\n");
        Guid registryId;
        string apiKey;
        using (var first = new HubHostOnDatabase(database.ConnectionString, HubApiFactory.MasterKey))
        {
            var practice = await CreatePracticeAsync(first);
            apiKey = practice.ApiKey;
            var form = new MultipartFormDataContent { { new ByteArrayContent(answer), "file", "answer.csv" }, { new StringContent("dms-severnaya"), "insurer" } };
            var imported = await practice.Client.PostAsync("/v1/guarantee-letters/import", form);
            Assert.True(imported.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{imported.StatusCode}: {await imported.Content.ReadAsStringAsync()}");
            registryId = await InDatabaseAsync(first, db =>
            {
                var version = DmsRegistryVersion.Create(practice.Id, "demo-dms-insurer", "2026-10", "DEMO-MED-202610", 1, new DateOnly(2026, 11, 1), "csv",
                    "text/csv", "reestr.csv", registryFile, "00", [], new DmsRegistryTotals(1, 1, 0m, 0m, 0m, 0m, 0m), [], DateTimeOffset.UtcNow,
                    first.Services.GetRequiredService<IStoredFileProtector>());
                db.DmsRegistries.Add(version);
                return version.Id;
            });
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var (messageId, storedAnswer, answerMarker) = await SingleAsync(connection,
            "SELECT id, content, content_protection FROM messages WHERE protocol = 'dms'", r => (r.GetGuid(0), (byte[])r[1], r.GetString(2)));
        var (storedRegistry, registryMarker) = await SingleAsync(connection,
            $"SELECT content, content_protection FROM dms_registries WHERE id = '{registryId}'", r => ((byte[])r[0], r.GetString(1)));
        Assert.Equal(("DataProtection", "DataProtection"), (answerMarker, registryMarker));
        Assert.False(Contains(storedAnswer, Encoding.GetEncoding(1251).GetBytes("Номер заявки;Номер ГП")), "the answer is stored in plain text");
        Assert.False(Contains(storedRegistry, Encoding.UTF8.GetBytes(Policy)), "the registry is stored in plain text");
        var keys = await KeysAsync(connection);
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
            Assert.False(Contains(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(SecretOf(key))), "a key's secret is stored in plain text");
        }

        // A new process on the same database with the same master key.
        using var restarted = new HubHostOnDatabase(database.ConnectionString, HubApiFactory.MasterKey);
        using var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        Assert.Equal(answer, await client.GetByteArrayAsync($"/v1/messages/{messageId}?raw=true"));
        Assert.Equal(registryFile, await client.GetByteArrayAsync($"/v1/dms/registries/{registryId}/file"));
    }

    [Fact]
    public async Task PlainRowsAndKeysStoredBefore_AtStartUp_AreEncryptedAndStillRead()
    {
        await using var database = await TestDatabase.CreateAsync(nameof(EncryptionAtRestTests) + "legacy");
        var file = Encoding.UTF8.GetBytes($"Полис;{Policy}\n");
        Guid messageId;
        Guid registryId;
        byte[] sealedByOldKey;
        string apiKey;
        // Before encryption at rest: no master key (a development host), a ДМС message and a registry file stored plain.
        using (var before = new HubHostOnDatabase(database.ConnectionString, masterKey: null))
        {
            var practice = await CreatePracticeAsync(before);
            apiKey = practice.ApiKey;
            sealedByOldKey = before.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect(file);
            messageId = await InDatabaseAsync(before, db =>
            {
                var message = StoredMessage.Create(MessageDirection.Inbound, "dms", "act", file, "text/csv", DateTimeOffset.UtcNow, "dms-severnaya", practice.Id);
                db.Messages.Add(message);
                return message.Id;
            });
            registryId = await InDatabaseAsync(before, db =>
            {
                var version = DmsRegistryVersion.Create(practice.Id, "demo-dms-insurer", "2026-10", "DEMO-MED-202610", 1, new DateOnly(2026, 11, 1),
                    "csv", "text/csv", "reestr.csv", file, "00", [], new DmsRegistryTotals(1, 1, 0m, 0m, 0m, 0m, 0m), [], DateTimeOffset.UtcNow,
                    before.Services.GetRequiredService<IStoredFileProtector>());
                db.DmsRegistries.Add(version);
                return version.Id;
            });
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        // As rows were before the marker existed (the host's own start-up sweep may have run meanwhile).
        await using (var plain = new NpgsqlCommand(
            "UPDATE messages SET content = @file, content_protection = 'None' WHERE id = @message; " +
            "UPDATE dms_registries SET content = @file, content_protection = 'None' WHERE id = @registry", connection))
        {
            plain.Parameters.AddWithValue("file", file);
            plain.Parameters.AddWithValue("message", messageId);
            plain.Parameters.AddWithValue("registry", registryId);
            await plain.ExecuteNonQueryAsync();
        }

        Assert.Contains(await KeysAsync(connection), k => k.Contains("<masterKey", StringComparison.Ordinal));

        using var after = new HubHostOnDatabase(database.ConnectionString, HubApiFactory.MasterKey);
        // The hosted sweep runs at start-up; running it again waits for nothing and never encrypts twice.
        await after.Services.GetRequiredService<StoredFileProtectionSweep>().ProtectLegacyAsync(CancellationToken.None);
        var (stored, marker) = await SingleAsync(connection, $"SELECT content, content_protection FROM messages WHERE id = '{messageId}'",
            r => ((byte[])r[0], r.GetString(1)));
        var (storedRegistry, registryMarker) = await SingleAsync(connection,
            $"SELECT content, content_protection FROM dms_registries WHERE id = '{registryId}'", r => ((byte[])r[0], r.GetString(1)));
        Assert.Equal(("DataProtection", "DataProtection"), (marker, registryMarker));
        Assert.False(Contains(stored, file), "the message is still plain");
        Assert.False(Contains(storedRegistry, file), "the registry file is still plain");
        Assert.All(await KeysAsync(connection), k => Assert.DoesNotContain("<masterKey", k, StringComparison.Ordinal));
        using var client = after.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        Assert.Equal(file, await client.GetByteArrayAsync($"/v1/messages/{messageId}?raw=true"));
        Assert.Equal(file, await client.GetByteArrayAsync($"/v1/dms/registries/{registryId}/file"));
        Assert.Equal(file, after.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedByOldKey));

        // A host started after the sweep loads the rewritten key through the master-key decryptor.
        using var again = new HubHostOnDatabase(database.ConnectionString, HubApiFactory.MasterKey);
        Assert.Equal(file, again.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedByOldKey));
    }

    [Fact]
    public async Task Start_ProductionWithoutMasterKey_RefusesWithTheSettingToSet()
    {
        await using var database = await TestDatabase.CreateAsync(nameof(EncryptionAtRestTests) + "prod");
        using var host = new HubHostOnDatabase(database.ConnectionString, masterKey: null, environment: "Production");

        var refused = Assert.ThrowsAny<Exception>(() => host.Services);

        var message = string.Join(" | ", Flatten(refused).Select(e => e.Message));
        Assert.Contains("No key-ring master key: set DCH_KEYRING_MASTER_KEY", message, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static async Task<TestPractice> CreatePracticeAsync(HubHostOnDatabase host)
    {
        var now = DateTimeOffset.UtcNow;
        var practice = TestData.Practice("Клиника Шифр", now);
        var (plain, prefix, hash) = DentalClaimsHub.Storage.Access.ApiKeySecret.Generate();
        await InDatabaseAsync(host, db =>
        {
            db.Add(practice);
            db.ApiKeys.Add(DentalClaimsHub.Storage.Access.ApiKey.ForPractice(practice.Id, "key", DentalClaimsHub.Storage.Access.Scopes.Practice, hash,
                prefix, now));
            return practice.Id;
        });
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plain);
        return new TestPractice(practice.Id, plain, client);
    }

    private static async Task<T> InDatabaseAsync<T>(HubHostOnDatabase host, Func<DentalClaimsHub.Storage.HubDbContext, T> add)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DentalClaimsHub.Storage.Tenancy.TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<DentalClaimsHub.Storage.HubDbContext>();
        var result = add(db);
        await db.SaveChangesAsync();
        return result;
    }

    private static async Task<List<string>> KeysAsync(NpgsqlConnection connection)
    {
        var keys = new List<string>();
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static async Task<T> SingleAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), sql);
        var value = read(reader);
        Assert.False(await reader.ReadAsync(), "more than one row: " + sql);
        return value;
    }

    // The key's secret as Data Protection wrote it, recovered with the tests' master key: what must not appear in the row.
    private static string SecretOf(string keyXml)
    {
        var masterKey = KeyRingMasterKey.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection([new(KeyRingMasterKey.Setting, HubApiFactory.MasterKey)]).Build())!;
        var encrypted = XElement.Parse(keyXml).Descendants(MasterKeyXmlEncryptor.ElementName).Single();
        var value = encrypted.Element("value")!.Value;
        var secret = XElement.Parse(masterKey.Decrypt(Convert.FromBase64String(value)));
        return secret.Descendants("value").Single().Value;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
