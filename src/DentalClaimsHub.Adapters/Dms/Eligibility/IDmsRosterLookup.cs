using DentalClaimsHub.Domain.Patients;

namespace DentalClaimsHub.Adapters.Dms.Eligibility;

/// <summary>What the imported rosters say about one policy at one clinic: its periods, newest first.</summary>
/// <param name="RosterExists">False when the insurer never sent this clinic a roster: then the stored policy terms are all there is.</param>
/// <param name="Periods">The periods of the person with this policy and ФИО.</param>
/// <param name="PolicyUnderOtherName">The policy is on the roster, but under another ФИО.</param>
public sealed record DmsRosterStanding(bool RosterExists, IReadOnlyList<DmsRosterPeriod> Periods, bool PolicyUnderOtherName);

/// <summary>One attachment period with its terms; <paramref name="Limit"/> is the programme's sum limit in roubles.</summary>
public sealed record DmsRosterPeriod(
    DateOnly? AttachedFrom, DateOnly? DetachedFrom, string? ProgramCode, string? ProgramName, decimal? FranchisePercent,
    IReadOnlyList<string> Exclusions, string? ContractNumber, string? Policyholder, decimal? Limit = null)
{
    public bool IsActiveOn(DateOnly date) => (AttachedFrom is not { } from || date >= from) && (DetachedFrom is not { } to || date < to);
}

/// <summary>Reads the clinic's ДМС memberships (implemented over the database by the host).</summary>
public interface IDmsRosterLookup
{
    Task<DmsRosterStanding> FindAsync(Guid practiceId, string payerId, string policyNumber, PersonName name, CancellationToken cancellationToken);
}
