namespace DentalClaimsHub.Storage.Tenancy;

/// <summary>
/// Whose data the current unit of work may see. Every tenant-owned table is filtered through this in one place
/// (the EF global query filters of <see cref="HubDbContext"/>).
/// </summary>
public interface ITenantContext
{
    /// <summary>The practice the caller acts for, or null for a caller with no practice (an insurer key).</summary>
    Guid? PracticeId { get; }

    /// <summary>True for trusted background work (dispatcher, seeding, migrations) that may see every tenant.</summary>
    bool IsSystem { get; }
}

/// <summary>The mutable, per-scope tenant: set once by authentication (or by background work) and read by the DbContext.</summary>
public sealed class TenantContext : ITenantContext
{
    public Guid? PracticeId { get; private set; }

    public bool IsSystem { get; private set; }

    public static TenantContext System() => new() { IsSystem = true };

    public void UsePractice(Guid practiceId)
    {
        PracticeId = practiceId;
        IsSystem = false;
    }

    public void UseSystem()
    {
        PracticeId = null;
        IsSystem = true;
    }
}
