using DentalClaimsHub.Storage.Protection;
using Microsoft.AspNetCore.DataProtection;

namespace DentalClaimsHub.Api.Privacy;

/// <summary>
/// The hub's one protector for stored files, on ASP.NET Core Data Protection (keys shared by every instance through the database).
/// </summary>
public sealed class StoredFileProtector(IDataProtectionProvider protection) : IStoredFileProtector
{
    // The purpose roster files were first stored under: kept, so files stored before every ДМС file shared it stay readable.
    public const string Purpose = "DentalClaimsHub.Rosters.File.v1";

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    public byte[] Protect(byte[] plain) => protector.Protect(plain);

    public byte[] Unprotect(byte[] protectedBytes) => protector.Unprotect(protectedBytes);
}
