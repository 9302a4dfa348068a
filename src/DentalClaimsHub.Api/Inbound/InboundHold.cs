using DentalClaimsHub.Storage.Messages;

namespace DentalClaimsHub.Api.Inbound;

/// <summary>Which stored inbound files the hub holds: kept, but nothing applied from them yet (X12 or FHIR alike).</summary>
public static class InboundHold
{
    /// <summary>
    /// True for an inbound file the hub kept but did not apply: it failed to parse or was only partly understood (for example it
    /// named a claim the hub did not know yet), and no claim, remittance or other record was linked to it. Such a file may be
    /// applied again (<see cref="InboundX12Ingestor.ReapplyAsync"/>, <see cref="InboundFhirIngestor.ReapplyAsync"/>); once
    /// anything is applied from it, it links that record and is no longer held.
    /// </summary>
    public static bool IsHeld(StoredMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Direction == MessageDirection.Inbound && message.ParseStatus != MessageParseStatus.Parsed && message.LinkedIds.Count == 0;
    }
}
