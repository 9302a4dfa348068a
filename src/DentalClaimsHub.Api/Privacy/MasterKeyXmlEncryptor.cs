using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace DentalClaimsHub.Api.Privacy;

/// <summary>
/// Encrypts the secret part of each Data Protection key with the <see cref="KeyRingMasterKey"/> before it reaches the database.
/// </summary>
public sealed class MasterKeyXmlEncryptor(KeyRingMasterKey masterKey) : IXmlEncryptor
{
    public static readonly XName ElementName = "encryptedWithMasterKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var element = new XElement(ElementName,
            new XComment(" The key's secret, AES-256-GCM with the hub's key-ring master key (DCH_KEYRING_MASTER_KEY). "),
            new XAttribute("masterKeyId", masterKey.Id),
            new XElement("value", Convert.ToBase64String(masterKey.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting)))));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}
