using System.Text;
using DentalClaimsHub.X12.Reading;

namespace DentalClaimsHub.X12.Tests.Reading;

public class X12TokenizerMemoryTests
{
    /// <summary>A read-only stream that repeats one block up to a length, without holding the whole content.</summary>
    private sealed class RepeatingStream(byte[] block, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = block[(int)((_position + i) % block.Length)];
            }

            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void Next_ManyInterchangesFromNonSeekableStream_KeepsInitialBuffer()
    {
        var block = Encoding.ASCII.GetBytes(X12TestInput.Interchange(between: "\r\n"));
        var interchanges = 40_000;
        using var tokenizer = new X12Tokenizer(new RepeatingStream(block, (long)block.Length * interchanges),
            new X12ReaderOptions { BufferSize = 4096 });

        var segments = 0L;
        while (tokenizer.Next())
        {
            segments++;
        }

        Assert.Equal(9L * interchanges, segments);
        Assert.Equal(4096, tokenizer.BufferCapacity);
        Assert.Empty(tokenizer.Issues);
        // The last IEA starts 18 bytes ("IEA*1*000000001~\r\n") before the end of the last block.
        Assert.Equal(((long)block.Length * interchanges) - 18, tokenizer.SegmentOffset);
    }

    [Fact]
    public void Next_HugeSegment_GrowsBufferOnlyUpToTheLimit()
    {
        var text = X12TestInput.Interchange().Replace("HI*", "HI*" + new string('X', 300_000) + "*");
        var options = new X12ReaderOptions { BufferSize = 4096, MaxSegmentLength = 64 * 1024 };
        using var tokenizer = new X12Tokenizer(new MemoryStream(Encoding.ASCII.GetBytes(text)), options);

        while (tokenizer.Next())
        {
        }

        Assert.InRange(tokenizer.BufferCapacity, 4096, (64 * 1024) + 1024);
        Assert.Equal(X12ReadCodes.SegmentTooLong, Assert.Single(tokenizer.Issues).Code);
    }
}
