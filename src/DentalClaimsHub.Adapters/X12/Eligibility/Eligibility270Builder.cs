using System.Globalization;
using System.Text;
using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>Builds a complete 005010X279A1 270 interchange from a canonical eligibility inquiry.</summary>
public sealed class Eligibility270Builder(IControlNumberSource controlNumbers, TimeProvider timeProvider)
{
    /// <summary>The implementation guide written in GS08 and ST03.</summary>
    public const string Guide = "005010X279A1";

    /// <summary>Writes the interchange to <paramref name="output"/> (left open).</summary>
    public void Write(EligibilityInquiry inquiry, Stream output, X12WriterOptions? options = null)
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
        envelope.BeginGroup("HS", ids.ApplicationSenderCode, ids.ApplicationReceiverCode, Guide);
        envelope.BeginTransaction("270", Guide);
        WriteBody(envelope, inquiry, ids);
        envelope.EndTransaction();
        envelope.EndGroup();
        envelope.EndInterchange();
        writer.Flush();
    }

    /// <summary>Returns the interchange as text, one segment per line.</summary>
    public string Build(EligibilityInquiry inquiry)
    {
        using var buffer = new MemoryStream();
        Write(inquiry, buffer, new X12WriterOptions { LineBreakAfterSegment = true });
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void WriteBody(X12EnvelopeWriter envelope, EligibilityInquiry inquiry, X12Identifiers ids)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var trace = inquiry.TraceNumber;
        envelope.Write("BHT", "0022", "13", trace,
            now.ToString("yyyyMMdd", CultureInfo.InvariantCulture), now.ToString("HHmm", CultureInfo.InvariantCulture));

        // 2000A/2100A information source (payer)
        envelope.Write("HL", "1", "", "20", "1");
        envelope.Write("NM1", "PR", "2", X12Text.Clean(inquiry.Payer.DisplayName, 60), "", "", "", "", "PI", ids.PayerId);

        // 2000B/2100B information receiver (provider)
        envelope.Write("HL", "2", "1", "21", "1");
        envelope.Write(Eligibility270Parties.Provider(inquiry.Provider));

        var dependent = Eligibility270Parties.IsDependent(inquiry);
        envelope.Write("HL", "3", "2", "22", dependent ? "1" : "0");
        if (dependent)
        {
            Eligibility270Parties.WriteSubscriber(envelope, inquiry, withTrace: null);
            envelope.Write("HL", "4", "3", "23", "0");
            Eligibility270Parties.WriteDependent(envelope, inquiry, trace, ids);
        }
        else
        {
            Eligibility270Parties.WriteSubscriber(envelope, inquiry, withTrace: (trace, ids));
        }
    }
}
