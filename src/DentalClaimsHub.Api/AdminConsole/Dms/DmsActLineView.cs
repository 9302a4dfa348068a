using System.Globalization;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.AdminConsole.Identity;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.AdminConsole;
using DentalClaimsHub.Storage.DmsActs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Dms;

/// <summary>A refused or unmatched line of a ДМС act with its act and the claim it was matched to.</summary>
public sealed record DmsActLineDetails(DmsActLine Line, string? ActNumber, string FileName, DateTimeOffset ImportedAt, string PayerName, string PracticeName,
    string? PatientName);

/// <summary>
/// The console's side of a ДМС act line: read it (audited — it names a patient's claim), and work it — dispute the
/// refusal with the insurer or accept it (write it off), with a note; billing and administrators only, audited.
/// </summary>
public sealed class DmsActLineView(
    IDbContextFactory<HubDbContext> contexts, PayerProfileCatalog payers, ConsoleSession session, TimeProvider time, IStringLocalizer<ConsoleText> words)
{
    public async Task<DmsActLineDetails?> LoadAsync(Guid lineId, CancellationToken ct)
    {
        await using var db = contexts.CreateHubWideContext();
        var line = await db.DmsActLines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lineId, ct);
        if (line is null)
        {
            return null;
        }

        var act = await db.DmsActs.AsNoTracking().Where(a => a.Id == line.ActId).Select(a => new { a.Number, a.FileName, a.ImportedAt, a.PayerId }).SingleAsync(ct);
        var practice = await db.Practices.AsNoTracking().Where(p => p.Id == line.PracticeId).Select(p => p.Name).SingleAsync(ct);
        var patient = line.ClaimId is { } claimId
            ? await (from c in db.Claims.AsNoTracking().IgnoreAutoIncludes() join p in db.Patients.AsNoTracking() on c.PatientId equals p.Id
                     where c.Id == claimId select p.Name).SingleOrDefaultAsync(ct)
            : null;
        return new DmsActLineDetails(line, act.Number, act.FileName, act.ImportedAt, payers.Find(act.PayerId)?.DisplayName ?? act.PayerId, practice,
            patient?.ToString());
    }

    public Task<string?> DisputeAsync(Guid lineId, string note, CancellationToken ct) =>
        WorkAsync(lineId, note, "dms-act-line.disputed", line => line.CanDispute ? null : "ActLine.Problem.DisputeState",
            (line, by, now) => line.Dispute(note.Trim(), by, now), ct);

    public Task<string?> AcceptAsync(Guid lineId, string note, CancellationToken ct) =>
        WorkAsync(lineId, note, "dms-act-line.accepted", line => line.CanAccept ? null : "ActLine.Problem.AcceptState",
            (line, by, now) => line.Accept(note.Trim(), by, now), ct);

    // The line's own rule is checked here first so the refusal reads in the user's language (the line throws in English).
    private async Task<string?> WorkAsync(Guid lineId, string note, string action, Func<DmsActLine, string?> refusal,
        Action<DmsActLine, string, DateTimeOffset> work, CancellationToken ct)
    {
        var principal = await session.UserAsync();
        if (!principal.IsInRole(ConsoleRoles.Billing) && !principal.IsInRole(ConsoleRoles.Admin))
        {
            return words["ActLine.Problem.NotAllowed"];
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return words["ActLine.Problem.Note"];
        }

        var user = await session.UserIdAsync();
        await using var db = contexts.CreateHubWideContext();
        var line = await db.DmsActLines.SingleOrDefaultAsync(l => l.Id == lineId, ct);
        if (line is null)
        {
            return words["ActLine.Problem.NoLine"];
        }

        if (refusal(line) is { } key)
        {
            return string.Format(CultureInfo.CurrentCulture, words[key], words["ActLineStatus." + line.WorkStatus]);
        }

        var now = time.GetUtcNow();
        work(line, "console:" + user.ToString("N"), now);

        ConsoleAudit.RecordAction(db, user, now, action, WorkAssignment.DmsActLine, line.Id, line.PracticeId);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
