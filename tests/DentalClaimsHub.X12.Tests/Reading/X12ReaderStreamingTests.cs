using System.Text;
using DentalClaimsHub.X12.Reading;

namespace DentalClaimsHub.X12.Tests.Reading;

public class X12ReaderStreamingTests
{
    /// <summary>Returns at most a few bytes per Read call, like a slow network stream.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void TryRead_StreamReturningSmallChunks_GivesSameSegmentsAndOffsets(int chunk)
    {
        var text = string.Concat(Enumerable.Range(1, 50).Select(i => X12TestInput.Interchange(control: $"{i:000000000}", between: "\n")));
        var bytes = Encoding.ASCII.GetBytes(text);
        var expected = X12TestInput.ReadAll(bytes, out _);

        using var reader = X12Reader.Open(new TrickleStream(bytes, chunk), new X12ReaderOptions { BufferSize = 1024 });
        var actual = reader.ReadAll().ToList();

        Assert.Equal(450, actual.Count);
        Assert.Equal(expected.Select(s => s.ToString()), actual.Select(s => s.ToString()));
        Assert.Equal(expected.Select(s => s.ByteOffset), actual.Select(s => s.ByteOffset));
        Assert.All(actual, s => Assert.Equal(s.Id[0], (char)bytes[s.ByteOffset]));
        Assert.Empty(reader.Issues);
    }

    [Fact]
    public void Next_Tokenizer_ExposesElementSpans()
    {
        using var tokenizer = new X12Tokenizer(new MemoryStream(Encoding.ASCII.GetBytes(X12TestInput.Interchange())));

        var ids = new List<string>();
        var clmAmount = "";
        while (tokenizer.Next())
        {
            var id = Encoding.ASCII.GetString(tokenizer.GetElement(0));
            ids.Add(id);
            if (id == "CLM")
            {
                clmAmount = Encoding.ASCII.GetString(tokenizer.GetElement(2));
                Assert.Equal(10, tokenizer.ElementCount);
                Assert.True(tokenizer.GetElement(10).IsEmpty);
            }
        }

        Assert.Equal(9, ids.Count);
        Assert.Equal("150", clmAmount);
    }
}
