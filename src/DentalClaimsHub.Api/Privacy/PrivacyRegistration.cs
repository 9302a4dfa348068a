using DentalClaimsHub.Api.Rosters;
using DentalClaimsHub.Storage.Protection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Privacy;

public static class PrivacyRegistration
{
    /// <summary>
    /// Data Protection with its key ring in the database, encrypted there with the configured master key; the stored-file
    /// protector every ДМС file goes through; and the start-up sweep that encrypts what was stored before. Production
    /// refuses to start without a master key; elsewhere the keys stay readable in the database (with a warning).
    /// </summary>
    public static WebApplicationBuilder AddHubDataProtection(this WebApplicationBuilder builder)
    {
        var masterKey = KeyRingMasterKey.FromConfiguration(builder.Configuration);
        if (masterKey is null && builder.Environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"No key-ring master key: set {KeyRingMasterKey.EnvironmentVariable} (or {KeyRingMasterKey.Setting}) to 32 random " +
                "bytes in base64 (openssl rand -base64 32). Production does not keep the Data Protection keys, which decrypt the " +
                "stored ДМС files, unencrypted.");
        }

        if (masterKey is not null)
        {
            builder.Services.AddSingleton(masterKey);
        }

        builder.Services.AddDataProtection().SetApplicationName("DentalClaimsHub");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new DatabaseXmlRepository(services.GetRequiredService<IServiceScopeFactory>());
            if (masterKey is not null)
            {
                o.XmlEncryptor = new MasterKeyXmlEncryptor(masterKey);
            }
        }));
        builder.Services.AddSingleton<IStoredFileProtector, StoredFileProtector>();
        builder.Services.AddSingleton<StoredFileProtectionSweep>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StoredFileProtectionSweep>());
        return builder;
    }
}
