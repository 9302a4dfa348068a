using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports.CaqhCore;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DentalClaimsHub.Api.Eligibility;

/// <summary>
/// Asks the payer for one stored check and records the answer or the failure. Runs in its own scope, detached from the
/// HTTP request, so an answer that arrives after the deadline is still kept for the client who polls.
/// </summary>
public sealed partial class EligibilityRunner(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<EligibilityRunner> logger)
{
    public Task RunAsync(Guid checkId, IReadOnlyList<ProcedureCode> procedures) =>
        Task.Run(() => RunCoreAsync(checkId, procedures, lifetime.ApplicationStopping));

    private async Task RunCoreAsync(Guid checkId, IReadOnlyList<ProcedureCode> procedures, CancellationToken cancellationToken)
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
            var result = await adapter.CheckAsync(new EligibilityInquiry(check, practice, patient, coverage, payer, procedures), cancellationToken);
            check.Complete(result, time.GetUtcNow());
        }
        catch (Exception ex) when (Failure(ex) is { } failure)
        {
            LogPayerFailure(logger, check.Id, check.PayerId, failure.Code, ex);
            check.Fail(failure.ToString(), time.GetUtcNow());
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    // Payer trouble becomes a recorded failure; anything else is a bug and propagates.
    private static EligibilityFailure? Failure(Exception ex) => ex switch
    {
        BrokenCircuitException => new(EligibilityFailure.PayerUnavailable, "The payer is failing; calls are paused for a while.", null),
        TimeoutRejectedException or HttpRequestException => new(EligibilityFailure.PayerUnavailable, "The payer could not be reached in time.", null),
        CoreTransportException { CoreErrorCode: null } core => new(EligibilityFailure.PayerUnavailable, core.Message, null),
        CoreTransportException core => new(EligibilityFailure.PayerError, core.Message, null),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Eligibility check {CheckId} for payer {PayerId} failed: {FailureCode}")]
    private static partial void LogPayerFailure(ILogger logger, Guid checkId, string payerId, string failureCode, Exception exception);
}
