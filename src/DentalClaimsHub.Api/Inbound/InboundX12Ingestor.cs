using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DentalClaimsHub.Api.Remittances;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Tenancy;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Parsing;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Inbound;

/// <summary>
/// Takes one X12 file from a payer, whatever brought it (HTTP push, file drop, SFTP): stores it raw first, deduplicated by
/// SHA-256 and by sender + ISA13, then applies it — TA1, 999 and 277CA to the claims they answer, 835 through
/// <see cref="RemittancePoster"/> — in one transaction with the stored file, under a per-payer lock so two deliveries of
/// one payer never race on the same claims or the same payment. What cannot be applied is kept, flagged on the stored
/// message (PartiallyParsed / Failed with the reasons) and reported, never dropped.
/// </summary>
public sealed class InboundX12Ingestor(HubDbContext db, TenantContext tenant, X12Parser parser, RemittancePoster remittances,
    Adapters.Codes.X12CodeDescriptions codes, InboundAcknowledger acknowledger, Adapters.X12.ClaimStatus.ClaimStatus277Reader statusReader, Adapters.Profiles.PayerProfileCatalog payers, Claims.ClaimMetrics metrics,
    TimeProvider time, ILogger<InboundX12Ingestor> logger)
{
    /// <summary>The largest file taken in one piece (an 835 of ~100,000 claim payments).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    public async Task<InboundResult> IngestAsync(string payer, byte[] content, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        tenant.UseSystem();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var document = parser.Parse(Encoding.UTF8.GetString(content));
        var parsed = clock.Elapsed;
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var started = TimeSpan.Zero;
        var applied = TimeSpan.Zero;
        var result = await InboundTransaction.RunAsync(db, payer, async ct =>
        {
            started = clock.Elapsed;
            var answer = await ApplyAsync(payer, content, sha, document, ct);
            applied = clock.Elapsed;
            return answer;
        }, cancellationToken);
        logger.LogInformation(
            "Inbound {TransactionType} {MessageId} from {PayerId} via {Source}: duplicate {Duplicate}, {ClaimsUpdated} claims updated, {NoteCount} notes; "
            + "parsed in {ParseMs} ms, applied in {ApplyMs} ms, saved in {SaveMs} ms",
            result.TransactionType, result.MessageId, payer, source, result.Duplicate, result.ClaimsUpdated, result.Notes.Count,
            (long)parsed.TotalMilliseconds, (long)(applied - started).TotalMilliseconds, (long)(clock.Elapsed - applied).TotalMilliseconds);
        return result;
    }

    private async Task<InboundResult> ApplyAsync(string payer, byte[] content, string sha, X12Document document, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var isa = document.Interchanges.FirstOrDefault()?.Header;
        var sender = isa?[6].Trim();
        var icn = isa?[13].Trim();
        var type = TypeOf(document);
        var seen = await db.Messages.AsNoTracking()
            .Where(m => m.Direction == MessageDirection.Inbound && (m.Sha256 == sha || (icn != null && m.SenderId == sender && m.InterchangeControlNumber == icn)))
            .Select(m => m.Id).FirstOrDefaultAsync(ct);
        if (seen != Guid.Empty)
        {
            return InboundResult.Of(seen, true, type, 0, [IngestNotes.Received]);
        }

        var stored = StoredMessage.Create(MessageDirection.Inbound, "x12", type, content, "application/edi-x12", now, payer)
            .WithEnvelope(sender, isa?[8].Trim(), icn, document.Segments.FirstOrDefault(s => s.Id == "GS")?[6],
                document.Segments.Where(s => s.Id == "ST").Select(s => s[2]));
        db.Messages.Add(stored);
        if (isa is null)
        {
            List<IngestNote> failed = [IngestNotes.NotAnInterchange];
            stored.MarkParsed(MessageParseStatus.Failed, JsonSerializer.Serialize(failed.Texts()));
            return InboundResult.Of(stored.Id, false, type, 0, failed);
        }

        var (updated, remittanceIds, notes) = await ApplyStoredAsync(payer, content, document, stored, type, now, ct);
        InboundAcknowledgement? answer = null;
        if (type is not ("999" or "TA1") && payers.Find(payer)?.X12?.Identifiers.Send999 == true)
        {
            answer = await acknowledger.AcknowledgeAsync(payer, content, document, stored, ct);
            if (answer is not null)
            {
                db.Messages.Add(answer.Message);
            }
        }

        return InboundResult.Of(stored.Id, false, type, updated, notes) with
        {
            RemittanceIds = remittanceIds, AcknowledgementMessageId = answer?.Message.Id, Acknowledgement = answer?.Text,
        };
    }

    /// <summary>
    /// Runs a held stored file (<see cref="InboundHold.IsHeld"/>) through the ingest again, under the payer's lock, as the same stored
    /// message (no new copy, no acknowledgement sent again). A file that is no longer held (something was applied from it,
    /// by a first pass or a concurrent replay) is answered as a duplicate and changes nothing.
    /// </summary>
    public async Task<InboundResult> ReapplyAsync(string payer, Guid messageId, string source, CancellationToken cancellationToken)
    {
        tenant.UseSystem();
        var result = await InboundTransaction.RunAsync(db, payer, async ct =>
        {
            var stored = await db.Messages.SingleAsync(m => m.Id == messageId, ct);
            if (!InboundHold.IsHeld(stored) || stored.Protocol != "x12")
            {
                return InboundResult.Of(stored.Id, true, stored.TransactionType, 0, [IngestNotes.Applied]);
            }

            var document = parser.Parse(Encoding.UTF8.GetString(stored.Content));
            if (document.Interchanges.FirstOrDefault()?.Header is null)
            {
                return InboundResult.Of(stored.Id, false, stored.TransactionType, 0, [IngestNotes.NotAnInterchange]);
            }

            var (updated, remittanceIds, notes) = await ApplyStoredAsync(payer, stored.Content, document, stored, TypeOf(document), time.GetUtcNow(), ct);
            return InboundResult.Of(stored.Id, false, stored.TransactionType, updated, notes) with { RemittanceIds = remittanceIds };
        }, cancellationToken);
        logger.LogInformation("Held inbound {TransactionType} {MessageId} from {PayerId} re-applied via {Source}: duplicate {Duplicate}, {ClaimsUpdated} claims updated",
            result.TransactionType, result.MessageId, payer, source, result.Duplicate, result.ClaimsUpdated);
        return result;
    }

    // Applies a parsed interchange to the claims, plans and remittances it names, linking them to the stored file.
    private async Task<(int Updated, IReadOnlyList<Guid> RemittanceIds, List<IngestNote> Notes)> ApplyStoredAsync(string payer, byte[] content,
        X12Document document, StoredMessage stored, string type, DateTimeOffset now, CancellationToken ct)
    {
        var notes = new List<IngestNote>();
        notes.AddRange(document.Issues.Where(i => i.Severity == X12IssueSeverity.Error).Select(i => IngestNotes.Read(i.ToString())));
        var updated = 0;
        IReadOnlyList<Guid> remittanceIds = [];
        switch (type)
        {
            case "TA1":
                updated = await InboundAcknowledgements.ApplyTa1Async(db, payer, document.Segments, stored, notes, now, metrics, ct);
                break;
            case "999":
                updated = await InboundAcknowledgements.ApplyAckAsync(db, payer, document.Segments, stored, notes, now, metrics, ct);
                break;
            case "277CA":
                updated = await InboundAcknowledgements.ApplyClaimAckAsync(db, payer, document.Segments, stored, notes, now, codes, metrics, ct);
                break;
            case "277":
                updated = await ApplyStatusAsync(payer, content, stored, notes, now, ct);
                break;
            case "835":
                var posting = await remittances.PostAsync(payer, document, stored, now, ct);
                (updated, remittanceIds) = (posting.ClaimsUpdated, posting.RemittanceIds);
                notes.AddRange(posting.Notes);
                break;
            default:
                notes.Add(IngestNotes.Unapplied(type));
                break;
        }

        stored.MarkParsed(notes.Count == 0 ? MessageParseStatus.Parsed : MessageParseStatus.PartiallyParsed,
            notes.Count == 0 ? null : JsonSerializer.Serialize(notes.Texts()));
        return (updated, remittanceIds, notes);
    }

    // An unsolicited 277 (005010X212): each claim's status applied as an answer to our own 276 would be.
    private async Task<int> ApplyStatusAsync(string payer, byte[] content, StoredMessage stored, List<IngestNote> notes, DateTimeOffset now,
        CancellationToken ct)
    {
        var report = statusReader.Read(content);
        notes.AddRange(report.Problems.Select(IngestNotes.Read));
        var updated = 0;
        foreach (var result in report.Claims)
        {
            // Our CLM01 comes back in REF*EJ; a payer that only quotes its own claim number (REF*1K) is matched by that.
            var claim = result.PatientControlNumber is { Length: > 0 } pcn
                ? await db.Claims.AsSplitQuery().SingleOrDefaultAsync(c => c.PayerId == payer && c.PatientControlNumber == pcn, ct)
                : result.PayerClaimNumber is { Length: > 0 } number
                    ? await db.Claims.AsSplitQuery().FirstOrDefaultAsync(c => c.PayerId == payer && c.PayerClaimNumber == number, ct)
                    : null;
            if (claim is null)
            {
                notes.Add(IngestNotes.StatusUnknown(result.PatientControlNumber ?? result.PayerClaimNumber));
                continue;
            }

            stored.Link(claim.Id);
            updated += Claims.Status.ClaimStatusAnswers.Apply(claim, result, Claims.Status.ClaimStatusAnswers.Reason(result, codes),
                Claims.Status.ClaimStatusPoller.Actor, now, stored.Id) ? 1 : 0;
        }

        return updated;
    }

    // A TA1-only interchange has no ST; a 277 is a 277CA under guide 005010X214, a status answer under 005010X212.
    private static string TypeOf(X12Document document)
    {
        var st = document.Segments.FirstOrDefault(s => s.Id == "ST");
        if (st is null)
        {
            return document.Segments.Any(s => s.Id == "TA1") ? "TA1" : "unknown";
        }

        var guide = st[3].Length > 0 ? st[3] : document.Segments.FirstOrDefault(s => s.Id == "GS")?[8] ?? "";
        return st[1] == "277" && guide.Contains("X214", StringComparison.Ordinal) ? "277CA" : st[1];
    }
}
