using System.Xml.Linq;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Protection;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Privacy;

/// <summary>
/// Once at start-up (after the migrations), encrypts what was stored before encryption at rest: ДМС messages and registry
/// files marked <see cref="ContentProtection.None"/>, and key-ring keys whose secret is still plain. Not an EF migration:
/// SQL cannot reach the key ring nor the master key. Each row is rewritten by a conditional UPDATE (still unprotected,
/// still the same XML), so instances sweeping at once, or a sweep cut off half-way, never encrypt twice; readers go by
/// the marker, so a row not swept yet still reads.
/// </summary>
public sealed partial class StoredFileProtectionSweep(IServiceScopeFactory scopes, IStoredFileProtector protector,
    IServiceProvider services, ILogger<StoredFileProtectionSweep> logger) : BackgroundService
{
    private const int Batch = 100;

    // Data Protection's own markers (XmlConstants): the element to encrypt, and the wrapper naming its decryptor.
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var (messages, registries, keys) = await ProtectLegacyAsync(stoppingToken);
            if (messages + registries + keys > 0)
            {
                LogSwept(logger, messages, registries, keys);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, exception);
        }
    }

    /// <summary>Encrypts every legacy plain row; returns how many messages, registry files and keys it encrypted.</summary>
    public async Task<(int Messages, int Registries, int Keys)> ProtectLegacyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var messages = 0;
        while (await db.Messages.AsNoTracking().Where(m => m.Protocol == "dms" && m.ContentProtection == ContentProtection.None)
                   .OrderBy(m => m.Id).Select(m => new { m.Id, m.Content }).Take(Batch)
                   .ToListAsync(cancellationToken) is { Count: > 0 } plain)
        {
            foreach (var row in plain)
            {
                var sealedBytes = protector.Protect(row.Content);
                messages += await db.Messages.Where(m => m.Id == row.Id && m.ContentProtection == ContentProtection.None)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.Content, sealedBytes)
                        .SetProperty(m => m.ContentProtection, ContentProtection.DataProtection), cancellationToken);
            }
        }

        var registries = 0;
        while (await db.DmsRegistries.AsNoTracking().Where(r => r.ContentProtection == ContentProtection.None)
                   .OrderBy(r => r.Id).Select(r => new { r.Id, r.Content }).Take(Batch)
                   .ToListAsync(cancellationToken) is { Count: > 0 } plain)
        {
            foreach (var row in plain)
            {
                var sealedBytes = protector.Protect(row.Content);
                registries += await db.DmsRegistries.Where(r => r.Id == row.Id && r.ContentProtection == ContentProtection.None)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Content, sealedBytes)
                        .SetProperty(r => r.ContentProtection, ContentProtection.DataProtection), cancellationToken);
            }
        }

        return (messages, registries, await ProtectKeysAsync(db, cancellationToken));
    }

    // Rewrites plain keys the way Data Protection writes new ones: each element marked requiresEncryption becomes
    // <encryptedSecret decryptorType="…"> around the encryptor's output.
    private async Task<int> ProtectKeysAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        if (services.GetService<KeyRingMasterKey>() is not { } masterKey)
        {
            LogNoMasterKey(logger, KeyRingMasterKey.EnvironmentVariable);
            return 0;
        }

        var encryptor = new MasterKeyXmlEncryptor(masterKey);
        var keys = 0;
        foreach (var key in await db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken))
        {
            var element = XElement.Parse(key.Xml);
            var plain = element.Descendants().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList();
            if (plain.Count == 0)
            {
                continue;
            }

            foreach (var secret in plain)
            {
                var encrypted = encryptor.Encrypt(new XElement(secret));
                secret.ReplaceWith(new XElement(EncryptedSecret,
                    new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
            }

            var xml = element.ToString(SaveOptions.DisableFormatting);
            keys += await db.DataProtectionKeys.Where(k => k.Id == key.Id && k.Xml == key.Xml)
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.Xml, xml), cancellationToken);
        }

        return keys;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Encrypted at rest what was stored plain: {Messages} ДМС messages, {Registries} registry files, {Keys} key-ring keys")]
    private static partial void LogSwept(ILogger logger, int messages, int registries, int keys);

    [LoggerMessage(Level = LogLevel.Error, Message = "Encrypting the plain stored files and keys failed; the next start tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No key-ring master key ({Variable}): the Data Protection keys are kept unencrypted in the database (outside Production only)")]
    private static partial void LogNoMasterKey(ILogger logger, string variable);
}
