using System.Security.Claims;
using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Auditing;
using DentalClaimsHub.Api.Providers;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Eligibility;

/// <summary>
/// Gets an eligibility answer for a request: a fresh cached one, or the payer's within the deadline (else the pending
/// check). Shared by <c>POST /v1/eligibility</c> and estimates that start from a coverage.
/// </summary>
public sealed class EligibilityService(
    HubDbContext db, EligibilitySubjects subjects, EligibilityRunner runner, PayerProfileCatalog payers,
    IEnumerable<IEligibilityAdapter> adapters, AuditTrail audit, TimeProvider time, IOptions<EligibilityOptions> options)
{
    // Below this a pending check could be polled before PostgreSQL's WAL writer has flushed it: commit it normally.
    private static readonly TimeSpan AsynchronousCommitMinimumDeadline = TimeSpan.FromSeconds(1);

    public async Task<EligibilityOutcome> AskAsync(Guid practiceId, EligibilityRequest request, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var procedures = EligibilitySubjects.ParseProcedures(request.ProcedureCodes, errors);
        var categories = EligibilitySubjects.ParseServiceTypes(request.ServiceTypeCodes, errors);
        var provider = request.Provider is { } named ? ProviderValidation.TryCreate(named, JsonPath.Root.Property("provider"), errors) : null;
        var subject = await subjects.ResolveAsync(practiceId, request, errors, cancellationToken);
        if (subject is null)
        {
            return errors.IsEmpty
                ? new EligibilityOutcome { Problem = EligibilityApi.NotFound("The patient or coverage does not exist in this practice.") }
                : new EligibilityOutcome { Errors = errors };
        }

        if (!errors.IsEmpty)
        {
            // Codes are checked before the subject is looked up; a registered patient must not make a bad code pass.
            return new EligibilityOutcome { Subject = subject, Errors = errors };
        }

        var (practice, patient, coverage, dateOfService) = subject;
        var payer = payers.Find(coverage.PayerId);
        var adapter = payer is null ? null : adapters.For(payer);
        if (payer is null || adapter is null)
        {
            return new EligibilityOutcome
            {
                Subject = subject,
                Problem = TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Eligibility not offered",
                    detail: $"Payer '{coverage.PayerId}' has no eligibility route the hub can use."),
            };
        }

        var now = time.GetUtcNow();
        if (!request.Force && await FindFreshAsync(coverage.Id, dateOfService, procedures, categories, now - options.Value.CacheTtl, cancellationToken)
            is { } cached)
        {
            await audit.RecordReadAsync(user, "eligibility-check", [cached.Id], cancellationToken);
            return new EligibilityOutcome { Subject = subject, Check = cached, Cached = true, Answered = true };
        }

        var check = EligibilityCheck.Create(practiceId, patient.Id, coverage.Id, coverage.PayerId, dateOfService, now, categories,
            id: Guid.CreateVersion7(now), procedures: procedures, provider: provider ?? ProviderIdentity.Of(practice));
        var inquiry = new EligibilityInquiry(check, practice, patient, coverage, payer);
        var problems = adapter.Validate(inquiry);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                errors.Add(JsonPath.Root.Property(problem.Field), problem.Message);
            }

            return new EligibilityOutcome { Subject = subject, Errors = errors };
        }

        db.EligibilityChecks.Add(check);
        audit.Record(user, "eligibility.requested", "eligibility-check", check.Id);
        await SavePendingAsync(cancellationToken);
        db.Entry(check).State = EntityState.Detached; // the runner's own context owns it from here

        var work = runner.RunAsync(inquiry);
        var answered = await Task.WhenAny(work, Task.Delay(options.Value.Deadline, time, cancellationToken)) == work;
        var current = answered
            ? await work
            : await db.EligibilityChecks.AsNoTracking().SingleAsync(c => c.Id == check.Id, cancellationToken);
        // The answer may land between the deadline and that read: a final check is answered at once, not deferred to a poll.
        return new EligibilityOutcome
        {
            Subject = subject, Check = current,
            Answered = answered || current.Status is EligibilityCheckStatus.Completed or EligibilityCheckStatus.Failed,
        };
    }

    /// <summary>
    /// Stores the pending check without waiting for PostgreSQL to flush it to disk (<c>synchronous_commit = off</c> for
    /// this transaction only): a check is answered by the runner's save, a normal commit, which flushes everything written
    /// before it, so an answered check is as durable as ever; and a client learns of a still-pending check only at the
    /// deadline, later than PostgreSQL's WAL writer flushes an asynchronous commit (within 3 × <c>wal_writer_delay</c>,
    /// 600 ms by default). A disk flush per check was one of its two on this path: on a virtual disk, milliseconds.
    /// </summary>
    private Task SavePendingAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Deadline < AsynchronousCommitMinimumDeadline)
        {
            return db.SaveChangesAsync(cancellationToken);
        }

        return db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.AcceptAllChanges();
        }, cancellationToken);
    }

    // The newest completed answer for the same coverage, date, procedures and categories; the lists are compared in memory.
    private async Task<EligibilityCheck?> FindFreshAsync(Guid coverageId, DateOnly dateOfService, IReadOnlyList<ProcedureCode> procedures,
        IReadOnlyList<BenefitCategory> categories, DateTimeOffset freshSince, CancellationToken cancellationToken)
    {
        var candidates = await db.EligibilityChecks.AsNoTracking()
            .Where(c => c.CoverageId == coverageId && c.ServiceDate == dateOfService && c.Status == EligibilityCheckStatus.Completed
                && c.CompletedAt > freshSince)
            .OrderByDescending(c => c.CompletedAt).Take(20).ToListAsync(cancellationToken);
        var asked = Sorted(procedures);
        var askedCategories = EligibilityCheck.AskedCategories(categories).Order().ToList();
        return candidates.FirstOrDefault(c => Sorted(c.Procedures).SequenceEqual(asked) && c.Categories.Order().SequenceEqual(askedCategories));

        static List<ProcedureCode> Sorted(IEnumerable<ProcedureCode> codes) =>
            [.. codes.Distinct().OrderBy(p => p.System).ThenBy(p => p.Code, StringComparer.Ordinal)];
    }
}

/// <summary>What <see cref="EligibilityService.AskAsync"/> came to: field errors, a problem, or a check (answered or pending).</summary>
public sealed record EligibilityOutcome
{
    public ValidationErrors? Errors { get; init; }

    public ProblemHttpResult? Problem { get; init; }

    public EligibilitySubject? Subject { get; init; }

    public EligibilityCheck? Check { get; init; }

    public bool Cached { get; init; }

    /// <summary>False when the deadline passed first: the check is still pending and can be polled.</summary>
    public bool Answered { get; init; }
}
