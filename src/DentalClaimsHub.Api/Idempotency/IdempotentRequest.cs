using System.Text.Json;
using DentalClaimsHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Idempotency;

/// <summary>
/// A POST made with an <c>Idempotency-Key</c>, from the first look at the key to the saved answer. <see cref="StartAsync"/>
/// replays a remembered answer or refuses a reused key; <see cref="CreatedAsync"/> saves the effect together with the
/// answer and turns the races a unique index settles into the answer a client should see.
/// </summary>
public sealed class IdempotentRequest
{
    private readonly Guid _practiceId;
    private readonly string _operation;
    private readonly string _key;
    private readonly string _hash;
    private readonly JsonSerializerOptions _json;

    private IdempotentRequest(Guid practiceId, string operation, string key, string hash, JsonSerializerOptions json)
    {
        (_practiceId, _operation, _key, _hash, _json) = (practiceId, operation, key, hash, json);
    }

    /// <summary>
    /// The request to carry on with, or the answer to send now: a 400 for a missing or unusable key, the remembered
    /// response for a repeat, a 409 for the key reused with another body.
    /// </summary>
    public static async Task<(IdempotentRequest? Request, IResult? Answer)> StartAsync<T>(HttpContext http, HubDbContext db, Guid practiceId,
        string operation, T body, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var (key, problem) = IdempotencyKeys.Read(http);
        if (problem is not null)
        {
            return (null, problem);
        }

        var hash = IdempotencyKeys.Hash(body, json);
        var replay = await IdempotencyKeys.ReplayAsync(db, practiceId, operation, key!, hash, http, cancellationToken);
        return replay is not null ? (null, replay) : (new IdempotentRequest(practiceId, operation, key!, hash, json), null);
    }

    /// <summary>Saves the unit of work with the remembered 201 answer and returns that answer (or why it could not be saved).</summary>
    public async Task<IResult> CreatedAsync<T>(HubDbContext db, HttpContext http, string location, T response, Guid resourceId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        IdempotencyKeys.Remember(db, _practiceId, _operation, _key, _hash, StatusCodes.Status201Created, location, response, resourceId, _json, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created(location, response);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile",
                detail: "Someone else changed this claim at the same time; read it again and retry.");
        }
        catch (DbUpdateException ex) when (IdempotencyKeys.IsUniqueViolation(ex, out var constraint))
        {
            // A concurrent request with the same key won the race (replay its answer), or the claim number is taken.
            db.ChangeTracker.Clear();
            if (await IdempotencyKeys.ReplayAsync(db, _practiceId, _operation, _key, _hash, http, cancellationToken) is { } replay)
            {
                return replay;
            }

            return constraint is not null && constraint.Contains("patient_control_number", StringComparison.Ordinal)
                ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Patient control number already used",
                    detail: "A claim to this payer already has this patientControlNumber (CLM01); each claim needs its own.")
                : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                    detail: "The request conflicts with data stored meanwhile; read it again and retry.");
        }
    }
}
