using System.Globalization;
using System.Text;
using DentalClaimsHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Hosting;

/// <summary>Practice-local dates at the API's edge: the practice's zone, a local day's UTC bounds, today there.</summary>
public static class PracticeTime
{
    public static async Task<TimeZoneInfo> ZoneAsync(HubDbContext db, Guid practiceId, CancellationToken cancellationToken)
    {
        var zoneId = await db.Practices.AsNoTracking().Where(p => p.Id == practiceId).Select(p => p.TimeZoneId).SingleAsync(cancellationToken);
        return TimeZoneInfo.FindSystemTimeZoneById(zoneId);
    }

    public static DateOnly LocalDate(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>The UTC instant the local <paramref name="date"/> starts in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>
/// Keyset page cursors: the last item's instant (UTC ticks) and id, base64url — opaque to clients, stable under inserts.
/// </summary>
public static class PageCursor
{
    public static string Encode(DateTimeOffset at, Guid id) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks}.{id:N}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Cuts a page read with one item too many (<c>Take(size + 1)</c>) back to <paramref name="size"/> and returns the cursor
    /// of the next page (the last kept item's position), or null when there is none.
    /// </summary>
    public static string? Trim<T>(List<T> page, int size, Func<T, (DateTimeOffset At, Guid Id)> position)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(position);
        if (page.Count <= size)
        {
            return null;
        }

        page.RemoveRange(size, page.Count - size);
        var (at, id) = position(page[^1]);
        return Encode(at, id);
    }

    /// <summary>The position in <paramref name="cursor"/>, or null when it is not one this API returned.</summary>
    public static (DateTimeOffset At, Guid Id)? Decode(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(base64));
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            return dot > 0 && long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParseExact(text.AsSpan(dot + 1), "N", out var id)
                ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
