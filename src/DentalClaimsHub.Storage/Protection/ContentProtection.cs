namespace DentalClaimsHub.Storage.Protection;

/// <summary>
/// How a stored file's bytes are kept. The marker, not a guess from the bytes, says whether they need decrypting: rows
/// written before encryption at rest are <see cref="None"/> until the start-up sweep protects them.
/// </summary>
public enum ContentProtection
{
    /// <summary>Plain bytes (files stored before encryption at rest, and protocols that are not encrypted).</summary>
    None,

    /// <summary>Encrypted with the hub's <see cref="IStoredFileProtector"/> (ASP.NET Core Data Protection).</summary>
    DataProtection,
}

/// <summary>Encrypts and decrypts the files the hub keeps (ДМС registries, acts, guarantee letters, rosters).</summary>
public interface IStoredFileProtector
{
    byte[] Protect(byte[] plain);

    byte[] Unprotect(byte[] protectedBytes);
}
