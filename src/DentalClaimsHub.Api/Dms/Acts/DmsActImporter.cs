using System.Security.Cryptography;
using ActRow = DentalClaimsHub.Adapters.Dms.Acts.DmsActLine;
using DentalClaimsHub.Adapters.Dms.Acts;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Idempotency;
using DentalClaimsHub.Api.Inbound;
using DentalClaimsHub.Api.Remittances;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.DmsActs;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Protection;
using DentalClaimsHub.Storage.Tenancy;
using DmsActLine = DentalClaimsHub.Storage.DmsActs.DmsActLine;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Dms.Acts;

/// <summary>Why an act was not applied: the HTTP status and a message naming no person.</summary>
public sealed class DmsActRefusedException(int status, string title, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Title { get; } = title;
}

/// <summary>
/// Imports an insurer's reconciliation act for one clinic: the file kept raw in the message store, each line matched to our claim
/// line (claim number = PCN, then the 804н code, tooth and date, our line reference when the insurer echoes it), the matched lines
/// posted as one canonical <see cref="Remittance"/> (accepted = paid, refused = CO adjustment) through <see cref="RemittancePoster"/>,
/// and the act stored with its lines — refused and unmatched lines open for the clinic. The same file again returns the stored
/// act unchanged; another file with an act number already imported, or naming another clinic's claims, is refused.
/// </summary>
public sealed class DmsActImporter(HubDbContext db, TenantContext tenant, PayerProfileCatalog payers, DmsMappingCatalog mappings,
    RemittancePoster poster, TimeProvider time, IStoredFileProtector protector, ILogger<DmsActImporter> logger)
{
    /// <summary>The insurer's act layout, or null when it is not a ДМС insurer with one.</summary>
    public DmsActLayout? Layout(string payerId) =>
        payers.Find(payerId)?.Dms is { } dms ? mappings.Find(dms.RegistryMapping)?.Acts : null;

    /// <summary>Reads and applies <paramref name="content"/>. <paramref name="practiceId"/> is the clinic whose key uploads it; null
    /// for the insurer's own upload (the clinic is then the one whose claims the act answers). Throws <see cref="DmsActException"/>
    /// for a file that cannot be read and <see cref="DmsActRefusedException"/> for one that must not be applied.</summary>
    public async Task<DmsActView> ImportAsync(string payerId, Guid? practiceId, byte[] content, string fileName, DmsActLayout layout,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        if (practiceId is null)
        {
            // An insurer's upload answers any clinic's claims to it: trusted work across tenants, limited to that insurer below.
            tenant.UseSystem();
        }

        var known = await db.DmsActs.Include(a => a.Lines)
            .Where(a => a.PayerId == payerId && a.Sha256 == sha && (practiceId == null || a.PracticeId == practiceId))
            .FirstOrDefaultAsync(cancellationToken);
        if (known is not null)
        {
            return DmsActView.Of(known, unchanged: true);
        }

        DmsActFile file;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            file = DmsActReader.Read(stream, fileName, layout);
        }
        catch (DmsActException exception)
        {
            // Kept raw like every message that crosses the border, the unreadable ones too.
            var failed = DmsInboundFile.Message("act", content, fileName, now, payerId, practiceId, protector);
            DmsInboundFile.MarkUnreadable(failed, exception.Message);
            db.Messages.Add(failed);
            await db.SaveChangesAsync(cancellationToken);
            throw;
        }

        var pcns = file.Lines.Select(l => l.Claim).Distinct(StringComparer.Ordinal).ToList();
        var owners = await db.Claims.IgnoreQueryFilters().Where(c => c.PayerId == payerId && pcns.Contains(c.PatientControlNumber))
            .Select(c => c.PracticeId).Distinct().ToListAsync(cancellationToken);
        var named = file.ClinicInn is { } inn
            ? await db.Practices.IgnoreQueryFilters().Where(p => p.Inn == inn).Select(p => p.Id).ToListAsync(cancellationToken)
            : null;
        var practice = Owner(practiceId, named, owners, payerId);
        if (file.Number is { } number && await db.DmsActs.IgnoreQueryFilters()
                .AnyAsync(a => a.PracticeId == practice && a.PayerId == payerId && a.Number == number, cancellationToken))
        {
            throw new DmsActRefusedException(StatusCodes.Status409Conflict, "Act already imported",
                $"Act № {number} from {payerId} was already imported from another file; a corrected act needs its own number.");
        }

        var stored = DmsInboundFile.Message("act", content, fileName, now, payerId, practice, protector);
        db.Messages.Add(stored);
        // A corrected claim keeps its PCN in its replacement: the live one answers.
        var claims = (await db.Claims.IgnoreQueryFilters()
                .Where(c => c.PracticeId == practice && c.PayerId == payerId && pcns.Contains(c.PatientControlNumber))
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.PatientControlNumber, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.State is ClaimState.Corrected or ClaimState.Voided).First(), StringComparer.Ordinal);
        var matched = new List<(DmsActLine Line, DmsActsMatch Match)>();
        var lines = new List<DmsActLine>();
        var taken = new HashSet<(Guid, int)>();
        foreach (var row in file.Lines)
        {
            var line = DmsActLine.Create(row.Row, row.Registry, row.Claim, row.LineReference, row.ServiceDate, row.Code.Value, row.Tooth, row.Quantity,
                row.Billed, row.Accepted, row.Refused, row.ReasonCode, row.ReasonText, row.Category?.ToString());
            lines.Add(line);
            if (!claims.TryGetValue(row.Claim, out var claim))
            {
                line.Unmatched(DmsActMatchFailures.NoClaim, $"no claim {row.Claim} of this clinic was sent to {payerId}.");
                continue;
            }

            if (Match(claim, row, taken) is not { } claimLine)
            {
                line.Unmatched(DmsActMatchFailures.NoLine, $"claim {row.Claim} has no {row.Code} line{(row.Tooth is null ? "" : $" for tooth {row.Tooth}")} not already answered.");
                continue;
            }

            taken.Add((claim.Id, claimLine.LineNumber));
            line.MatchTo(claim.Id, claimLine.LineNumber, row.Category is { } category ? DmsActRefusals.Carc(category) : null);
            matched.Add((line, new DmsActsMatch(claim, claimLine)));
        }

        var act = DmsAct.Create(practice, payerId, file.Number, sha, fileName, stored.Id, lines,
            file.Errors.Select(e => new DmsActRowProblem(e.Row, e.Column, e.Reason)), now);
        db.DmsActs.Add(act);
        stored.WithEnvelope(payerId, null, null, null, pcns);
        stored.MarkParsed(file.Errors.Count == 0 ? MessageParseStatus.Parsed : MessageParseStatus.PartiallyParsed,
            file.Errors.Count == 0 ? null : DmsRowFinding.Json(file.Errors));
        var notes = new List<string>();
        if (matched.Count > 0)
        {
            var remittance = Remittance(payerId, act, file.Number, sha, stored.Id, matched, now);
            var (_, posted) = await poster.PostForPracticeAsync(remittance, practice, stored, now, cancellationToken);
            notes.AddRange(posted.Texts());
            act.PostedAs(remittance.Id);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IdempotencyKeys.IsUniqueViolation(exception, out _))
        {
            // The same act (file or number) sent twice at once: the other request stored it, with the claims' postings.
            throw new DmsActRefusedException(StatusCodes.Status409Conflict, "Act imported concurrently",
                "Another request stored this act first; send it again to see the stored act.");
        }

        var view = DmsActView.Of(act, unchanged: false);
        logger.LogInformation(
            "ДМС act {ActId} from {PayerId} for practice {PracticeId}: {Lines} lines, {Refused} refused, {Unmatched} unmatched, {Problems} unreadable rows, {Notes} posting notes",
            act.Id, payerId, practice, view.Counts.Lines, view.Counts.Refused + view.Counts.Reduced, view.Counts.Unmatched, view.Counts.Problems, notes.Count);
        return view;
    }

    // The clinic is the uploading key's, else the one the act names by ИНН, else the one whose claims it answers; an act whose
    // claims or ИНН point at another clinic is never applied.
    private static Guid Owner(Guid? practiceId, List<Guid>? named, List<Guid> owners, string payerId)
    {
        if (practiceId is { } own)
        {
            if (owners.Any(owner => owner != own) || (named is not null && !named.Contains(own)))
            {
                throw new DmsActRefusedException(StatusCodes.Status403Forbidden, "Act of another clinic",
                    "The act answers claims that this clinic did not send, or names another clinic's ИНН; it is not applied.");
            }

            return own;
        }

        if (named is not null)
        {
            if (named.Count != 1)
            {
                throw new DmsActRefusedException(StatusCodes.Status422UnprocessableEntity, "Act names no single clinic",
                    named.Count == 0 ? "No clinic of the hub has the ИНН the act names; nothing applied."
                        : "Several clinics of the hub share the ИНН the act names; the clinic must import the act itself.");
            }

            if (owners.Any(owner => owner != named[0]))
            {
                throw new DmsActRefusedException(StatusCodes.Status422UnprocessableEntity, "Act of another clinic",
                    "The act names one clinic by ИНН but answers claims of another; nothing applied.");
            }

            return named[0];
        }

        return owners.Count switch
        {
            1 => owners[0],
            0 => throw new DmsActRefusedException(StatusCodes.Status422UnprocessableEntity, "Act matches no clinic",
                $"No line of the act names a claim sent to {payerId}; nothing applied."),
            _ => throw new DmsActRefusedException(StatusCodes.Status422UnprocessableEntity, "Act spans several clinics",
                "The act answers claims of several clinics; send one act per clinic."),
        };
    }

    // Our line reference when the insurer echoes it; else the first unanswered line with the code whose tooth and date agree
    // (a side that leaves them out agrees with anything).
    private static ClaimLine? Match(Claim claim, ActRow row, HashSet<(Guid, int)> taken)
    {
        var open = claim.Lines.Where(l => !taken.Contains((claim.Id, l.LineNumber))
            && l.Procedure.System == ProcedureCodeSystem.Nomenclature804n && l.Procedure.Code == row.Code.Value).ToList();
        return open.FirstOrDefault(l => row.LineReference is { } reference && l.LineControlNumber == reference)
            ?? open.FirstOrDefault(l => (row.Tooth is null || l.Tooth is null || l.Tooth.Value.ToFdi().Value == row.Tooth)
                && (row.ServiceDate is null || l.ServiceDate is null || l.ServiceDate == row.ServiceDate));
    }

    private static Remittance Remittance(string payerId, DmsAct act, string? number, string sha, Guid messageId,
        List<(DmsActLine Line, DmsActsMatch Match)> matched, DateTimeOffset now)
    {
        var payments = matched.GroupBy(m => m.Match.Claim.Id).Select(group =>
        {
            var claim = group.First().Match.Claim;
            var serviceLines = group.Select(m => new ServiceLinePayment
                {
                    Charge = Money.Rub(m.Line.Billed),
                    Paid = Money.Rub(m.Line.Accepted),
                    Procedure = m.Match.ClaimLine.Procedure,
                    RawProcedureCode = m.Line.ServiceCode,
                    Units = m.Line.Quantity,
                    ServiceDate = m.Line.ServiceDate,
                    LineControlNumber = m.Match.ClaimLine.LineControlNumber,
                    Adjustments = m.Line.Refused > 0
                        ? [new Adjustment(AdjustmentGroup.ContractualObligation, m.Line.AdjustmentReason!, Money.Rub(m.Line.Refused))]
                        : [],
                })
                .ToList();
            return new ClaimPayment
            {
                PatientControlNumber = claim.PatientControlNumber,
                Status = serviceLines.All(l => l.Paid.IsZero) ? ClaimPaymentStatus.Denied : ClaimPaymentStatus.ProcessedAsPrimary,
                Charge = Money.Rub(serviceLines.Sum(l => l.Charge.Amount)),
                Paid = Money.Rub(serviceLines.Sum(l => l.Paid.Amount)),
                ServiceLines = serviceLines,
            };
        }).ToList();
        var total = Money.Rub(payments.Sum(p => p.Paid.Amount));
        // The trace number tells this act's payment from any other: its number and the file's hash.
        var trace = $"{number ?? "act"}:{sha[..12]}";
        return Domain.Remittances.Remittance.Create(payerId, new PaymentInfo(PaymentMethod.Wire, total, null, trace.Length > 50 ? trace[^50..] : trace),
            payments, now, rawMessageId: messageId, sourceReference: number is null ? $"act {act.Id:N}"[..40] : $"act {number}");
    }

    private sealed record DmsActsMatch(Claim Claim, ClaimLine ClaimLine);
}
