using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Protection;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.AdminConsole.Messages;

/// <summary>What the message search is narrowed to. Null means "any".</summary>
public sealed record MessageFilter
{
    /// <summary>An ISA13, GS06 or ST02 control number.</summary>
    public string? ControlNumber { get; init; }

    /// <summary>A claim's patient control number (CLM01) or its id.</summary>
    public string? Claim { get; init; }

    public Guid? PatientId { get; init; }

    public Guid? PracticeId { get; init; }

    public MessageDirection? Direction { get; init; }

    /// <summary>837, 835, 277CA, ClaimResponse, roster…</summary>
    public string? TransactionType { get; init; }

    /// <summary>Received on or after this day (UTC).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Received on or before this day (UTC).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Zero-based page.</summary>
    public int Page { get; init; }
}

/// <summary>One stored message as the result list shows it: what identifies it, never its content.</summary>
public sealed record MessageRow(Guid Id, MessageDirection Direction, string Protocol, string TransactionType, string? InterchangeControlNumber,
    string? GroupControlNumber, IReadOnlyList<string> TransactionControlNumbers, string? PayerId, DateTimeOffset ReceivedAt, long Size,
    MessageParseStatus ParseStatus);

public sealed record MessageResults(IReadOnlyList<MessageRow> Rows, int Total, int Page, int PageSize);

/// <summary>A linked record: its id and, for a claim, its number for the link text.</summary>
public sealed record MessageLink(Guid Id, string Kind, string? Label);

/// <summary>Everything the message page shows, including the raw text (which may hold PHI).</summary>
public sealed record MessageDetails(MessageRow Message, Guid? PracticeId, string? SenderId, string? ReceiverId, string ContentType, string Sha256,
    string? ParseErrors, string Text, IReadOnlyList<MessageLink> Links);

/// <summary>
/// Searches every stored message hub-wide by control number, claim, patient, practice, direction, type and date, one page
/// at a time, newest first; a message's details carry its raw text and the records it is linked to.
/// </summary>
public sealed class MessageSearch(IDbContextFactory<HubDbContext> contexts, IStoredFileProtector protector)
{
    public const int PageSize = 50;

    public async Task<MessageResults> SearchAsync(MessageFilter filter, CancellationToken ct)
    {
        await using var db = contexts.CreateHubWideContext();
        var messages = db.Messages.AsNoTracking();
        if (filter.ControlNumber?.Trim() is { Length: > 0 } number)
        {
            messages = messages.Where(m => m.InterchangeControlNumber == number || m.GroupControlNumber == number
                || m.TransactionControlNumbers.Contains(number));
        }

        var claimIds = new List<Guid>();
        var byClaim = filter.Claim?.Trim() is { Length: > 0 } claim;
        if (byClaim)
        {
            var text = filter.Claim!.Trim();
            claimIds.AddRange(Guid.TryParse(text, out var id)
                ? [id]
                : await db.Claims.AsNoTracking().IgnoreAutoIncludes().Where(c => c.PatientControlNumber == text).Select(c => c.Id).ToListAsync(ct));
        }

        if (filter.PatientId is { } patient)
        {
            var ofPatient = await db.Claims.AsNoTracking().IgnoreAutoIncludes().Where(c => c.PatientId == patient).Select(c => c.Id).ToListAsync(ct);
            ofPatient.Add(patient);
            claimIds = byClaim ? claimIds.Intersect(ofPatient).ToList() : ofPatient;
            byClaim = true;
        }

        if (byClaim)
        {
            messages = messages.Where(m => m.LinkedIds.Any(l => claimIds.Contains(l)));
        }

        if (filter.PracticeId is { } practice)
        {
            messages = messages.Where(m => m.PracticeId == practice);
        }

        if (filter.Direction is { } direction)
        {
            messages = messages.Where(m => m.Direction == direction);
        }

        if (filter.TransactionType?.Trim() is { Length: > 0 } type)
        {
            messages = messages.Where(m => m.TransactionType == type);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            messages = messages.Where(m => m.ReceivedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            messages = messages.Where(m => m.ReceivedAt < end);
        }

        var total = await messages.CountAsync(ct);
        var page = Math.Max(0, filter.Page);
        var rows = await messages.OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id).Skip(page * PageSize).Take(PageSize)
            .Select(m => new MessageRow(m.Id, m.Direction, m.Protocol, m.TransactionType, m.InterchangeControlNumber, m.GroupControlNumber,
                m.TransactionControlNumbers, m.PayerId, m.ReceivedAt, m.Size, m.ParseStatus))
            .ToListAsync(ct);
        return new MessageResults(rows, total, page, PageSize);
    }

    /// <summary>The transaction types stored so far, for the type filter.</summary>
    public async Task<IReadOnlyList<string>> TypesAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateHubWideContext();
        return await db.Messages.AsNoTracking().Select(m => m.TransactionType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    public async Task<MessageDetails?> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var db = contexts.CreateHubWideContext();
        var m = await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (m is null)
        {
            return null;
        }

        var linked = m.LinkedIds.ToList();
        var claims = await db.Claims.AsNoTracking().IgnoreAutoIncludes().Where(c => linked.Contains(c.Id))
            .Select(c => new { c.Id, c.PatientControlNumber }).ToDictionaryAsync(c => c.Id, c => c.PatientControlNumber, ct);
        var remittances = await db.Remittances.AsNoTracking().IgnoreAutoIncludes().Where(r => linked.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        var links = linked.Select(l => claims.TryGetValue(l, out var pcn)
            ? new MessageLink(l, "claim", pcn)
            : new MessageLink(l, remittances.Contains(l) ? "remittance" : "other", null)).ToList();
        var row = new MessageRow(m.Id, m.Direction, m.Protocol, m.TransactionType, m.InterchangeControlNumber, m.GroupControlNumber,
            m.TransactionControlNumbers, m.PayerId, m.ReceivedAt, m.Size, m.ParseStatus);
        return new MessageDetails(row, m.PracticeId, m.SenderId, m.ReceiverId, m.ContentType, m.Sha256, m.ParseErrors,
            System.Text.Encoding.UTF8.GetString(m.ReadContent(protector)), links);
    }
}
