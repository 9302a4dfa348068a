using DentalClaimsHub.Storage.Tenancy;
using MassTransit;

namespace DentalClaimsHub.Storage.Inbox;

/// <summary>
/// Base for every hub consumer: the handler runs once per message id, whatever the broker redelivers, and its
/// database writes commit with the inbox row. Consumers run as the system tenant.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(InboxGuard inbox, TenantContext tenant) : IConsumer<TMessage>
    where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        tenant.UseSystem();
        await inbox.RunOnceAsync(GetType().FullName!, messageId, ct => HandleAsync(context, ct), context.CancellationToken);
    }

    /// <summary>The work, run inside the inbox transaction; changes to the DbContext are saved by the guard.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}
