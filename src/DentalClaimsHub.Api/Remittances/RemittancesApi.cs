using System.Security.Claims;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Hosting;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static DentalClaimsHub.Api.JsonNames;

namespace DentalClaimsHub.Api.Remittances;

/// <summary>
/// Remittances for practices: the list (payer, status, practice-local received dates, cursor), one remittance with its
/// claim payments, a claim's payments across remittances, and the daily collections report.
/// </summary>
public static class RemittancesApi
{
    public static WebApplication MapRemittancesApi(this WebApplication app)
    {
        var group = app.MapGroup("/v1/remittances").WithTags("Remittances");
        group.MapGet("/", ListAsync).RequireScope(Scopes.RemittancesRead).WithName("ListRemittances")
            .WithSummary("Lists remittances newest first, filtered by payer, status (posted, unbalanced, duplicatePayment…), received dates and review need.");
        group.MapGet("/{id:guid}", GetAsync).RequireScope(Scopes.RemittancesRead).WithName("GetRemittance")
            .WithSummary("One remittance: the payment, its claim payments with adjustments and remarks explained, provider adjustments, problems.");
        app.MapGet("/v1/claims/{id:guid}/payments", ClaimPaymentsAsync).RequireScope(Scopes.RemittancesRead).WithTags("Remittances")
            .WithName("GetClaimPayments").WithSummary("Every payment, reversal and denial the payers sent for one claim, with totals.");
        app.MapGet("/v1/reports/collections", CollectionsAsync).RequireScope(Scopes.RemittancesRead).WithTags("Reports")
            .WithName("GetCollectionsReport")
            .WithSummary("Daily collections for a practice-local date: money received, claims paid, patient portions, write-offs and provider adjustments, by payer.");
        return app;
    }

    private static async Task<Results<Ok<RemittancePageResponse>, ValidationProblem, ProblemHttpResult>> ListAsync(HubDbContext db,
        ClaimsPrincipal user, string? payer, string? status, DateOnly? from, DateOnly? to, bool? review, string? cursor, int? limit,
        CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var errors = new ValidationErrors();
        RemittanceStatus? state = null;
        if (status is not null)
        {
            if (Enum.TryParse<RemittanceStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                state = parsed;
            }
            else
            {
                errors.Add("$.status", $"Unknown status '{status}'; one of {string.Join(", ", Enum.GetNames<RemittanceStatus>().Select(Camel))}.");
            }
        }

        var size = limit ?? ClaimsApi.DefaultPageSize;
        if (size is < 1 or > ClaimsApi.MaxPageSize)
        {
            errors.Add("$.limit", $"Between 1 and {ClaimsApi.MaxPageSize}.");
        }

        if (from is not null && to is not null && from > to)
        {
            errors.Add("$.to", "The end date is before the start date.");
        }

        var after = cursor is null ? null : PageCursor.Decode(cursor);
        if (cursor is not null && after is null)
        {
            errors.Add("$.cursor", "Not a cursor this API returned; pass nextCursor unchanged.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToResult();
        }

        var zone = await PracticeTime.ZoneAsync(db, practiceId, cancellationToken);
        var query = db.Remittances.AsNoTracking().Include(r => r.ClaimPayments).AsSplitQuery();
        if (!string.IsNullOrWhiteSpace(payer))
        {
            query = query.Where(r => r.PayerId == payer);
        }

        if (state is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        if (review is true)
        {
            query = query.Where(r => r.Status != RemittanceStatus.Posted || r.ClaimPayments.Any(p => p.ClaimId == null));
        }

        if (from is { } start)
        {
            var since = PracticeTime.StartOfDay(start, zone);
            query = query.Where(r => r.ReceivedAt >= since);
        }

        if (to is { } end)
        {
            var until = PracticeTime.StartOfDay(end.AddDays(1), zone);
            query = query.Where(r => r.ReceivedAt < until);
        }

        if (after is { } position)
        {
            query = query.Where(r => r.ReceivedAt < position.At || (r.ReceivedAt == position.At && r.Id.CompareTo(position.Id) < 0));
        }

        var page = await query.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Take(size + 1).ToListAsync(cancellationToken);
        var next = PageCursor.Trim(page, size, r => (r.ReceivedAt, r.Id));
        return TypedResults.Ok(new RemittancePageResponse([.. page.Select(r => r.ToSummary())], next));
    }

    private static async Task<Results<Ok<RemittanceResponse>, ProblemHttpResult>> GetAsync(Guid id, HubDbContext db, RemittanceReasons reasons,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is null)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var remittance = await db.Remittances.AsNoTracking().Include(r => r.ClaimPayments).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return remittance is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Remittance not found", detail: $"No remittance {id} in this practice.")
            : TypedResults.Ok(remittance.ToResponse(reasons));
    }

    private static async Task<Results<Ok<ClaimPaymentsResponse>, ProblemHttpResult>> ClaimPaymentsAsync(Guid id, HubDbContext db,
        RemittanceReasons reasons, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is null)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var claim = await db.Claims.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == id)
            .Select(c => new { c.State, c.Currency }).SingleOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Claim not found", detail: $"No claim {id} in this practice.");
        }

        var rows = await db.Remittances.AsNoTracking()
            .SelectMany(r => r.ClaimPayments.Where(p => p.ClaimId == id && p.PostedAt != null),
                (r, p) => new { r.Id, r.Payment.TraceNumber, r.Payment.PaymentDate, r.ReceivedAt, Payment = p })
            .ToListAsync(cancellationToken);
        var ordered = rows.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Payment.Ordinal).ToList();
        var payments = ordered.Select(r => r.Payment).ToList();
        return TypedResults.Ok(new ClaimPaymentsResponse(id, Camel(claim.State),
            RemittanceMapping.Sum(payments.Select(p => p.Paid), claim.Currency),
            RemittanceMapping.Sum(payments.Select(p => p.PatientShare), claim.Currency),
            RemittanceMapping.Sum(payments.Select(p => p.WriteOff), claim.Currency),
            [.. ordered.Select(r => new ClaimPaymentEntry(r.Id, r.TraceNumber, r.PaymentDate, r.ReceivedAt, r.Payment.ToDto(reasons)))]));
    }

    private static async Task<Results<Ok<CollectionsReport>, ValidationProblem, ProblemHttpResult>> CollectionsAsync(DateOnly? date,
        HubDbContext db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var zone = await PracticeTime.ZoneAsync(db, practiceId, cancellationToken);
        var day = date ?? PracticeTime.LocalDate(time.GetUtcNow(), zone);
        var (since, until) = (PracticeTime.StartOfDay(day, zone), PracticeTime.StartOfDay(day.AddDays(1), zone));
        // The payment's effective date (BPR16) when the payer sent one, else the practice-local day it arrived.
        var remittances = await db.Remittances.AsNoTracking().Include(r => r.ClaimPayments).AsSplitQuery()
            .Where(r => r.Status == RemittanceStatus.Posted
                && (r.Payment.PaymentDate == day || (r.Payment.PaymentDate == null && r.ReceivedAt >= since && r.ReceivedAt < until)))
            .ToListAsync(cancellationToken);
        var payers = remittances.GroupBy(r => (r.PayerId, r.Payment.Amount.Currency))
            .Select(g => Line(g.Key.PayerId, g.First().PayerName, g.Key.Currency, [.. g]))
            .OrderBy(l => l.PayerId, StringComparer.Ordinal).ToList();
        var totals = remittances.GroupBy(r => r.Payment.Amount.Currency).Select(g => Line("all", null, g.Key, [.. g])).ToList();
        return TypedResults.Ok(new CollectionsReport(day, zone.Id, payers, totals));
    }

    private static CollectionsByPayer Line(string payerId, string? payerName, string currency, IReadOnlyList<Remittance> remittances)
    {
        var payments = remittances.SelectMany(r => r.ClaimPayments).ToList();
        return new CollectionsByPayer(payerId, payerName, remittances.Count, payments.Count,
            RemittanceMapping.Sum(remittances.Select(r => r.Payment.Amount), currency),
            RemittanceMapping.Sum(payments.Select(p => p.Paid), currency),
            RemittanceMapping.Sum(payments.Select(p => p.PatientShare), currency),
            RemittanceMapping.Sum(payments.Select(p => p.WriteOff), currency),
            RemittanceMapping.Sum(remittances.SelectMany(r => r.ProviderAdjustments).Select(a => a.Amount), currency));
    }
}
