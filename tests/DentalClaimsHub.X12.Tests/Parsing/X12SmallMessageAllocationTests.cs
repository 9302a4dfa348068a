using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Tests.Samples;

namespace DentalClaimsHub.X12.Tests.Parsing;

/// <summary>
/// The hub parses a 271, 277 or 999 per request: what one such parse allocates is what the garbage collector pays per
/// request. Pages sized for gigabyte files (large-object arrays for rows, loops, entries, text and a per-reader string
/// table) once made a 300-byte 999 cost 660 KB; this pins that a small message costs a small multiple of its size (on
/// 2026-11-25: 11 KB for the 999, 19 KB for the 271, 14 KB for the 277CA).
/// </summary>
public sealed class X12SmallMessageAllocationTests
{
    private readonly X12Parser _parser = new(SampleFiles.Registry);

    [Theory]
    [InlineData("999-accepted.x12")]
    [InlineData("271-dental-benefits.x12")]
    [InlineData("277CA-claim-acknowledgment.x12")]
    public void Parse_SmallMessageFromMemory_AllocatesTensOfKilobytesNotHundreds(string sample)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(SampleFiles.Read(sample));
        Parse(bytes); // warm: schemas, tables and short strings are shared and built once

        var before = GC.GetAllocatedBytesForCurrentThread();
        Parse(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 32 * 1024, $"{sample} ({bytes.Length} bytes) allocated {allocated:N0} bytes in one parse");
    }

    private void Parse(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var document = _parser.Parse(stream);
        Assert.NotEmpty(document.Transactions.Single().Root.Descendants());
    }
}
