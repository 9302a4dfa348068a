using System.Security.Claims;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Hosting;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.PreAuthorizations;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static DentalClaimsHub.Api.JsonNames;

namespace DentalClaimsHub.Api.Webhooks;

public sealed record WebhookRequest
{
    /// <summary>The HTTPS endpoint that receives the events.</summary>
    public string? Url { get; init; }

    /// <summary>Event types (<c>claim.paid</c>), prefixes (<c>claim.*</c>) or <c>*</c>.</summary>
    public IReadOnlyList<string>? Events { get; init; }

    public string? Description { get; init; }
}

/// <summary>A subscription; <see cref="Secret"/> only in the answer that created it.</summary>
public sealed record WebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, string? Description, bool Active, DateTimeOffset CreatedAt,
    string? Secret);

public sealed record WebhookAttemptDto(DateTimeOffset At, int? StatusCode, string? Error, long DurationMs);

public sealed record WebhookDeliveryDto(Guid Id, Guid EventId, string EventType, string Status, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt, IReadOnlyList<WebhookAttemptDto> Attempts);

public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryDto> Items, string? NextCursor);

/// <summary>
/// Webhooks for practices: register an HTTPS endpoint with event types, list and remove them, see every delivery with its
/// attempts, and send a parked delivery again once the endpoint is fixed.
/// </summary>
public static class WebhooksApi
{
    /// <summary>Every event type the hub emits.</summary>
    public static readonly IReadOnlyList<string> EventTypes =
    [
        .. new[] { ClaimStateChanged.NameOf(null, ClaimState.Draft) }
            .Concat(Enum.GetValues<ClaimState>().Where(s => s != ClaimState.Draft).Select(s => ClaimStateChanged.NameOf(ClaimState.Draft, s)))
            .Append(ClaimStateChanged.NameOf(ClaimState.Rejected, ClaimState.Draft)),
        PreAuthorizationDecided.Name, RemittanceEvent.Posted, RemittanceEvent.Flagged,
    ];

    public static WebApplication MapWebhooksApi(this WebApplication app)
    {
        var group = app.MapGroup("/v1/webhooks").WithTags("Webhooks");
        group.MapPost("/", CreateAsync).RequireScope(Scopes.Webhooks).WithName("CreateWebhook")
            .WithSummary("Registers an HTTPS endpoint for event types; the answer carries the signing secret, shown only this once.")
            .Produces<WebhookResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapGet("/", ListAsync).RequireScope(Scopes.Webhooks).WithName("ListWebhooks").WithSummary("The practice's webhook endpoints.");
        group.MapGet("/{id:guid}", GetAsync).RequireScope(Scopes.Webhooks).WithName("GetWebhook");
        group.MapDelete("/{id:guid}", DeleteAsync).RequireScope(Scopes.Webhooks).WithName("DeleteWebhook")
            .WithSummary("Stops new deliveries to the endpoint; the delivery history stays readable.");
        group.MapGet("/{id:guid}/deliveries", DeliveriesAsync).RequireScope(Scopes.Webhooks).WithName("ListWebhookDeliveries")
            .WithSummary("Deliveries newest first with every attempt (status code, error, duration); filter by status (pending, delivered, parked).");
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", RedeliverAsync).RequireScope(Scopes.Webhooks).WithName("RedeliverWebhook")
            .WithSummary("Sends a parked (or delivered) event again, keeping its attempts on record.");
        return app;
    }

    private static async Task<Results<Created<WebhookResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(WebhookRequest request,
        HubDbContext db, ClaimsPrincipal user, TimeProvider time, IOptions<WebhookOptions> options, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var errors = new ValidationErrors();
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url)
            || !(url.Scheme == Uri.UriSchemeHttps || (options.Value.AllowHttp && url.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add("$.url", "An absolute https:// URL.");
        }
        else if (url.UserInfo.Length > 0 || url.Fragment.Length > 0)
        {
            errors.Add("$.url", "No credentials or fragment in the URL; authenticate with the signature.");
        }

        var events = request.Events ?? [];
        if (events.Count == 0)
        {
            errors.Add("$.events", $"At least one event type: {string.Join(", ", EventTypes)}, a prefix such as claim.*, or *.");
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (!EventTypes.Any(t => WebhookSubscription.Matches(events[i] ?? "", t)))
            {
                errors.Add($"$.events[{i}]", $"'{events[i]}' matches no event type; known: {string.Join(", ", EventTypes)}.");
            }
        }

        if (request.Description is { Length: > 500 })
        {
            errors.Add("$.description", "At most 500 characters.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToResult();
        }

        var subscription = WebhookSubscription.Create(practiceId, url!, events, request.Description, time.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/webhooks/{subscription.Id}", ToResponse(subscription, withSecret: true));
    }

    private static async Task<Results<Ok<List<WebhookResponse>>, ProblemHttpResult>> ListAsync(HubDbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is null)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var all = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(s => ToResponse(s, withSecret: false)).ToList());
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetAsync(Guid id, HubDbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is null)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return subscription is null ? NotFound(id) : TypedResults.Ok(ToResponse(subscription, withSecret: false));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HubDbContext db, ClaimsPrincipal user, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is null)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return NotFound(id);
        }

        subscription.Disable(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<WebhookDeliveryPage>, ValidationProblem, ProblemHttpResult>> DeliveriesAsync(Guid id, HubDbContext db,
        ClaimsPrincipal user, string? status, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is null)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return NotFound(id);
        }

        var errors = new ValidationErrors();
        WebhookDeliveryStatus? state = null;
        if (status is not null)
        {
            if (Enum.TryParse<WebhookDeliveryStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                state = parsed;
            }
            else
            {
                errors.Add("$.status", $"One of {string.Join(", ", Enum.GetNames<WebhookDeliveryStatus>().Select(Camel))}.");
            }
        }

        var size = limit ?? 50;
        if (size is < 1 or > 200)
        {
            errors.Add("$.limit", "Between 1 and 200.");
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

        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        if (state is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        if (after is { } position)
        {
            query = query.Where(d => d.CreatedAt < position.At || (d.CreatedAt == position.At && d.Id.CompareTo(position.Id) < 0));
        }

        var page = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(size + 1).ToListAsync(cancellationToken);
        var next = PageCursor.Trim(page, size, d => (d.CreatedAt, d.Id));
        return TypedResults.Ok(new WebhookDeliveryPage([.. page.Select(ToDto)], next));
    }

    private static async Task<Results<Ok<WebhookDeliveryDto>, ProblemHttpResult>> RedeliverAsync(Guid id, Guid deliveryId, HubDbContext db,
        ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is null)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == id, cancellationToken);
        if (delivery is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Delivery not found",
                detail: $"No delivery {deliveryId} of webhook {id} in this practice.");
        }

        if (delivery.Status == WebhookDeliveryStatus.Pending)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Delivery still pending",
                detail: "The hub is still trying to deliver it; its next attempt is scheduled.");
        }

        delivery.Requeue(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToDto(delivery));
    }

    private static WebhookResponse ToResponse(WebhookSubscription s, bool withSecret) =>
        new(s.Id, s.Url, s.Events, s.Description, s.Active, s.CreatedAt, withSecret ? s.Secret : null);

    private static WebhookDeliveryDto ToDto(WebhookDelivery d) =>
        new(d.Id, d.EventId, d.EventType, Camel(d.Status), d.CreatedAt, d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt,
            [.. d.Attempts.Select(a => new WebhookAttemptDto(a.At, a.StatusCode, a.Error, a.DurationMs))]);

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Webhook not found", detail: $"No webhook {id} in this practice.");
}
