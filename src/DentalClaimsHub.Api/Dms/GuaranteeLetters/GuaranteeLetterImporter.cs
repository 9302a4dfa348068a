using System.Text.Json;
using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain;
using DentalClaimsHub.Domain.PreAuthorizations;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Outbox;
using DentalClaimsHub.Storage.Protection;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Dms.GuaranteeLetters;

/// <summary>
/// Applies an insurer's answer file to the treatment plans it answers: each letter's request number is the patient control
/// number of the claim that carried the plan (<see cref="PreAuthorization.RequestClaimId"/>) to this insurer. Decisions,
/// requests for information and annulments go through the plan's own methods and are announced (<c>preauth.decided</c>);
/// a letter the plan already carries is unchanged; nothing is invented for an unknown request. One transaction per file.
/// </summary>
public sealed class GuaranteeLetterImporter(HubDbContext db, PayerProfileCatalog payers, DmsMappingCatalog mappings, TimeProvider time,
    IStoredFileProtector protector, ILogger<GuaranteeLetterImporter> logger)
{
    /// <summary>The insurer's answer layout, or null when it is not a ДМС insurer with one.</summary>
    public DmsGuaranteeLetterLayout? Layout(string payerId) =>
        payers.Find(payerId)?.Dms is { } dms ? mappings.Find(dms.RegistryMapping)?.GuaranteeLetters : null;

    /// <summary>Reads and applies <paramref name="content"/>. <paramref name="practiceId"/> limits the plans to one clinic
    /// (a clinic's import); null lets an insurer answer every clinic's requests to it. Throws <see cref="DmsGuaranteeLetterException"/>
    /// for a file that cannot be read at all.</summary>
    public async Task<GuaranteeLetterImportResult> ImportAsync(string payerId, Guid? practiceId, byte[] content, string fileName,
        DmsGuaranteeLetterLayout layout, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Kept raw like every message that crosses the border, the unreadable ones too.
        var stored = DmsInboundFile.Message("gp-answer", content, fileName, now, payerId, practiceId, protector);
        db.Messages.Add(stored);
        DmsGuaranteeLetterFile file;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            file = DmsGuaranteeLetterReader.Read(stream, fileName, layout);
        }
        catch (DmsGuaranteeLetterException exception)
        {
            DmsInboundFile.MarkUnreadable(stored, exception.Message);
            await db.SaveChangesAsync(cancellationToken);
            throw;
        }

        stored.WithEnvelope(payerId, null, null, null, file.Letters.Select(l => l.Request));
        var report = file.Errors.Select(e => new GuaranteeLetterReportLine(e.Row, null, "problem", e.Column, e.Value, e.Reason, null)).ToList();
        var requests = file.Letters.Select(l => l.Request).Distinct(StringComparer.Ordinal).ToList();
        var plans = practiceId is null ? db.PreAuthorizations.IgnoreQueryFilters() : db.PreAuthorizations.Where(p => p.PracticeId == practiceId);
        var claims = practiceId is null ? db.Claims.IgnoreQueryFilters() : db.Claims.Where(c => c.PracticeId == practiceId);
        var found = await (
                from plan in plans
                join claim in claims on plan.RequestClaimId equals claim.Id
                where plan.PayerId == payerId && claim.PayerId == payerId && requests.Contains(claim.PatientControlNumber)
                select new { plan, claim.PatientControlNumber, claim.Id })
            .ToListAsync(cancellationToken);
        var byRequest = found.ToLookup(f => f.PatientControlNumber, StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var unapplied = new List<(int Row, GuaranteeLetterProblem Problem)>();
        foreach (var letter in file.Letters)
        {
            var matches = byRequest[letter.Request].ToList();
            if (matches.Count != 1)
            {
                var missing = matches.Count == 0 ? GuaranteeLetterProblem.NoPlanAt(payerId) : GuaranteeLetterProblem.Several();
                report.Add(Line(letter, "problem", null, missing.Text));
                unapplied.Add((letter.Row, missing));
                continue;
            }

            var (plan, claimId) = (matches[0].plan, matches[0].Id);
            stored.Link(plan.Id);
            stored.Link(claimId);
            var (outcome, message, problem) = Apply(plan, letter, now, out var remarks);
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            report.Add(Line(letter, outcome, plan.Id, problem?.Text ?? message));
            report.AddRange(remarks.Select(remark => Line(letter, "warning", plan.Id, remark.Text)));
            if (problem is not null)
            {
                unapplied.Add((letter.Row, problem));
            }

            if (outcome is not ("unchanged" or "problem"))
            {
                db.Enqueue(PreAuthorizationDecided.Of(plan), now, plan.PracticeId, HubDbContext.ClaimOrderingKey(claimId));
            }
        }

        var problems = report.Count(r => r.Outcome == "problem");
        stored.MarkParsed(problems == 0 ? MessageParseStatus.Parsed : MessageParseStatus.PartiallyParsed,
            problems == 0 ? null : Findings(file, unapplied));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Guarantee-letter answer from {PayerId} ({Format}): {Letters} letters, {Problems} problems, outcomes {Outcomes}",
            payerId, file.Format, file.Letters.Count, problems, string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
        return new GuaranteeLetterImportResult(payerId, file.Format.ToString().ToLowerInvariant(), file.Letters.Count,
            new GuaranteeLetterCounts(counts.GetValueOrDefault("approved"), counts.GetValueOrDefault("partlyApproved"), counts.GetValueOrDefault("refused"),
                counts.GetValueOrDefault("informationRequested"), counts.GetValueOrDefault("annulled"), counts.GetValueOrDefault("unchanged"), problems),
            [.. report.OrderBy(r => r.Row)]);
    }

    // A problem's message is its Text; the other outcomes' messages are the report's own.
    private static (string Outcome, string Message, GuaranteeLetterProblem? Problem) Apply(PreAuthorization plan, DmsGuaranteeLetter letter,
        DateTimeOffset now, out List<GuaranteeLetterProblem> remarks)
    {
        remarks = [];
        try
        {
            switch (letter.Decision)
            {
                case GuaranteeDecision.Annulled:
                    if (plan.Status == PreAuthorizationStatus.Cancelled)
                    {
                        return ("unchanged", "the plan is already cancelled.", null);
                    }

                    plan.Cancel(Note(letter, "Гарантийное письмо аннулировано страховщиком"), now);
                    return ("annulled", "the insurer annulled the letter; the plan is cancelled.", null);

                case GuaranteeDecision.NeedsInformation:
                    if (plan.Status == PreAuthorizationStatus.InformationRequested)
                    {
                        return ("unchanged", "the insurer's request for information is already recorded.", null);
                    }

                    if (plan.Status != PreAuthorizationStatus.Submitted)
                    {
                        return Problem(GuaranteeLetterProblem.NotAwaitingAnswer(plan.Status));
                    }

                    plan.RequestInformation(Note(letter, "Страховщику нужны сведения"), now);
                    return ("informationRequested", "the insurer asks for more information.", null);

                default:
                    var (lines, lineRemarks, problem) = GuaranteeLetterDecision.Lines(plan, letter);
                    remarks = lineRemarks;
                    if (lines is null)
                    {
                        return Problem(problem!);
                    }

                    Money? limit = letter.Limit is { } sum ? new Money(sum, plan.Currency) : null;
                    if (GuaranteeLetterDecision.Matches(plan, letter, lines, limit))
                    {
                        remarks = [];
                        return ("unchanged", "the plan already carries this answer.", null);
                    }

                    if (plan.Status is not (PreAuthorizationStatus.Submitted or PreAuthorizationStatus.InformationRequested))
                    {
                        return Problem(GuaranteeLetterProblem.Decided(plan.Status));
                    }

                    plan.RecordDecision(lines, now, letter.Number, letter.ValidFrom, letter.ValidTo, limit, letter.Note is null ? null : Note(letter, ""));
                    return plan.Status switch
                    {
                        PreAuthorizationStatus.Approved => ("approved", "approved.", null),
                        PreAuthorizationStatus.PartiallyApproved => ("partlyApproved", "partly approved.", null),
                        _ => ("refused", "refused.", null),
                    };
            }
        }
        catch (DomainException exception)
        {
            return Problem(GuaranteeLetterProblem.Refuses(exception.Message));
        }
    }

    private static (string, string, GuaranteeLetterProblem?) Problem(GuaranteeLetterProblem problem) => ("problem", problem.Text, problem);

    // The plan keeps at most 2,000 characters of the payer's note.
    private static string Note(DmsGuaranteeLetter letter, string fallback) =>
        letter.Note is { Length: > 0 } note ? note.Length <= 2000 ? note : note[..2000] : fallback;

    // The reader's rows, then the letters the hub could not apply, each with its code beside the English line it always kept.
    private static string Findings(DmsGuaranteeLetterFile file, List<(int Row, GuaranteeLetterProblem Problem)> unapplied) =>
        JsonSerializer.Serialize(file.Errors.Select(e => DmsRowFinding.Of(e, $"row {e.Row}: {e.Reason}"))
            .Concat(unapplied.Select(u => new DmsRowFinding($"row {u.Row}: {u.Problem.Text}", u.Row, null, u.Problem.Code, u.Problem.Args))),
            DmsRowFinding.JsonOptions);

    private static GuaranteeLetterReportLine Line(DmsGuaranteeLetter letter, string outcome, Guid? planId, string message) =>
        new(letter.Row, letter.Request, outcome, null, null, message, planId);
}
