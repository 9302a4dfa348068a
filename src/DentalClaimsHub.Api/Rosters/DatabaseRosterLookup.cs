using DentalClaimsHub.Adapters.Dms.Eligibility;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Rosters;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Rosters;

/// <summary>ДМС eligibility's view of the memberships the roster imports wrote, matched on policy key and normalised ФИО.</summary>
public sealed class DatabaseRosterLookup(IServiceScopeFactory scopes) : IDmsRosterLookup
{
    public async Task<DmsRosterStanding> FindAsync(Guid practiceId, string payerId, string policyNumber, PersonName name,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UsePractice(practiceId);
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var memberships = db.DmsMemberships.AsNoTracking().Where(m => m.PracticeId == practiceId && m.PayerId == payerId);
        if (!await memberships.AnyAsync(cancellationToken))
        {
            return new DmsRosterStanding(false, [], false);
        }

        var policyKey = new RosterMember(policyNumber, name, null).PolicyKey;
        var periods = await memberships.Where(m => m.PolicyKey == policyKey).OrderByDescending(m => m.AttachedFrom).ToListAsync(cancellationToken);
        var mine = periods.Where(m => m.NameKey == name.NormalisedKey).ToList();
        return new DmsRosterStanding(true,
            [.. mine.Select(m => new DmsRosterPeriod(m.AttachedFrom, m.DetachedFrom, m.ProgramCode, m.ProgramName, m.FranchisePercent, m.Exclusions,
                m.ContractNumber, m.Policyholder, m.LimitAmount))],
            mine.Count == 0 && periods.Count > 0);
    }
}
