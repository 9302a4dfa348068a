namespace DentalClaimsHub.Storage.Rosters;

/// <summary>An ASP.NET Core Data Protection key ring entry, shared by every hub instance through the database.</summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}
