using System.Security.Cryptography;
using System.Text.Json;
using DentalClaimsHub.Adapters.Fhir.Remittances;
using DentalClaimsHub.Api.Claims.Delivery;
using DentalClaimsHub.Api.PreAuthorizations;
using DentalClaimsHub.Api.Remittances;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Inbound;

/// <summary>
/// Takes one FHIR resource from a payer (ClaimResponse, ExplanationOfBenefit, or a Bundle of them such as a Da Vinci PAS
/// response): stored raw first and deduplicated by SHA-256, then applied in one transaction under the payer's inbound lock —
/// a ClaimResponse accepts (complete/partial), parks as pending (queued) or rejects (error) our claim, or decides our
/// treatment plan; ExplanationOfBenefits are posted as remittances by <see cref="RemittancePoster"/> with the same checks
/// as an 835. What cannot be applied is kept, flagged and reported.
/// </summary>
public sealed class InboundFhirIngestor(HubDbContext db, TenantContext tenant, RemittancePoster remittances, TimeProvider time,
    ILogger<InboundFhirIngestor> logger)
{
    public async Task<InboundResult> IngestAsync(string payer, byte[] content, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        tenant.UseSystem();
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var result = await InboundTransaction.RunAsync(db, payer, ct => ApplyAsync(payer, content, sha, ct), cancellationToken);
        logger.LogInformation("Inbound FHIR {ResourceType} {MessageId} from {PayerId} via {Source}: duplicate {Duplicate}, {ClaimsUpdated} claims updated, {NoteCount} notes",
            result.TransactionType, result.MessageId, payer, source, result.Duplicate, result.ClaimsUpdated, result.Notes.Count);
        return result;
    }

    private async Task<InboundResult> ApplyAsync(string payer, byte[] content, string sha, CancellationToken ct)
    {
        var seen = await db.Messages.AsNoTracking().Where(m => m.Direction == MessageDirection.Inbound && m.Sha256 == sha)
            .Select(m => new { m.Id, m.TransactionType }).FirstOrDefaultAsync(ct);
        if (seen is not null)
        {
            return InboundResult.Of(seen.Id, true, seen.TransactionType, 0, [IngestNotes.Received]);
        }

        var now = time.GetUtcNow();
        var messageId = Guid.CreateVersion7(now);
        var report = FhirInboundReader.Read(content, payer, now, messageId);
        var stored = StoredMessage.Create(MessageDirection.Inbound, "fhir", report.ResourceType, content, "application/fhir+json", now, payer, id: messageId);
        db.Messages.Add(stored);
        return await ApplyStoredAsync(payer, report, stored, now, ct);
    }

    /// <summary>
    /// Runs a held stored FHIR file (<see cref="InboundHold.IsHeld"/>) through the ingest again, under the payer's lock, as the
    /// same stored message (no new copy). A file that is no longer held (something was applied from it, by a first pass or a
    /// concurrent replay) is answered as a duplicate and changes nothing.
    /// </summary>
    public async Task<InboundResult> ReapplyAsync(string payer, Guid messageId, string source, CancellationToken cancellationToken)
    {
        tenant.UseSystem();
        var result = await InboundTransaction.RunAsync(db, payer, async ct =>
        {
            var stored = await db.Messages.SingleAsync(m => m.Id == messageId, ct);
            if (!InboundHold.IsHeld(stored) || stored.Protocol != "fhir")
            {
                return InboundResult.Of(stored.Id, true, stored.TransactionType, 0, [IngestNotes.Applied]);
            }

            var now = time.GetUtcNow();
            return await ApplyStoredAsync(payer, FhirInboundReader.Read(stored.Content, payer, now, stored.Id), stored, now, ct);
        }, cancellationToken);
        logger.LogInformation("Held inbound FHIR {ResourceType} {MessageId} from {PayerId} re-applied via {Source}: duplicate {Duplicate}, {ClaimsUpdated} claims updated",
            result.TransactionType, result.MessageId, payer, source, result.Duplicate, result.ClaimsUpdated);
        return result;
    }

    // Applies what a read FHIR file says to the claims, plans and remittances it names, linking them to the stored file.
    private async Task<InboundResult> ApplyStoredAsync(string payer, FhirInboundReport report, StoredMessage stored, DateTimeOffset now, CancellationToken ct)
    {
        var notes = report.Problems.Select(IngestNotes.Read).ToList();
        var updated = 0;
        foreach (var answer in report.Answers)
        {
            updated += await ApplyAnswerAsync(payer, answer, stored, notes, now, ct) ? 1 : 0;
        }

        var ids = new List<Guid>();
        foreach (var remittance in report.Remittances)
        {
            var (claims, remittanceNotes) = await remittances.PostAsync(remittance, [], stored, now, ct);
            updated += claims;
            notes.AddRange(remittanceNotes);
            ids.Add(remittance.Id);
        }

        if (report.Answers.Count == 0 && report.Remittances.Count == 0 && notes.Count == 0)
        {
            notes.Add(IngestNotes.FhirEmpty(report.ResourceType));
        }

        stored.MarkParsed(report.ResourceType == "unknown" ? MessageParseStatus.Failed
                : notes.Count == 0 ? MessageParseStatus.Parsed : MessageParseStatus.PartiallyParsed,
            notes.Count == 0 ? null : JsonSerializer.Serialize(notes.Texts()));
        return InboundResult.Of(stored.Id, false, report.ResourceType, updated, notes) with { RemittanceIds = ids };
    }

    private async Task<bool> ApplyAnswerAsync(string payer, FhirClaimAnswer answer, StoredMessage stored, List<IngestNote> notes, DateTimeOffset now,
        CancellationToken ct)
    {
        var claim = await db.Claims.AsSplitQuery().SingleOrDefaultAsync(c => c.PayerId == payer && c.PatientControlNumber == answer.PatientControlNumber, ct);
        if (claim is null)
        {
            notes.Add(IngestNotes.FhirUnknown(answer.PatientControlNumber, payer));
            return false;
        }

        stored.Link(claim.Id);
        var before = claim.Timeline.Count;
        var actor = ClaimDeliveryService.Actor;
        var reason = string.Join("; ", new[] { answer.Disposition }.Concat(answer.Errors).Where(t => !string.IsNullOrWhiteSpace(t)));
        if (answer.Outcome == "error")
        {
            if (claim.CanTransitionTo(ClaimState.Rejected))
            {
                claim.Reject(actor, now, new TimelineReason("ClaimResponse error: " + (reason.Length > 0 ? reason : "no reason given"),
                    TimelineReasonCodes.FhirError, [reason]), stored.Id);
            }
            else
            {
                notes.Add(IngestNotes.FhirErrorOnly(answer.PatientControlNumber, claim.State.ToString()));
            }

            return claim.Timeline.Count > before;
        }

        claim.AcceptImplied(actor, now, answer.PayerClaimNumber, stored.Id);

        if (answer.Decision is { } decision && claim.Purpose == ClaimPurpose.Predetermination)
        {
            var plan = await db.PreAuthorizations.SingleOrDefaultAsync(p => p.RequestClaimId == claim.Id, ct);
            if (plan is null || plan.Status is not (Domain.PreAuthorizations.PreAuthorizationStatus.Submitted)
                || !PlanAnswers.TryRecord(db, plan, claim, decision, now))
            {
                notes.Add(IngestNotes.FhirPlanOnly(answer.PatientControlNumber));
            }
            else
            {
                stored.Link(plan.Id);
                return true;
            }
        }
        else if (answer.Outcome == "queued" && claim.State == ClaimState.Accepted)
        {
            claim.MarkPending(actor, now, new TimelineReason("The payer queued the claim for review" + (reason.Length > 0 ? ": " + reason : "."),
                TimelineReasonCodes.FhirQueued, [reason]), stored.Id);
        }

        return claim.Timeline.Count > before;
    }
}
