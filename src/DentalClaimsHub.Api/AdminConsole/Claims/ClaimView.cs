using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.AdminConsole;
using DentalClaimsHub.Storage.Messages;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.AdminConsole.Claims;

/// <summary>A raw message exchanged about a claim, as the console lists it.</summary>
public sealed record ClaimMessage(Guid Id, MessageDirection Direction, string Protocol, string TransactionType, string? ControlNumber,
    DateTimeOffset At, string ContentType, string Text);

/// <summary>A console action on the claim, with the user's display name.</summary>
public sealed record ClaimActivityView(DateTimeOffset At, ClaimActivityKind Kind, string? Text, string UserName, Guid? RelatedClaimId);

/// <summary>Everything the claim page shows.</summary>
public sealed record ClaimDetails(Claim Claim, Patient Patient, string PracticeName, string PayerName, IReadOnlyList<ClaimMessage> Messages,
    IReadOnlyList<ClaimActivityView> Activities, string? OriginalPatientControlNumber, IReadOnlyList<(Guid Id, string Pcn, ClaimFrequency Frequency)> FollowUps);

/// <summary>Loads a claim with its patient, practice, payer and every raw message linked to it, hub-wide.</summary>
public sealed class ClaimView(IDbContextFactory<HubDbContext> contexts, PayerProfileCatalog payers)
{
    public async Task<ClaimDetails?> LoadAsync(Guid claimId, CancellationToken ct)
    {
        await using var db = contexts.CreateHubWideContext();
        var claim = await db.Claims.AsNoTracking().AsSplitQuery().Include(c => c.Lines).SingleOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null)
        {
            return null;
        }

        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == claim.PatientId, ct);
        var practice = await db.Practices.AsNoTracking().Where(p => p.Id == claim.PracticeId).Select(p => p.Name).SingleAsync(ct);
        var stored = await db.Messages.AsNoTracking().Where(m => m.LinkedIds.Contains(claimId)).OrderBy(m => m.ReceivedAt).ToListAsync(ct);
        var messages = stored.Select(m => new ClaimMessage(m.Id, m.Direction, m.Protocol, m.TransactionType,
            m.TransactionControlNumbers.FirstOrDefault() ?? m.InterchangeControlNumber, m.ReceivedAt, m.ContentType, Text(m.Content))).ToList();
        var activities = await (
            from a in db.ClaimActivities.AsNoTracking().Where(a => a.ClaimId == claimId)
            join u in db.Users.AsNoTracking() on a.UserId equals u.Id into users
            from u in users.DefaultIfEmpty()
            orderby a.At
            select new ClaimActivityView(a.At, a.Kind, a.Text, u == null ? "?" : u.DisplayName, a.RelatedClaimId)).ToListAsync(ct);
        var original = claim.OriginalClaimId is { } originalId
            ? await db.Claims.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == originalId).Select(c => c.PatientControlNumber).SingleOrDefaultAsync(ct)
            : null;
        var followUps = (await db.Claims.AsNoTracking().IgnoreAutoIncludes().Where(c => c.OriginalClaimId == claimId)
            .Select(c => new { c.Id, c.PatientControlNumber, c.Frequency }).ToListAsync(ct)).Select(c => (c.Id, c.PatientControlNumber, c.Frequency)).ToList();
        return new ClaimDetails(claim, patient, practice, payers.Find(claim.PayerId)?.DisplayName ?? claim.PayerId, messages, activities, original,
            followUps);
    }

    private static string Text(byte[] content) => System.Text.Encoding.UTF8.GetString(content);
}
