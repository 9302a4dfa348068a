using System.Globalization;
using DentalClaimsHub.Api.AdminConsole.Identity;
using DentalClaimsHub.Api.Remittances;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.AdminConsole;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Remittances;

/// <summary>A claim a person may assign an unmatched payment to.</summary>
public sealed record ClaimCandidate(Guid Id, string PatientControlNumber);

/// <summary>
/// Assigns a claim payment that matched no claim to a claim of the same payer (and the remittance's practice) and posts it
/// the way <see cref="RemittancePoster"/> posts a matched one, with the audit row in the same save. Billing and admin only.
/// </summary>
public sealed class PaymentAssignment(
    IServiceScopeFactory scopes, ConsoleSession session, TimeProvider time, IStringLocalizer<ConsoleText> words, PaymentNoteText notes)
{
    /// <summary>Claims of the remittance's payer and practice whose number starts with <paramref name="number"/> (at most 20).</summary>
    public async Task<IReadOnlyList<ClaimCandidate>> CandidatesAsync(Guid remittanceId, string number, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var remittance = await db.Remittances.AsNoTracking().Where(r => r.Id == remittanceId).Select(r => new { r.PayerId, r.PracticeId }).SingleOrDefaultAsync(ct);
        if (remittance is null || string.IsNullOrWhiteSpace(number))
        {
            return [];
        }

        var prefix = number.Trim();
        return await db.Claims.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => c.PayerId == remittance.PayerId && c.PracticeId == remittance.PracticeId && c.PatientControlNumber.StartsWith(prefix))
            .OrderBy(c => c.PatientControlNumber).Take(20).Select(c => new ClaimCandidate(c.Id, c.PatientControlNumber)).ToListAsync(ct);
    }

    /// <summary>
    /// Assigns and posts; returns the posting's note in the user's language (what it changed or why the claim's state stayed), or throws when not allowed
    /// (<see cref="InvalidOperationException"/> with its message in the user's language, for the page to show).
    /// </summary>
    public async Task<string?> AssignAsync(Guid remittanceId, Guid paymentId, Guid claimId, CancellationToken ct)
    {
        var user = await session.UserAsync();
        if (!user.IsInRole(ConsoleRoles.Billing) && !user.IsInRole(ConsoleRoles.Admin))
        {
            throw new UnauthorizedAccessException("Only billing specialists and administrators may assign a payment.");
        }

        var by = await session.UserIdAsync();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var remittance = await db.Remittances.Include(r => r.ClaimPayments).SingleOrDefaultAsync(r => r.Id == remittanceId, ct)
            ?? throw new InvalidOperationException(words["Remittance.Problem.NoRemittance"]);
        if (remittance.Status != RemittanceStatus.Posted)
        {
            throw new InvalidOperationException(string.Format(CultureInfo.CurrentCulture, words["Remittance.Problem.NotPosted"],
                words["RemittanceStatus." + remittance.Status]));
        }

        var payment = remittance.ClaimPayments.SingleOrDefault(p => p.Id == paymentId) ?? throw new InvalidOperationException(words["Remittance.Problem.NoPayment"]);
        if (!payment.NeedsReview)
        {
            throw new InvalidOperationException(words["Remittance.Problem.AlreadyMatched"]);
        }

        var claim = await db.Claims.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == claimId, ct) ?? throw new InvalidOperationException(words["Remittance.Problem.NoClaim"]);
        if (claim.PayerId != remittance.PayerId || claim.PracticeId != remittance.PracticeId)
        {
            throw new InvalidOperationException(words["Remittance.Problem.OtherClaim"]);
        }

        var now = time.GetUtcNow();
        var note = await scope.ServiceProvider.GetRequiredService<RemittancePoster>().PostManualMatchAsync(remittance, payment, claim, now, ct);
        ConsoleAudit.RecordAction(db, by, now, "payment.assigned", "claim-payment", payment.Id, remittance.PracticeId,
            new { remittance = remittance.Id, claim = claim.Id });
        await db.SaveChangesAsync(ct);
        return note is null ? null : notes.Render(note);
    }
}
