using System.Globalization;
using System.Text;
using DentalClaimsHub.Adapters.Claims.Status;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.X12.Eligibility;
using DentalClaimsHub.Domain.Claims.Status;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Adapters.X12.ClaimStatus;

/// <summary>
/// Builds a 005010X212 276 interchange asking about one claim: payer (HL 20), information receiver (HL 21, our submitter
/// id), billing provider (HL 19), subscriber (HL 22) and, for a dependent, the patient (HL 23), then the claim's
/// tracking loop with TRN*1, REF*1K, REF*EJ, AMT*T3 and DTP*472.
/// </summary>
public sealed class ClaimStatus276Builder(IControlNumberSource controlNumbers, TimeProvider timeProvider)
{
    /// <summary>The implementation guide written in GS08 and ST03.</summary>
    public const string Guide = "005010X212";

    /// <summary>Writes the interchange to <paramref name="output"/> (left open).</summary>
    public void Write(ClaimStatusInquiry inquiry, Stream output, X12WriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        ArgumentNullException.ThrowIfNull(output);
        var ids = inquiry.Payer.X12?.Identifiers
            ?? throw new ArgumentException($"Payer profile '{inquiry.Payer.Id}' has no X12 settings.", nameof(inquiry));

        using var writer = new X12Writer(output, X12Delimiters.Default, (options ?? new X12WriterOptions()) with { LeaveOpen = true });
        var envelope = new X12EnvelopeWriter(writer, controlNumbers, timeProvider);
        envelope.BeginInterchange(new X12InterchangeHeader(
            ids.SenderQualifier, ids.SenderId, ids.ReceiverQualifier, ids.ReceiverId,
            Production: ids.UsageIndicator == 'P', AcknowledgmentRequested: ids.RequestTa1));
        envelope.BeginGroup("HR", ids.ApplicationSenderCode, ids.ApplicationReceiverCode, Guide);
        envelope.BeginTransaction("276", Guide);
        WriteBody(envelope, inquiry, ids);
        envelope.EndTransaction();
        envelope.EndGroup();
        envelope.EndInterchange();
        writer.Flush();
    }

    /// <summary>Returns the interchange as text, one segment per line.</summary>
    public string Build(ClaimStatusInquiry inquiry)
    {
        using var buffer = new MemoryStream();
        Write(inquiry, buffer, new X12WriterOptions { LineBreakAfterSegment = true });
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void WriteBody(X12EnvelopeWriter envelope, ClaimStatusInquiry inquiry, X12Identifiers ids)
    {
        var query = inquiry.Query;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        envelope.Write("BHT", "0010", "13", X12Text.Clean(query.TraceNumber, 50),
            now.ToString("yyyyMMdd", CultureInfo.InvariantCulture), now.ToString("HHmm", CultureInfo.InvariantCulture));

        // 2000A/2100A payer
        envelope.Write("HL", "1", "", "20", "1");
        envelope.Write("NM1", "PR", "2", X12Text.Clean(inquiry.Payer.DisplayName, 60), "", "", "", "", "PI", ids.PayerId);

        // 2000B/2100B information receiver: the submitter, by the ETIN the payer assigned us (our ISA06)
        envelope.Write("HL", "2", "1", "21", "1");
        envelope.Write("NM1", "41", "2", X12Text.Clean(query.BillingProvider.Name, 60), "", "", "", "", "46",
            X12Text.Clean(ids.SenderId, 80));

        // 2000C/2100C service provider: NPI, else the tax id
        var provider = query.BillingProvider;
        envelope.Write("HL", "3", "2", "19", "1");
        envelope.Write("NM1", "1P", "2", X12Text.Clean(provider.Name, 60), "", "", "", "",
            provider.Npi is { } npi ? "XX" : "FI", provider.Npi?.Value ?? provider.TaxId!);

        // 2000D subscriber; DMG only when the subscriber is the patient (the dependent level carries the patient's)
        var subscriber = query.Subscriber;
        envelope.Write("HL", "4", "3", "22", query.PatientIsDependent ? "1" : "0");
        if (!query.PatientIsDependent && Demographics(subscriber) is { } subscriberDmg)
        {
            envelope.Write(subscriberDmg);
        }

        envelope.Write(Name("IL", subscriber.Name, "MI", X12Text.Clean(subscriber.MemberId, 80)));
        if (query.Patient is { } patient)
        {
            // 2000E/2100E dependent: NM1*QC carries no id (NM108/NM109 not used)
            envelope.Write("HL", "5", "4", "23", "0");
            if (Demographics(patient) is { } patientDmg)
            {
                envelope.Write(patientDmg);
            }

            envelope.Write(Name("QC", patient.Name, "", ""));
        }

        WriteClaim(envelope, query);
    }

    // 2200D/2200E claim status tracking
    private static void WriteClaim(X12EnvelopeWriter envelope, ClaimStatusQuery query)
    {
        envelope.Write("TRN", "1", X12Text.Clean(query.TraceNumber, 50));
        if (query.PayerClaimNumber is { } payerClaimNumber)
        {
            envelope.Write("REF", "1K", X12Text.Clean(payerClaimNumber, 50));
        }

        envelope.Write("REF", "EJ", X12Text.Clean(query.PatientControlNumber, 50));
        envelope.Write("AMT", "T3", query.TotalCharge.ToString("0.##", CultureInfo.InvariantCulture));
        envelope.Write("DTP", "472", "RD8", $"{Date(query.ServiceFrom)}-{Date(query.ServiceTo)}");
    }

    private static X12Segment Name(string entity, PersonName name, string idQualifier, string id) =>
        X12Text.Segment("NM1", entity, "1", X12Text.Clean(name.Last, 60), X12Text.Clean(name.First, 35),
            X12Text.Clean(name.Middle, 25), "", X12Text.Clean(name.Suffix, 10), idQualifier, id);

    private static X12Segment? Demographics(ClaimStatusPerson person) =>
        person.BirthDate is { } birthDate
            ? X12Segment.Create("DMG", "D8", Date(birthDate), person.Sex switch
            {
                Sex.Female => "F",
                Sex.Male => "M",
                _ => "U",
            })
            : null;

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
