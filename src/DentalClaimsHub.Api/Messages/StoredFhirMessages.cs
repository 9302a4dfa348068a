using System.Text.Json;
using DentalClaimsHub.Adapters.Fhir.Messages;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Messages;

namespace DentalClaimsHub.Api.Messages;

/// <summary>
/// Keeps the FHIR bodies adapters exchange with payers in the message store (<c>messages</c>, protocol <c>fhir</c>), raw and
/// hashed, linked to the canonical record they concern. Scoped: messages are added to the scope's context and written by its
/// next save, in one transaction with the outcome they belong to.
/// </summary>
public sealed class StoredFhirMessages(HubDbContext db, TimeProvider time) : IFhirMessageLog
{
    private const string FhirJson = "application/fhir+json";
    private const string Hub = "dentalclaimshub";

    public Guid Record(FhirMessageRecord message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var stored = StoredMessage.Create(message.Outbound ? MessageDirection.Outbound : MessageDirection.Inbound, "fhir",
                message.ResourceType, message.Content, FhirJson, time.GetUtcNow(), message.PayerId, message.PracticeId)
            .WithEnvelope(message.Outbound ? Hub : message.PayerId, message.Outbound ? message.PayerId : Hub, null, null, message.ControlNumbers);
        stored.Link(message.LinkedId);
        if (!message.Outbound)
        {
            var status = message.Unusable ? MessageParseStatus.Failed
                : message.Problems is { Count: > 0 } ? MessageParseStatus.PartiallyParsed
                : MessageParseStatus.Parsed;
            stored.MarkParsed(status, message.Problems is { Count: > 0 } problems ? JsonSerializer.Serialize(problems) : null);
        }

        db.Messages.Add(stored);
        return stored.Id;
    }
}
