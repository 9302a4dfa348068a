using DentalClaimsHub.Storage.DmsActs;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Storage;

// ДМС reconciliation acts and their lines; the lines are the console's work queue of refusals and unmatched services.
public sealed partial class HubDbContext
{
    public DbSet<DmsAct> DmsActs => Set<DmsAct>();

    public DbSet<DmsActLine> DmsActLines => Set<DmsActLine>();
}
