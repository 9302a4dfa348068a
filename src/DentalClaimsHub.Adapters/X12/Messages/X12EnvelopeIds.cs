using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.Adapters.X12.Messages;

/// <summary>What identifies an interchange: ISA06/ISA08 (trimmed), ISA13, GS06 and the ST02 of each transaction set.</summary>
public sealed record X12EnvelopeIds(
    string SenderId, string ReceiverId, string InterchangeControlNumber, string? GroupControlNumber,
    IReadOnlyList<string> TransactionControlNumbers)
{
    /// <summary>The first interchange's identifiers, or null when the document has no interchange.</summary>
    public static X12EnvelopeIds? Of(X12Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Interchanges.FirstOrDefault() is not { } interchange)
        {
            return null;
        }

        var group = interchange.Groups.FirstOrDefault();
        return new X12EnvelopeIds(interchange.Header[6].Trim(), interchange.Header[8].Trim(), interchange.ControlNumber,
            group?.ControlNumber, [.. interchange.Groups.SelectMany(g => g.Transactions).Select(t => t.ControlNumber)]);
    }
}
