using System.Threading.RateLimiting;
using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
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
public sealed partial class EligibilityRunner(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<EligibilityRunner> logger)
{
    /// <summary>How long to wait before asking a payer that timed out or refused the connection again.</summary>
    public static readonly TimeSpan UnreachableRetryAfter = TimeSpan.FromSeconds(30);

    public Task RunAsync(Guid checkId) => Task.Run(() => RunCoreAsync(checkId, lifetime.ApplicationStopping));

    private async Task RunCoreAsync(Guid checkId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var check = await db.EligibilityChecks.SingleAsync(c => c.Id == checkId, cancellationToken);
        try
        {
            var patient = await db.Patients.SingleAsync(p => p.Id == check.PatientId, cancellationToken);
            var coverage = await db.Coverages.SingleAsync(c => c.Id == check.CoverageId, cancellationToken);
            var practice = await db.Practices.SingleAsync(p => p.Id == check.PracticeId, cancellationToken);
            var payer = scope.ServiceProvider.GetRequiredService<PayerProfileCatalog>().Get(check.PayerId);
            var adapter = scope.ServiceProvider.GetServices<IEligibilityAdapter>().For(payer)
                ?? throw new InvalidOperationException($"No eligibility adapter for payer '{payer.Id}'.");
            var result = await adapter.CheckAsync(new EligibilityInquiry(check, practice, patient, coverage, payer), cancellationToken);
            check.Complete(result, time.GetUtcNow());
        }
        catch (Exception ex) when (Failure(ex, time.GetUtcNow()) is { } failure)
        {
            LogPayerFailure(logger, check.Id, check.PayerId, failure.Code, ex);
            check.Fail(failure.Code, failure.Detail, time.GetUtcNow(), failure.RetryAt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug, not the payer: still end the check so nobody polls it forever.
            LogHubFailure(logger, check.Id, check.PayerId, ex);
            check.Fail(EligibilityFailureCodes.HubError, "The hub could not process this check; the error has been logged.", time.GetUtcNow());
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    // Payer trouble becomes a recorded failure; anything else is a bug and propagates.
    private static (string Code, string Detail, DateTimeOffset? RetryAt)? Failure(Exception ex, DateTimeOffset now) => ex switch
    {
        BrokenCircuitException broken => (EligibilityFailureCodes.PayerUnavailable,
            "The payer has been failing; calls to it are paused for a while.", now + (broken.RetryAfter ?? UnreachableRetryAfter)),
        RateLimiterRejectedException limited => (EligibilityFailureCodes.PayerUnavailable,
            "Too many requests to this payer are in flight; try again shortly.", now + (limited.RetryAfter ?? TimeSpan.FromSeconds(1))),
        TimeoutRejectedException or HttpRequestException => (EligibilityFailureCodes.PayerUnavailable,
            "The payer could not be reached in time.", now + UnreachableRetryAfter),
        CoreTransportException { CoreErrorCode: null } core => (EligibilityFailureCodes.PayerUnavailable, core.Message, now + UnreachableRetryAfter),
        CoreTransportException core => (EligibilityFailureCodes.PayerError, core.Message, null),
        PayerResponseException response => (EligibilityFailureCodes.PayerError, response.Message, null),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Eligibility check {CheckId} for payer {PayerId} failed inside the hub")]
    private static partial void LogHubFailure(ILogger logger, Guid checkId, string payerId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Eligibility check {CheckId} for payer {PayerId} failed: {FailureCode}")]
    private static partial void LogPayerFailure(ILogger logger, Guid checkId, string payerId, string failureCode, Exception exception);
}
