using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Adapters.Transports.CaqhCore;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace DentalClaimsHub.Api.Eligibility;

/// <summary>
/// Asks the payer for one stored check and records the answer or the failure. Runs in its own scope, detached from the
/// HTTP request, so an answer that arrives after the deadline is still kept for the client who polls.
/// </summary>
public sealed partial class EligibilityRunner(
    IServiceScopeFactory scopes, UnstoredAnswers unstored, NewRowsWriter writer, IHostApplicationLifetime lifetime,
    ILogger<EligibilityRunner> logger)
{
    /// <summary>How long to wait before asking a payer that timed out or refused the connection again.</summary>
    public static readonly TimeSpan UnreachableRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Asks the payer on a thread of its own. <see cref="RunningCheck.Answer"/> is the check with its answer or failure as
    /// soon as it is known; <see cref="RunningCheck.Stored"/> ends when it is written (just after, unless the database is
    /// slow: see <see cref="UnstoredAnswers"/>). The inquiry's check is the runner's own; <paramref name="unsaved"/> says
    /// whether the request stored it as pending meanwhile.
    /// </summary>
    public RunningCheck Run(EligibilityInquiry inquiry, UnsavedCheck unsaved)
    {
        var answer = new TaskCompletionSource<EligibilityCheck>();
        var stored = Task.Run(() => RunCoreAsync(inquiry, unsaved, answer, lifetime.ApplicationStopping));
        return new RunningCheck(answer.Task, stored);
    }

    private async Task RunCoreAsync(EligibilityInquiry inquiry, UnsavedCheck unsaved, TaskCompletionSource<EligibilityCheck> answer,
        CancellationToken cancellationToken)
    {
        try
        {
            await AskAndStoreAsync(inquiry, unsaved, answer, cancellationToken);
        }
        catch (Exception ex)
        {
            // A request still waiting for the answer gets the failure; an answer already given stays given, and the estimate
            // that waits for this write (RunningCheck.Stored) learns of it.
            answer.TrySetException(ex);
            if (ex is not OperationCanceledException)
            {
                LogStoreFailure(logger, inquiry.Check.Id, inquiry.Check.PayerId, ex);
            }

            throw;
        }
    }

    private async Task AskAndStoreAsync(EligibilityInquiry inquiry, UnsavedCheck unsaved, TaskCompletionSource<EligibilityCheck> answer,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var check = inquiry.Check;
        try
        {
            var adapter = scope.ServiceProvider.GetServices<IEligibilityAdapter>().For(inquiry.Payer)
                ?? throw new InvalidOperationException($"No eligibility adapter for payer '{inquiry.Payer.Id}'.");
            var result = await adapter.CheckAsync(inquiry, cancellationToken);
            check.Complete(result, time.GetUtcNow());
        }
        catch (Exception ex) when (Failure(ex, time.GetUtcNow()) is { } failure)
        {
            // The exception's text may quote the payer's answer (names, member ids): log its type only.
            LogPayerFailure(logger, check.Id, check.PayerId, failure.Code, ex.GetType().Name);
            var (english, reasonCode, reasonArgs) = failure.Reason;
            check.Fail(failure.Code, english, time.GetUtcNow(), failure.RetryAt, reasonCode, reasonArgs);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug, not the payer: still end the check so nobody polls it forever.
            LogHubFailure(logger, check.Id, check.PayerId, ex);
            var fault = EligibilityFailureReasons.Coded(EligibilityFailureReasons.HubFault);
            check.Fail(EligibilityFailureCodes.HubError, fault.English, time.GetUtcNow(), reasonCode: fault.Code, reasonArgs: fault.Args);
        }

        // The client has its answer first, then it is written (the request waits for the write only when the database has
        // fallen behind). A read of the check waits for the write (UnstoredAnswers.FindAsync).
        using (var write = unstored.TryAnswerBeforeWrite(check))
        {
            if (write is not null)
            {
                answer.TrySetResult(check);
            }

            await StoreAsync(scope, check, unsaved);
        }

        answer.TrySetResult(check);
    }

    private async Task StoreAsync(AsyncServiceScope scope, EligibilityCheck check, UnsavedCheck unsaved)
    {
        // The pooled context is taken once the payer has answered: holding it through the wait kept one per check in flight.
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await unsaved.StoreAnswerAsync(
            requested =>
            {
                db.EligibilityChecks.Add(check);
                db.AuditEvents.Add(requested);
                return SaveAnswerAsync(db, writer);
            },
            () =>
            {
                db.EligibilityChecks.Update(check);
                return db.SaveChangesAsync(CancellationToken.None);
            });
    }

    /// <summary>
    /// Writes a check whose answer the client already has (or is about to get): the check, its audit event and the
    /// messages exchanged, as one transaction in one round trip together with the other answers waiting for their writes
    /// (<see cref="NewRowsWriter"/>: group commit; EF's save, three round trips and a fifth of the hub's CPU per check, when
    /// the unit holds anything else), without waiting for PostgreSQL to flush it to disk (<c>synchronous_commit = off</c>
    /// for this transaction only; the WAL writer flushes it within 3 × <c>wal_writer_delay</c>, 600 ms by default). A flush
    /// took half of the time the hub added to a check on a virtual disk. The trade: should PostgreSQL crash in that window,
    /// or the hub between its answer and this write (a few milliseconds; a stopping hub waits for it, see
    /// <see cref="UnstoredAnswers"/>), the record of an answer the client already holds is lost (not corrupted) — an
    /// eligibility answer can always be asked again. A check the client was told to poll (202) is written with a flushed
    /// commit before the 202 leaves, and so is everything else the hub stores.
    /// </summary>
    private static async Task SaveAnswerAsync(HubDbContext db, NewRowsWriter writer)
    {
        if (db.TakeNewRows(waitForFlush: false) is { } rows)
        {
            await writer.WriteAsync(rows);
            rows.Saved();
            return;
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Database.AutoSavepointsEnabled = false;
            await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.AcceptAllChanges();
        }, CancellationToken.None);
    }

    // Payer trouble becomes a recorded failure; anything else is a bug and propagates. The reason is the adapter's code and
    // values when it gave them; an uncoded account (a transport shared with claims) keeps its English only.
    private static (string Code, EligibilityReason Reason, DateTimeOffset? RetryAt)? Failure(Exception ex, DateTimeOffset now) => ex switch
    {
        BrokenCircuitException broken => (EligibilityFailureCodes.PayerUnavailable,
            EligibilityFailureReasons.Coded(EligibilityFailureReasons.CircuitOpen), now + (broken.RetryAfter ?? UnreachableRetryAfter)),
        RateLimiterRejectedException limited => (EligibilityFailureCodes.PayerUnavailable,
            EligibilityFailureReasons.Coded(EligibilityFailureReasons.TooManyInFlight),
            now + (limited.RetryAfter ?? TimeSpan.FromSeconds(1))),
        TimeoutRejectedException or HttpRequestException => (EligibilityFailureCodes.PayerUnavailable,
            EligibilityFailureReasons.Coded(EligibilityFailureReasons.Unreachable), now + UnreachableRetryAfter),
        CoreTransportException { CoreErrorCode: null } core => (EligibilityFailureCodes.PayerUnavailable,
            EligibilityReason.Of(core.Message, core.Reason), now + UnreachableRetryAfter),
        CoreTransportException core => (EligibilityFailureCodes.PayerError, EligibilityReason.Of(core.Message, core.Reason), null),
        PayerResponseException response =>
            (EligibilityFailureCodes.PayerError, EligibilityReason.Of(response.Message, response.Reason), null),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Eligibility check {CheckId} for payer {PayerId} failed inside the hub")]
    private static partial void LogHubFailure(ILogger logger, Guid checkId, string payerId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Eligibility check {CheckId} for payer {PayerId} could not be stored")]
    private static partial void LogStoreFailure(ILogger logger, Guid checkId, string payerId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Eligibility check {CheckId} for payer {PayerId} failed: {FailureCode} ({ExceptionType})")]
    private static partial void LogPayerFailure(ILogger logger, Guid checkId, string payerId, string failureCode, string exceptionType);
}

/// <summary>A check with the payer: its answer as soon as it is known, and when it is written.</summary>
public sealed record RunningCheck(Task<EligibilityCheck> Answer, Task Stored);
