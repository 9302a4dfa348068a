using System.Text;
using DentalClaimsHub.X12.Tests.Reading;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.X12.Tests.Writing;

public class X12EnvelopeWriterTests
{
    private static readonly X12InterchangeHeader Header = new("ZZ", "SUBMITTER01", "ZZ", "RECEIVER01", Production: false,
        AcknowledgmentRequested: true);

    private static string WriteTwoClaims(IControlNumberSource numbers)
    {
        var output = new MemoryStream();
        using (var writer = new X12Writer(output, X12Delimiters.Default))
        {
            var envelope = new X12EnvelopeWriter(writer, numbers, FixedTimeProvider.Default);
            envelope.BeginInterchange(Header);
            envelope.BeginGroup("HC", "SENDER", "RECEIVER", "005010X224A2");
            for (var i = 0; i < 2; i++)
            {
                envelope.BeginTransaction("837", "005010X224A2");
                envelope.Write("BHT", "0019", "00", "REF1", "20260115", "1230", "CH");
                envelope.Write("CLM", "PAT1", "150", "", "", "11:B:1");
                envelope.EndTransaction();
            }

            envelope.EndGroup();
            envelope.EndInterchange();
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void EndInterchange_TwoTransactions_WritesCountsAndControlNumbers()
    {
        var text = WriteTwoClaims(new SequentialControlNumberSource(41));

        var segments = X12TestInput.ReadAll(text, out var reader);

        Assert.Empty(reader.Issues);
        Assert.Equal(["ISA", "GS", "ST", "BHT", "CLM", "SE", "ST", "BHT", "CLM", "SE", "GE", "IEA"], segments.Select(s => s.Id));
        Assert.Equal("000000041", segments[0][13]);
        Assert.Equal("000000041", segments[^1][2]);
        Assert.Equal("1", segments[^1][1]);
        Assert.Equal("41", segments[1][6]);
        Assert.Equal(["2", "41"], segments[^2].Elements[1..]);
        Assert.Equal(["4", "0041"], segments[5].Elements[1..]);
        Assert.Equal(["4", "0042"], segments[9].Elements[1..]);
        Assert.Equal("0042", segments[6][2]);
    }

    [Fact]
    public void BeginInterchange_Header_WritesFixedWidthIsaWithFlagsAndDates()
    {
        var text = WriteTwoClaims(new SequentialControlNumberSource());

        Assert.Equal(
            "ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *260115*1230*^*00501*000000001*1*T*:~",
            text[..106]);
        Assert.StartsWith("GS*HC*SENDER*RECEIVER*20260115*1230*1*X*005010X224A2~", text[106..]);
    }

    [Fact]
    public void BeginInterchange_SenderIdTooLong_Throws()
    {
        var writer = new X12Writer(new MemoryStream(), X12Delimiters.Default);
        var envelope = new X12EnvelopeWriter(writer, new SequentialControlNumberSource(), FixedTimeProvider.Default);

        var ex = Assert.Throws<ArgumentException>(() => envelope.BeginInterchange(Header with { SenderId = new string('A', 16) }));

        Assert.Contains("ISA06", ex.Message);
    }

    [Fact]
    public void Write_BodySegmentOutsideTransaction_ThrowsInvalidOperation()
    {
        var writer = new X12Writer(new MemoryStream(), X12Delimiters.Default);
        var envelope = new X12EnvelopeWriter(writer, new SequentialControlNumberSource(), FixedTimeProvider.Default);
        envelope.BeginInterchange(Header);

        Assert.Throws<InvalidOperationException>(() => envelope.Write("CLM", "1"));
        Assert.Throws<InvalidOperationException>(() => envelope.EndGroup());
    }
}
