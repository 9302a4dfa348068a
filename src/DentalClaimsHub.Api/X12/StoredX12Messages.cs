using System.Text;
using System.Text.Json;
using DentalClaimsHub.Adapters.X12.Messages;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Messages;

namespace DentalClaimsHub.Api.X12;

/// <summary>
/// Keeps the X12 interchanges adapters exchange in the message store (<c>messages</c>), raw and hashed, with their envelope
/// ids and the canonical record they concern. Scoped: messages are added to the scope's context and written by its next
/// save, in one transaction with the outcome they belong to. The context is taken from the scope at the first message, not
/// when the log is made: an eligibility check's runner makes its adapter (and this log) before the payer call, and would
/// otherwise hold a pooled context through the whole wait.
/// </summary>
public sealed class StoredX12Messages(IServiceProvider scope, TimeProvider time) : IX12MessageLog
{
    private const int ControlNumberLength = 9;

    public Guid Record(X12MessageRecord message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var stored = StoredMessage.Create(message.Outbound ? MessageDirection.Outbound : MessageDirection.Inbound, "x12",
            message.TransactionType, message.Utf8Content ?? Encoding.UTF8.GetBytes(message.Content), "application/edi-x12", time.GetUtcNow(),
            message.PayerId, message.PracticeId);
        if (message.Envelope is { } envelope)
        {
            // A payer's envelope is outside input: control numbers that do not fit their columns are dropped, not stored cut.
            stored.WithEnvelope(envelope.SenderId, envelope.ReceiverId, Fit(envelope.InterchangeControlNumber),
                Fit(envelope.GroupControlNumber), envelope.TransactionControlNumbers.Where(n => Fit(n) is not null));
        }

        stored.Link(message.LinkedId);
        if (!message.Outbound)
        {
            var status = message.Unusable ? MessageParseStatus.Failed
                : message.Problems is { Count: > 0 } ? MessageParseStatus.PartiallyParsed
                : MessageParseStatus.Parsed;
            stored.MarkParsed(status, message.Problems is { Count: > 0 } problems ? JsonSerializer.Serialize(problems) : null);
        }

        scope.GetRequiredService<HubDbContext>().Messages.Add(stored);
        return stored.Id;
    }

    private static string? Fit(string? controlNumber) =>
        controlNumber is { Length: > 0 and <= ControlNumberLength } ? controlNumber : null;
}
