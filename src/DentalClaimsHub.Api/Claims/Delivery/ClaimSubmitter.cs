using DentalClaimsHub.Domain.Claims;
using MassTransit;

namespace DentalClaimsHub.Api.Claims.Delivery;

/// <summary>
/// The fast path: a claim that enters Queued is delivered as soon as its outbox event is published. Losing this message
/// (the in-memory bus dies with the process) costs only latency: <see cref="ClaimDeliverySweeper"/> finds the claim still Queued.
/// </summary>
public sealed class ClaimSubmitter(ClaimDeliveryService delivery) : IConsumer<ClaimStateChanged>
{
    public async Task Consume(ConsumeContext<ClaimStateChanged> context)
    {
        if (context.Message.To == ClaimState.Queued)
        {
            await delivery.DeliverAsync(context.Message.ClaimId, context.CancellationToken);
        }
    }
}
