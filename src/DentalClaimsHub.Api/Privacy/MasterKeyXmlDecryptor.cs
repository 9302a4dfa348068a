using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace DentalClaimsHub.Api.Privacy;

/// <summary>
/// Decrypts what <see cref="MasterKeyXmlEncryptor"/> wrote. Data Protection creates it by type name with the service
/// provider, so it finds the master key there.
/// </summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var masterKey = services.GetService<KeyRingMasterKey>() ?? throw new InvalidOperationException(
            $"The Data Protection key ring is encrypted but no master key is configured: set {KeyRingMasterKey.EnvironmentVariable}.");
        var wanted = (string?)encryptedElement.Attribute("masterKeyId");
        if (wanted != masterKey.Id)
        {
            throw new CryptographicException(
                $"A Data Protection key was encrypted with master key {wanted}, but the configured " +
                $"{KeyRingMasterKey.EnvironmentVariable} is {masterKey.Id}.");
        }

        var value = encryptedElement.Element("value")?.Value ?? throw new CryptographicException("The encrypted key has no value.");
        return XElement.Parse(masterKey.Decrypt(Convert.FromBase64String(value)));
    }
}
