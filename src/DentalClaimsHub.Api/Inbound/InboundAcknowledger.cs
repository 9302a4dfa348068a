using System.Text;
using DentalClaimsHub.Adapters.X12.ControlNumbers;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.X12.Acknowledgements;
using DentalClaimsHub.X12.Envelopes;
using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Schemas;
using DentalClaimsHub.X12.Validation;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Api.Inbound;

/// <summary>Our acknowledgement of a payer's file: the stored outbound message and its text.</summary>
public sealed record InboundAcknowledgement(StoredMessage Message, string Text);

/// <summary>
/// Answers a payer's X12 file the way the implementation guides expect: a TA1 when the interchange envelope is broken (then
/// nothing inside is acknowledged) or when the sender's ISA14 asks for one, and a 999 per functional group from our own
/// validator (accepted, or rejected with IK3/IK4/IK5 where the file is wrong). Control numbers come from the database
/// sequence of that payer; the answer is stored as an outbound message linked to the file it answers.
/// </summary>
public sealed class InboundAcknowledger(X12SchemaRegistry schemas, IControlNumberAllocator allocator, TimeProvider time)
{
    public async Task<InboundAcknowledgement?> AcknowledgeAsync(string payer, byte[] content, X12Document document, StoredMessage inbound,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var envelope = new X12EnvelopeValidator().Validate(new MemoryStream(content, writable: false));
        var interchange = envelope.Interchanges.FirstOrDefault();
        if (interchange is null)
        {
            return null;
        }

        var rejected = Ta1Builder.AcknowledgmentCodeFor(interchange) == Ta1AcknowledgmentCode.Rejected;
        var text = new StringBuilder();
        var numbers = await PreallocatedControlNumbers.AllocateAsync(allocator, payer, cancellationToken);
        if (rejected || interchange.Header[14] == "1")
        {
            text.Append(new Ta1Builder(numbers, time).Build(interchange, new X12WriterOptions { LineBreakAfterSegment = true }));
            if (!rejected)
            {
                // The 999 travels in an interchange of its own.
                numbers = await PreallocatedControlNumbers.AllocateAsync(allocator, payer, cancellationToken);
            }
        }

        var kind = "TA1";
        if (!rejected && Ack999Builder.Build(new X12Validator(schemas).Validate(document), numbers, time) is { } ack)
        {
            // A TA1 asked for travels in its own interchange ahead of the 999 (ISA…TA1…IEA, then ISA…999…IEA).
            text.Append(ack);
            kind = "999";
        }

        if (text.Length == 0)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var stored = StoredMessage.Create(MessageDirection.Outbound, "x12", kind, bytes, "application/edi-x12", time.GetUtcNow(), payer)
            .WithEnvelope(interchange.Header[8].Trim(), interchange.Header[6].Trim(), numbers.Interchange.ToString("D9", System.Globalization.CultureInfo.InvariantCulture),
                kind == "999" ? numbers.Group.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                kind == "999" ? [numbers.Transaction.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)] : []);
        stored.Link(inbound.Id);
        stored.MarkParsed(MessageParseStatus.Parsed, null);
        return new InboundAcknowledgement(stored, text.ToString());
    }
}
