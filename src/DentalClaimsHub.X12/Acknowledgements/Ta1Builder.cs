using System.Globalization;
using System.Text;
using DentalClaimsHub.X12.Envelopes;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.X12.Acknowledgements;

/// <summary>
/// Builds TA1 interchange acknowledgments from SNIP level 1 findings: one TA1 per received interchange, wrapped in its own
/// ISA/IEA with sender and receiver swapped and no functional group.
/// </summary>
public sealed class Ta1Builder(IControlNumberSource controlNumbers, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>TA104 for an interchange: R on any envelope error, E on envelope warnings, A otherwise.</summary>
    public static Ta1AcknowledgmentCode AcknowledgmentCodeFor(X12InterchangeInfo interchange)
    {
        ArgumentNullException.ThrowIfNull(interchange);
        if (interchange.NoteCode != Ta1NoteCode.NoError)
        {
            return Ta1AcknowledgmentCode.Rejected;
        }

        return interchange.Issues.Count > 0 ? Ta1AcknowledgmentCode.AcceptedWithErrors : Ta1AcknowledgmentCode.Accepted;
    }

    /// <summary>The TA1 segment: TA101 control number, TA102 date, TA103 time, TA104 code, TA105 note code.</summary>
    public X12Segment BuildSegment(X12InterchangeInfo interchange, X12Delimiters delimiters)
    {
        ArgumentNullException.ThrowIfNull(interchange);
        var now = _time.GetUtcNow().UtcDateTime;
        var (date, time) = interchange.Prepared;
        return X12Segment.Create(
            delimiters,
            "TA1",
            X12FieldRules.IsDigits(interchange.ControlNumber, 9, 9) ? interchange.ControlNumber : "000000000",
            X12FieldRules.IsDate(date) && date.Length == 6 ? date : now.ToString("yyMMdd", CultureInfo.InvariantCulture),
            X12FieldRules.IsTime(time, allowSeconds: false) ? time : now.ToString("HHmm", CultureInfo.InvariantCulture),
            ((char)AcknowledgmentCodeFor(interchange)).ToString(),
            ((int)interchange.NoteCode).ToString("000", CultureInfo.InvariantCulture));
    }

    /// <summary>Writes a complete TA1 interchange (ISA, TA1, IEA) answering <paramref name="interchange"/>.</summary>
    public void Write(X12InterchangeInfo interchange, Stream output, X12WriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(interchange);
        var delimiters = interchange.Delimiters.AreDistinct ? interchange.Delimiters : X12Delimiters.Default;
        using var writer = new X12Writer(output, delimiters, (options ?? new X12WriterOptions()) with { LeaveOpen = true });
        var envelope = new X12EnvelopeWriter(writer, controlNumbers, _time);
        var header = new X12InterchangeHeader(
            Fit(interchange.Receiver.Qualifier, 2, "ZZ"),
            Fit(interchange.Receiver.Id, 15, "UNKNOWN"),
            Fit(interchange.Sender.Qualifier, 2, "ZZ"),
            Fit(interchange.Sender.Id, 15, "UNKNOWN"),
            Production: interchange.IsProduction,
            AcknowledgmentRequested: false);
        envelope.BeginInterchange(header);
        envelope.Write(BuildSegment(interchange, delimiters));
        envelope.EndInterchange();
    }

    /// <summary>The TA1 interchange as text.</summary>
    public string Build(X12InterchangeInfo interchange, X12WriterOptions? options = null)
    {
        using var output = new MemoryStream();
        Write(interchange, output, options);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    // The received envelope may be malformed: keep what fits, never fail while acknowledging it.
    private static string Fit(string value, int width, string fallback) =>
        value.Length == 0 ? fallback : value.Length > width ? value[..width] : value;
}
