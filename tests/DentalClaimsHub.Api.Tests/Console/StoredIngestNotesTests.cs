using DentalClaimsHub.Api.AdminConsole.Messages;
using DentalClaimsHub.Api.Inbound;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>Every ingest note, kept with its message as English only, is read back to its code and values; other lines are not notes.</summary>
public sealed class StoredIngestNotesTests
{
    private static readonly RemittanceLabel Label = new("835 0001", "TRC-9");

    public static TheoryData<IngestNote> Notes() =>
    [
        IngestNotes.Received, IngestNotes.Applied, IngestNotes.NotAnInterchange, IngestNotes.Unapplied("270"), IngestNotes.Ta1Unknown("000000101"),
        IngestNotes.AckGroupUnknown("77"), IngestNotes.AckClaimUnknown("0001"), IngestNotes.ClaimAckUnknown("PCN-1"), IngestNotes.StatusUnknown("PCN-2"),
        IngestNotes.StatusUnknown(null), IngestNotes.FhirEmpty("Bundle"), IngestNotes.FhirUnknown("PCN-3", "demo-fhir-dental"),
        IngestNotes.FhirErrorOnly("PCN-4", "Paid"), IngestNotes.FhirPlanOnly("PLAN-5"), IngestNotes.Payee(Label, "1234567893", 2),
        IngestNotes.NotPosted(Label, "Unbalanced", "Claims paid minus provider adjustments is 1.00 USD, the payment is 2.00 USD."),
        IngestNotes.Unmatched(Label, 3, "PCN-6"), IngestNotes.Refused(Label, 4, "PCN-7", new Domain.DomainException("Claim is Draft.")),
    ];

    [Theory]
    [MemberData(nameof(Notes))]
    public void Recognise_EachNoteTheIngestWrites_GivesItsCodeAndValues(IngestNote note)
    {
        var read = StoredIngestNotes.Recognise(note.Text);

        Assert.Equal(note.Code, read?.Code);
        Assert.Equal(note.Args, read!.Args);
    }

    [Fact]
    public void Recognise_AReaderFinding_IsNoNote() =>
        Assert.Null(StoredIngestNotes.Recognise("Error IK403-1 at segment 7 loop 2010BA NM109: Required data element missing."));
}
