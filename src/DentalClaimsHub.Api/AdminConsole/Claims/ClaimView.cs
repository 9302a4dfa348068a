using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Messages;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.AdminConsole.Claims;

/// <summary>A raw message exchanged about a claim, as the console lists it.</summary>
public sealed record ClaimMessage(Guid Id, MessageDirection Direction, string Protocol, string TransactionType, string? ControlNumber,
    DateTimeOffset At, string ContentType, string Text);

/// <summary>Everything the claim page shows.</summary>
public sealed record ClaimDetails(Claim Claim, Patient Patient, string PracticeName, string PayerName, IReadOnlyList<ClaimMessage> Messages);

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
        return new ClaimDetails(claim, patient, practice, payers.Find(claim.PayerId)?.DisplayName ?? claim.PayerId, messages);
    }

    private static string Text(byte[] content) => System.Text.Encoding.UTF8.GetString(content);
}
