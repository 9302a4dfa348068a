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
    HubDbContext db, EligibilitySubjects subjects, EligibilityRunner runner, UnstoredAnswers unstored, PayerProfileCatalog payers,
    IEnumerable<IEligibilityAdapter> adapters, AuditTrail audit, TimeProvider time, IOptions<EligibilityOptions> options)
{
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

        if (!request.Force)
        {
            // An answer this instance has just given for the coverage is written first, so it is found and reused.
            await unstored.CoverageWrittenAsync(coverage.Id, cancellationToken);
        }

        var now = time.GetUtcNow();
        if (!request.Force && await FindFreshAsync(coverage.Id, dateOfService, procedures, categories, now - options.Value.CacheTtl, cancellationToken)
            is { } cached)
        {
            await audit.RecordReadAsync(user, "eligibility-check", [cached.Id], cancellationToken);
            return new EligibilityOutcome { Subject = subject, Check = cached, Cached = true, Answered = true };
        }

        var id = Guid.CreateVersion7(now);
        EligibilityCheck Check() => EligibilityCheck.Create(practiceId, patient.Id, coverage.Id, coverage.PayerId, dateOfService, now,
            categories, id, procedures, provider ?? ProviderIdentity.Of(practice));
        var inquiry = new EligibilityInquiry(Check(), practice, patient, coverage, payer);
        var problems = adapter.Validate(inquiry);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                errors.Add(JsonPath.Root.Property(problem.Field), problem.Message);
            }

            return new EligibilityOutcome { Subject = subject, Errors = errors };
        }

        var unsaved = new UnsavedCheck(Check(), audit.Event(user, "eligibility.requested", "eligibility-check", id));
        var running = runner.Run(inquiry, unsaved);
        // WaitAsync stops the deadline's timer as soon as the answer is in (a Task.Delay raced against the work kept a timer,
        // a task and a registration alive for the whole deadline per answered check: 10,000 of them at 500 checks/s).
        try
        {
            return new EligibilityOutcome
            {
                Subject = subject, Check = await running.Answer.WaitAsync(options.Value.Deadline, time, cancellationToken), Answered = true,
                Stored = running.Stored,
            };
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Past the deadline, or the client gave up waiting: the check is stored as pending below (or, should the answer
            // have been stored meanwhile, given as it is).
        }

        // The client will poll for it: the pending check is stored (flushed to disk) before the 202 leaves. An answer
        // stored in the meantime is given at once instead, never as a 202.
        EligibilityCheck? pending = null;
        await unsaved.StorePendingAsync(async (check, requested) =>
        {
            db.EligibilityChecks.Add(check);
            db.AuditEvents.Add(requested);
            await db.SaveChangesAsync(CancellationToken.None);
            db.Entry(check).State = EntityState.Detached;
            pending = check;
        });
        return pending is not null
            ? new EligibilityOutcome { Subject = subject, Check = pending }
            : new EligibilityOutcome { Subject = subject, Check = await running.Answer, Answered = true, Stored = running.Stored };
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

    /// <summary>Ends when <see cref="Check"/> is in the database: an answer goes back before it is written.</summary>
    public Task Stored { get; init; } = Task.CompletedTask;
}
