using System.Security.Cryptography;
using System.Text.Json;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Idempotency;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DentalClaimsHub.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> handling for POSTs that create something a payer will see (claims, pre-authorisations): the
/// first request's outcome is stored with its effect, a repeat with the same key and body replays it (with
/// <c>Idempotent-Replayed: true</c>), the same key with another body is 409. Validation failures are not remembered, so a
/// client may fix the body and retry with the same key.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>How long a key is remembered.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>The key of the request, or a 400 problem naming the header when it is missing or unusable.</summary>
    public static (string? Key, IResult? Problem) Read(HttpContext http)
    {
        var values = http.Request.Headers[Header];
        var key = values.Count == 1 ? values[0]?.Trim() : null;
        if (values.Count > 1)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Idempotency-Key repeated", "Send one Idempotency-Key header, not several."));
        }

        if (string.IsNullOrEmpty(key))
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Idempotency-Key required",
                "This request creates something a payer will receive: send an Idempotency-Key header (for example a UUID) and "
                + "reuse it when retrying, so a retry never creates a second one."));
        }

        if (key.Length > IdempotencyRecord.MaxKeyLength || key.Any(char.IsControl))
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Idempotency-Key invalid",
                $"The Idempotency-Key must be 1 to {IdempotencyRecord.MaxKeyLength} printable characters."));
        }

        return (key, null);
    }

    /// <summary>SHA-256 of the request as the API understood it (property order and whitespace do not matter).</summary>
    public static string Hash<T>(T request, JsonSerializerOptions json) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, json)));

    /// <summary>The remembered answer for this key, or null when the key is new.</summary>
    public static async Task<IResult?> ReplayAsync(HubDbContext db, Guid practiceId, string operation, string key, string hash,
        HttpContext http, CancellationToken cancellationToken)
    {
        var record = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.PracticeId == practiceId && r.Operation == operation && r.Key == key, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != hash)
        {
            return Problem(StatusCodes.Status409Conflict, "Idempotency-Key reused with another request",
                $"The Idempotency-Key was first used at {record.CreatedAt:u} for a different request body. Use a new key for a new request.");
        }

        http.Response.Headers[ReplayedHeader] = "true";
        if (record.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }

        return Results.Text(record.ResponseBody, "application/json", statusCode: record.StatusCode);
    }

    /// <summary>Remembers the response in the unit of work that creates the resource.</summary>
    public static void Remember<T>(HubDbContext db, Guid practiceId, string operation, string key, string hash, int statusCode,
        string? location, T response, Guid? resourceId, JsonSerializerOptions json, DateTimeOffset now) =>
        db.IdempotencyRecords.Add(IdempotencyRecord.Create(practiceId, operation, key, hash, statusCode, location,
            JsonSerializer.Serialize(response, json), resourceId, now, Retention));

    /// <summary>True when saving failed on a unique index — a concurrent request with the same key, or a duplicate number.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception, out string? constraint)
    {
        if (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            constraint = pg.ConstraintName;
            return true;
        }

        constraint = null;
        return false;
    }

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
