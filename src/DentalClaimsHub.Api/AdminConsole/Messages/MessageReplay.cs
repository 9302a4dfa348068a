using DentalClaimsHub.Api.AdminConsole.Identity;
using DentalClaimsHub.Api.Inbound;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.AdminConsole;
using DentalClaimsHub.Storage.Messages;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.AdminConsole.Messages;

/// <summary>What a replay did: the ingest's own answer, or why nothing was fed to it.</summary>
public sealed record ReplayOutcome(bool Replayed, string? Refusal, InboundResult? Result);

/// <summary>
/// Feeds a stored inbound file's bytes through the same ingestor /inbound uses (X12 or FHIR), as if the payer had sent it
/// again. The ingest deduplicates by SHA-256 (and X12 sender + ISA13), so a replay of a file the hub already stored is
/// answered "already received" and changes nothing; it is idempotent exactly as the ingest is. A file the hub holds, X12 or
/// FHIR (kept but not applied: unreadable or only partly understood, nothing linked to it — <see cref="InboundHold.IsHeld"/>)
/// is applied again as the same stored file, which is what it was kept for, with no acknowledgement sent again; once anything
/// is applied from it, it is no longer held and a further replay changes nothing. Administrators only; every replay is
/// audited with its outcome.
/// </summary>
public sealed class MessageReplay(IDbContextFactory<HubDbContext> contexts, IServiceScopeFactory scopes, ConsoleSession session, TimeProvider time)
{
    public const string Source = "console-replay";

    public async Task<ReplayOutcome> ReplayAsync(Guid messageId, CancellationToken ct)
    {
        var user = await session.UserAsync();
        if (!user.IsInRole(ConsoleRoles.Admin))
        {
            throw new UnauthorizedAccessException("Only an administrator may replay a message.");
        }

        var by = await session.UserIdAsync();
        StoredMessage? message;
        await using (var db = contexts.CreateHubWideContext())
        {
            message = await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == messageId, ct);
        }

        if (message is null)
        {
            return new ReplayOutcome(false, "not-found", null);
        }

        var refusal = message.Direction != MessageDirection.Inbound ? "not-inbound"
            : message.PayerId is null ? "no-payer"
            : message.Protocol is not ("x12" or "fhir") ? "protocol"
            : null;
        InboundResult? result = null;
        var reapplied = false;
        if (refusal is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            reapplied = InboundHold.IsHeld(message);
            var services = scope.ServiceProvider;
            result = (message.Protocol, reapplied) switch
            {
                ("x12", true) => await services.GetRequiredService<InboundX12Ingestor>().ReapplyAsync(message.PayerId!, message.Id, Source, ct),
                ("x12", false) => await services.GetRequiredService<InboundX12Ingestor>().IngestAsync(message.PayerId!, message.Content, Source, ct),
                (_, true) => await services.GetRequiredService<InboundFhirIngestor>().ReapplyAsync(message.PayerId!, message.Id, Source, ct),
                _ => await services.GetRequiredService<InboundFhirIngestor>().IngestAsync(message.PayerId!, message.Content, Source, ct),
            };
        }

        // The ingest commits in its own transaction under the payer's lock; the audit row follows it with the outcome.
        await using (var db = contexts.CreateHubWideContext())
        {
            ConsoleAudit.RecordAction(db, by, time.GetUtcNow(), "message.replayed", "message", messageId, message.PracticeId, new
            {
                refusal, reapplied, duplicate = result?.Duplicate, resultMessage = result?.MessageId, claimsUpdated = result?.ClaimsUpdated,
            });
            await db.SaveChangesAsync(ct);
        }

        return new ReplayOutcome(refusal is null, refusal, result);
    }
}
