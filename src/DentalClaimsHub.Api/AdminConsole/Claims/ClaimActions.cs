using System.Globalization;
using DentalClaimsHub.Api.AdminConsole.Identity;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Hosting;
using DentalClaimsHub.Domain;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.AdminConsole;
using DentalClaimsHub.Storage.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Claims;

/// <summary>A service line as the console's fix form edits it (texts as typed; parsed and checked here).</summary>
public sealed record LineFix(int LineNumber, string Code, string? Tooth, string? Surfaces, decimal Fee, DateOnly? ServiceDate);

/// <summary>A document added with a fix (an X-ray, a narrative): PWK01 report type, the file as uploaded.</summary>
public sealed record NewAttachment(string ReportType, string? FileName, string ContentType, byte[] Content);

/// <summary>What a fix changes: the lines as edited, the diagnosis codes, maybe a new document, and why (for the timeline).</summary>
public sealed record ClaimFix(IReadOnlyList<LineFix> Lines, IReadOnlyList<string> Diagnoses, string Reason, NewAttachment? Attachment = null);

/// <summary>
/// What an action did: the claim to look at next (the same one, or the corrected/void claim it made) or the problems,
/// each under the field it concerns ("lines[2].tooth", "diagnoses", "reason", "$" for the claim as a whole).
/// </summary>
public sealed record ClaimActionResult(Guid? ClaimId, IReadOnlyDictionary<string, string> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static ClaimActionResult Done(Guid claimId) => new(claimId, new Dictionary<string, string>());

    public static ClaimActionResult Failed(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}

/// <summary>
/// The claim page's actions. Each runs as the signed-in user (billing or admin — checked here too, not only by hiding the
/// buttons), goes through the claim's own domain rules, lands on the claim's timeline and is audited in the same save:
/// <list type="bullet">
/// <item>fix and resubmit — a claim the payer rejected at the front door (TA1/999/277CA; it never entered adjudication) is
/// edited in place and sent again under the same number; an adjudicated one (denied, paid) is replaced by a corrected
/// claim (frequency 7, REF*F8 = the payer's claim number) and the original marked Corrected;</item>
/// <item>void — a void claim (frequency 8) cancels an adjudicated claim at the payer;</item>
/// <item>note, mark appealed, write off (closes a rejected or denied claim: nobody will collect it).</item>
/// </list>
/// </summary>
public sealed class ClaimActions(
    IDbContextFactory<HubDbContext> contexts, ConsoleSession session, TimeProvider time, ClaimRuleText rules, IStringLocalizer<ConsoleText> words,
    OutboxSignal? outbox = null)
{
    public async Task<ClaimActionResult> FixAndResubmitAsync(Guid claimId, ClaimFix fix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fix);
        if (string.IsNullOrWhiteSpace(fix.Reason))
        {
            return ClaimActionResult.Failed("reason", words["Actions.Problem.FixReason"]);
        }

        return await ActAsync(claimId, async (db, claim, user, now) =>
        {
            var actor = Actor(user);
            var today = await TodayAsync(db, claim.PracticeId, now, ct);
            var frontDoor = claim.State == ClaimState.Rejected;
            if (!frontDoor && claim.PayerClaimNumber is null)
            {
                return ClaimActionResult.Failed("$", Say("Actions.Problem.NoPayerClaimNumber", StateName(claim.State)));
            }

            var target = frontDoor ? claim : claim.CreateReplacement(actor, now, fix.Reason.Trim());
            if (frontDoor)
            {
                claim.ReturnToDraft(actor, now, fix.Reason.Trim());
            }

            var problems = Apply(target, fix, now, words, rules);
            if (problems.Count == 0 && fix.Attachment is { } document && Attach(db, target, document, now, words, rules) is { } refused)
            {
                problems["attachment"] = refused;
            }

            if (problems.Count == 0)
            {
                try
                {
                    target.Validate(actor, now, today);
                    target.Queue(actor, now);
                }
                catch (ClaimRulesException e)
                {
                    foreach (var violation in e.Violations)
                    {
                        problems.TryAdd(violation.Field, rules.Render(violation));
                    }
                }
            }

            if (problems.Count > 0)
            {
                return new ClaimActionResult(null, problems);
            }

            if (!frontDoor)
            {
                db.Claims.Add(target);
            }

            var kind = frontDoor ? ClaimActivityKind.Resubmitted : ClaimActivityKind.Corrected;
            db.ClaimActivities.Add(ClaimActivity.Create(claim.Id, claim.PracticeId, now, user, kind, fix.Reason, frontDoor ? null : target.Id));
            ConsoleAudit.RecordAction(db, user, now, frontDoor ? "claim.resubmitted" : "claim.corrected", "claim", claim.Id, claim.PracticeId,
                new { claim = target.Id, frequency = target.Frequency.ToString() });
            return ClaimActionResult.Done(target.Id);
        }, ct);
    }

    /// <summary>
    /// Sends in the document for an attachment the claim declared (PWK06 control number) — in any state, as the API's upload
    /// does: the payer matches it to the claim by that number. A newer document for the number replaces the older one.
    /// </summary>
    public Task<ClaimActionResult> AddDocumentAsync(Guid claimId, string controlNumber, NewAttachment document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ActAsync(claimId, (db, claim, user, now) =>
        {
            if (claim.Attachments.All(a => a.ControlNumber != controlNumber))
            {
                return Task.FromResult(ClaimActionResult.Failed("document", Say("Actions.Problem.NotDeclared", controlNumber)));
            }

            if (Attach(db, claim, document, now, words, rules, controlNumber) is { } refused)
            {
                return Task.FromResult(ClaimActionResult.Failed("document", refused));
            }

            ConsoleAudit.RecordAction(db, user, now, "claim.attachment.added", "claim", claim.Id, claim.PracticeId,
                new { controlNumber, contentType = ClaimDocuments.Normalize(document.ContentType), size = document.Content.LongLength });
            return Task.FromResult(ClaimActionResult.Done(claim.Id));
        }, ct);
    }

    public Task<ClaimActionResult> VoidAsync(Guid claimId, string reason, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(ClaimActionResult.Failed("reason", words["Actions.Problem.VoidReason"]))
            : ActAsync(claimId, async (db, claim, user, now) =>
            {
                var voiding = claim.CreateVoid(Actor(user), now, reason.Trim());
                voiding.Validate(Actor(user), now, await TodayAsync(db, claim.PracticeId, now, ct));
                voiding.Queue(Actor(user), now);
                db.Claims.Add(voiding);
                db.ClaimActivities.Add(ClaimActivity.Create(claim.Id, claim.PracticeId, now, user, ClaimActivityKind.Voided, reason, voiding.Id));
                ConsoleAudit.RecordAction(db, user, now, "claim.voided", "claim", claim.Id, claim.PracticeId, new { claim = voiding.Id });
                return ClaimActionResult.Done(voiding.Id);
            }, ct);

    public Task<ClaimActionResult> AddNoteAsync(Guid claimId, string text, CancellationToken ct) =>
        Annotate(claimId, ClaimActivityKind.Note, text, "claim.noted", ct);

    public Task<ClaimActionResult> MarkAppealedAsync(Guid claimId, string text, CancellationToken ct) =>
        Annotate(claimId, ClaimActivityKind.Appealed, text, "claim.appealed", ct, claim => claim.State is ClaimState.Denied or ClaimState.PartiallyPaid
            ? null
            : Say("Actions.Problem.AppealState", StateName(claim.State)));

    public Task<ClaimActionResult> WriteOffAsync(Guid claimId, string text, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(text)
            ? Task.FromResult(ClaimActionResult.Failed("text", words["Actions.Problem.WriteOffReason"]))
            : ActAsync(claimId, (db, claim, user, now) =>
            {
                if (claim.State is not (ClaimState.Rejected or ClaimState.Denied or ClaimState.PartiallyPaid))
                {
                    return Task.FromResult(ClaimActionResult.Failed("$", Say("Actions.Problem.WriteOffState", StateName(claim.State))));
                }

                claim.Close(Actor(user), now, new TimelineReason("Written off: " + text.Trim(), TimelineReasonCodes.WrittenOff, [text.Trim()]));
                db.ClaimActivities.Add(ClaimActivity.Create(claim.Id, claim.PracticeId, now, user, ClaimActivityKind.WrittenOff, text));
                ConsoleAudit.RecordAction(db, user, now, "claim.written-off", "claim", claim.Id, claim.PracticeId);
                return Task.FromResult(ClaimActionResult.Done(claim.Id));
            }, ct);

    /// <summary>The console actions a claim in <paramref name="state"/> offers.</summary>
    public static (bool Fix, bool Void, bool Appeal, bool WriteOff) Offered(ClaimState state, bool adjudicated) =>
        (state == ClaimState.Rejected || (adjudicated && state is ClaimState.Denied or ClaimState.Paid or ClaimState.PartiallyPaid),
         adjudicated && state is ClaimState.Accepted or ClaimState.Pending or ClaimState.Denied or ClaimState.Paid or ClaimState.PartiallyPaid,
         state is ClaimState.Denied or ClaimState.PartiallyPaid,
         state is ClaimState.Rejected or ClaimState.Denied or ClaimState.PartiallyPaid);

    private Task<ClaimActionResult> Annotate(Guid claimId, ClaimActivityKind kind, string text, string action, CancellationToken ct,
        Func<Claim, string?>? check = null) =>
        string.IsNullOrWhiteSpace(text)
            ? Task.FromResult(ClaimActionResult.Failed("text", words["Actions.Problem.Text"]))
            : ActAsync(claimId, (db, claim, user, now) =>
            {
                if (check?.Invoke(claim) is { } refused)
                {
                    return Task.FromResult(ClaimActionResult.Failed("$", refused));
                }

                db.ClaimActivities.Add(ClaimActivity.Create(claim.Id, claim.PracticeId, now, user, kind, text));
                ConsoleAudit.RecordAction(db, user, now, action, "claim", claim.Id, claim.PracticeId);
                return Task.FromResult(ClaimActionResult.Done(claim.Id));
            }, ct);

    private async Task<ClaimActionResult> ActAsync(Guid claimId, Func<HubDbContext, Claim, Guid, DateTimeOffset, Task<ClaimActionResult>> act,
        CancellationToken ct)
    {
        var principal = await session.UserAsync();
        if (!principal.IsInRole(ConsoleRoles.Billing) && !principal.IsInRole(ConsoleRoles.Admin))
        {
            return ClaimActionResult.Failed("$", words["Actions.Problem.NotAllowed"]);
        }

        var user = await session.UserIdAsync();
        await using var db = contexts.CreateHubWideContext(outbox);
        var claim = await db.Claims.AsSplitQuery().Include(c => c.Lines).SingleOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null)
        {
            return ClaimActionResult.Failed("$", words["Actions.Problem.NoClaim"]);
        }

        ClaimActionResult result;
        try
        {
            result = await act(db, claim, user, time.GetUtcNow());
        }
        catch (DomainException e)
        {
            return ClaimActionResult.Failed("$", rules.Render(e));
        }

        if (!result.Succeeded)
        {
            return result;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ClaimActionResult.Failed("$", words["Actions.Problem.Changed"]);
        }

        return result;
    }

    // Line edits through the domain: each field parsed in the claim's own code and tooth systems, each problem under its field.
    private static Dictionary<string, string> Apply(Claim claim, ClaimFix fix, DateTimeOffset now, IStringLocalizer<ConsoleText> words, ClaimRuleText rules)
    {
        string Say(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, words[key], args);

        var problems = new Dictionary<string, string>();
        foreach (var edit in fix.Lines)
        {
            var field = $"lines[{edit.LineNumber}]";
            var line = claim.Lines.SingleOrDefault(l => l.LineNumber == edit.LineNumber);
            if (line is null)
            {
                problems[field] = Say("Lines.Problem.NoLine", edit.LineNumber);
                continue;
            }

            var details = line.ToDetails();
            if (!ProcedureCode.TryCreate(line.Procedure.System, edit.Code?.Trim(), out var code))
            {
                problems[field + ".code"] = Say("Lines.Problem.Code", edit.Code ?? "", line.Procedure.System == ProcedureCodeSystem.Cdt ? "CDT" : "804н");
                continue;
            }

            ToothNumber? tooth = null;
            var system = line.Tooth?.System ?? (claim.Currency == "RUB" ? ToothSystem.Fdi : ToothSystem.Universal);
            if (!string.IsNullOrWhiteSpace(edit.Tooth))
            {
                if (!ToothNumber.TryParse(edit.Tooth.Trim(), system, out var parsed))
                {
                    problems[field + ".tooth"] = Say("Lines.Problem.Tooth", edit.Tooth, words["ToothSystem." + system].Value);
                    continue;
                }

                tooth = parsed;
            }

            if (!SurfaceSet.TryParse(edit.Surfaces?.Trim() ?? "", out var surfaces))
            {
                problems[field + ".surfaces"] = Say("Lines.Problem.Surfaces", edit.Surfaces ?? "");
                continue;
            }

            if (edit.Fee <= 0)
            {
                problems[field + ".fee"] = words["Lines.Problem.Fee"];
                continue;
            }

            try
            {
                claim.ReplaceLine(edit.LineNumber, details with
                {
                    Procedure = code, Tooth = tooth, Surfaces = surfaces, Fee = new Money(edit.Fee, claim.Currency), ServiceDate = edit.ServiceDate,
                }, now);
            }
            catch (DomainException e)
            {
                problems[field] = rules.Render(e);
            }
        }

        var diagnoses = new List<Icd10Code>();
        foreach (var code in fix.Diagnoses.Where(d => !string.IsNullOrWhiteSpace(d)))
        {
            if (Icd10Code.TryParse(code.Trim(), out var diagnosis))
            {
                diagnoses.Add(diagnosis);
            }
            else
            {
                problems["diagnoses"] = Say("Lines.Problem.Diagnosis", code);
            }
        }

        if (!problems.ContainsKey("diagnoses"))
        {
            try
            {
                claim.SetDiagnoses(diagnoses, now);
            }
            catch (DomainException e)
            {
                problems["diagnoses"] = rules.Render(e);
            }
        }

        return problems;
    }

    // The API's upload rules (accepted types, the file's own signature) through the same code, plus the console's size cap;
    // a refusal is worded from its rule in the user's language (the API keeps its English).
    private static string? Attach(HubDbContext db, Claim claim, NewAttachment document, DateTimeOffset now, IStringLocalizer<ConsoleText> words,
        ClaimRuleText rules, string? controlNumber = null)
    {
        if (document.Content.LongLength > MaxAttachmentBytes)
        {
            return words["Actions.AttachmentTooLarge"];
        }

        var reportType = controlNumber is null ? document.ReportType.Trim().ToUpperInvariant() : null;
        var contentType = ClaimDocuments.Normalize(document.ContentType);
        var (_, refusal) = ClaimDocuments.Attach(db, claim, controlNumber, reportType, controlNumber is null ? AttachmentTransmission.Electronic : null,
            contentType, document.FileName, document.Content, now);
        return refusal is null ? null : rules.Render(refusal.Rule, refusal.Args, refusal.Message);
    }

    /// <summary>The largest document the console takes (the API's default cap).</summary>
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;

    private static async Task<DateOnly> TodayAsync(HubDbContext db, Guid practiceId, DateTimeOffset now, CancellationToken ct) =>
        PracticeTime.LocalDate(now, await PracticeTime.ZoneAsync(db, practiceId, ct));

    private string StateName(ClaimState state) => words["State." + state];

    private string Say(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, words[key], args);

    private static string Actor(Guid user) => "console:" + user.ToString("N", CultureInfo.InvariantCulture);
}
