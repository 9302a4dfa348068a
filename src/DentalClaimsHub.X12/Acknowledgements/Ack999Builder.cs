using System.Globalization;
using System.Text;
using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Validation;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.X12.Acknowledgements;

/// <summary>
/// Builds 999 implementation acknowledgments (005010X231A1) from a validation report: one 999 transaction set per
/// functional group received, with AK1, an AK2 … IK5 loop per transaction set, and AK9.
/// </summary>
public static class Ack999Builder
{
    /// <summary>The implementation guide of the 999.</summary>
    public const string Guide = "005010X231A1";

    /// <summary>The body of the 999 for one functional group: AK1 through AK9 (ST and SE are added by the envelope).</summary>
    public static IReadOnlyList<X12Segment> BuildBody(X12GroupReport report)
    {
        var group = report.Group;
        var segments = new List<X12Segment> { Ack999Segments.Create("AK1", Ack999Segments.Echo(group.FunctionalId, 2), Ack999Segments.Echo(group.ControlNumber, 9), Ack999Segments.Echo(group.Version, 12)) };
        foreach (var transaction in report.Transactions)
            segments.AddRange(Ack999TransactionResponse.Build(transaction));
        segments.Add(Trailer(report));
        return segments;
    }

    /// <summary>
    /// A complete 999 interchange answering every functional group of <paramref name="report"/>; sender and receiver are
    /// the original ones swapped. Returns null when the report holds no functional group (nothing to acknowledge).
    /// </summary>
    public static string? Build(X12ValidationReport report, IControlNumberSource controlNumbers, TimeProvider? timeProvider = null, bool lineBreaks = true)
    {
        var groups = report.Groups.Where(g => g.Group.Header.Ordinal > 0).ToList();
        var interchange = report.Document.Interchanges.FirstOrDefault();
        if (groups.Count == 0 || interchange is null)
            return null;

        var isa = interchange.Header;
        var header = new X12InterchangeHeader(Field(isa[7], "ZZ", 2), Field(isa[8], "UNKNOWN"), Field(isa[5], "ZZ", 2), Field(isa[6], "UNKNOWN"),
            Production: isa[15] != "T");
        using var stream = new MemoryStream();
        using (var writer = new X12Writer(stream, X12Delimiters.Default, new X12WriterOptions { LineBreakAfterSegment = lineBreaks, LeaveOpen = true }))
        {
            var envelope = new X12EnvelopeWriter(writer, controlNumbers, timeProvider);
            envelope.BeginInterchange(header);
            foreach (var group in groups)
            {
                envelope.BeginGroup("FA", Field(group.Group.Header[3], "UNKNOWN"), Field(group.Group.Header[2], "UNKNOWN"), Guide);
                envelope.BeginTransaction("999", Guide);
                foreach (var segment in BuildBody(group))
                    envelope.Write(segment);
                envelope.EndTransaction();
                envelope.EndGroup();
            }

            envelope.EndInterchange();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static X12Segment Trailer(X12GroupReport report)
    {
        var received = report.Transactions.Count;
        var accepted = report.AcceptedCount;
        var groupCodes = report.Findings.Where(f => f.IsError)
            .Select(f => X12IssueCodes.CodeAfter(f.Issue.Code, X12IssueCodes.GroupPrefix)).OfType<string>()
            .Distinct(StringComparer.Ordinal).Take(5).ToList();
        var code = groupCodes.Count > 0 || (accepted == 0 && received > 0) ? "R" : accepted < received ? "P" : "A";
        var included = int.TryParse(report.Group.Trailer?[1], NumberStyles.None, CultureInfo.InvariantCulture, out var declared) ? declared : received;
        string?[] elements = [code, included.ToString(CultureInfo.InvariantCulture), received.ToString(CultureInfo.InvariantCulture),
            accepted.ToString(CultureInfo.InvariantCulture), .. groupCodes];
        return Ack999Segments.Create("AK9", elements);
    }

    // Identifiers echoed into the envelope must fit their fields and carry no delimiter, whatever the input held.
    private static string Field(string value, string fallback, int max = 15) =>
        Ack999Segments.Echo(value, max) is { Length: > 0 } clean ? clean : fallback;
}
