using System.Text;

namespace DentalClaimsHub.X12.Tests.Reading;

public class X12ReaderDelimiterTests
{
    [Theory]
    [InlineData('*', '^', ':', '~')]
    [InlineData('|', '^', '>', '~')]
    [InlineData('^', '{', '>', '\'')]
    [InlineData('\x1D', '\x1F', '\x1C', '\x1E')]
    [InlineData('*', '^', ':', '\n')]
    public void TryRead_UnusualDelimiters_DetectsThemAndSplitsElements(char e, char r, char c, char s)
    {
        var segments = X12TestInput.ReadAll(X12TestInput.Interchange(e, r, c, s), out var reader);

        Assert.Equal(new X12Delimiters(e, r, c, s), reader.Delimiters);
        Assert.Equal(["ISA", "GS", "ST", "BHT", "CLM", "HI", "SE", "GE", "IEA"], segments.Select(x => x.Id));
        Assert.Empty(reader.Issues);
        var clm = segments[4];
        Assert.Equal(9, clm.ElementCount);
        Assert.Equal("B", clm[5, 2]);
        Assert.Equal(["11", "B", "1"], clm.Components(5));
        var hi = segments[5];
        Assert.Equal(2, hi.Repetitions(1).Count);
        Assert.Equal("ABK", hi[1, 1]);
        Assert.Equal("K021", hi[1, 2]);
        Assert.Equal(16, segments[0].ElementCount);
        Assert.Equal(c.ToString(), segments[0][16]);
    }

    [Fact]
    public void TryRead_RepetitionSeparatorIsLetterU_ReportsNoRepetitionSeparator()
    {
        var text = X12TestInput.Interchange(r: 'U');

        var segments = X12TestInput.ReadAll(text, out var reader);

        Assert.Equal('\0', reader.Delimiters!.Value.Repetition);
        Assert.Equal(["ABK:K021UABF:K029"], segments[5].Repetitions(1));
    }

    [Fact]
    public void TryRead_Utf8BomBeforeIsa_IgnoresBomAndKeepsByteOffsets()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(X12TestInput.Interchange())).ToArray();

        var segments = X12TestInput.ReadAll(bytes, out var reader);

        Assert.Empty(reader.Issues);
        Assert.Equal("ISA", segments[0].Id);
        Assert.Equal(3, segments[0].ByteOffset);
        Assert.Equal(3 + 106, segments[1].ByteOffset);
        Assert.Equal(Enumerable.Range(1, 9), segments.Select(x => x.Ordinal));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r\n\r\n  ")]
    public void TryRead_LineBreaksAfterTerminators_SkipsThem(string between)
    {
        var segments = X12TestInput.ReadAll(X12TestInput.Interchange(between: between), out var reader);

        Assert.Empty(reader.Issues);
        Assert.Equal(9, segments.Count);
        Assert.Equal("0001", segments[6][2]);
        Assert.Equal("000000001", segments[^1][2]);
    }

    [Fact]
    public void TryRead_NewlineTerminatorWithCrLf_TrimsCarriageReturn()
    {
        var text = X12TestInput.Interchange(s: '\n').Replace("\n", "\r\n");

        var segments = X12TestInput.ReadAll(text, out _);

        Assert.Equal("005010X224A2", segments[2][3]);
        Assert.Equal("000000001", segments[^1][2]);
    }

    [Fact]
    public void TryRead_SeveralInterchangesWithDifferentDelimiters_SwitchesDelimitersAtEachIsa()
    {
        var text = X12TestInput.Interchange(control: "000000001") + "\r\n"
            + X12TestInput.Interchange('|', '^', '>', '\x1E', control: "000000002");

        var segments = X12TestInput.ReadAll(text, out var reader);

        Assert.Equal(18, segments.Count);
        Assert.Equal('*', segments[4].Delimiters.Element);
        Assert.Equal('|', segments[13].Delimiters.Element);
        Assert.Equal("B", segments[13][5, 2]);
        Assert.Equal("000000002", segments[^1][2]);
        Assert.Equal('|', reader.Delimiters!.Value.Element);
        Assert.Empty(reader.Issues);
    }

    [Fact]
    public void TryRead_NonUtf8Bytes_DecodesWithoutThrowing()
    {
        var bytes = Encoding.UTF8.GetBytes(X12TestInput.Interchange());
        var index = bytes.AsSpan().IndexOf("PAT1"u8);
        bytes[index] = 0xE9; // Latin-1 'é' is not valid UTF-8 on its own

        var segments = X12TestInput.ReadAll(bytes, out var reader);

        Assert.Equal(9, segments.Count);
        Assert.Equal("\uFFFDAT1", segments[4][1]);
        Assert.Empty(reader.Issues);
    }
}
