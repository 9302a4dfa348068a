using System.Text;

namespace DentalClaimsHub.X12.Reading;

/// <summary>
/// Packs the text of consecutive ASCII segments into shared character blocks, so that a segment read from input is one
/// small object pointing into a block instead of one string per element.
/// </summary>
/// <remarks>
/// A block is referenced only by the segments it holds: once they are no longer used, it is collected. Memory while
/// streaming therefore stays bounded by what the caller keeps. Streaming blocks stay below the large object heap threshold.
/// </remarks>
internal sealed class X12TextBlocks(int blockSize = X12TextBlocks.StreamingBlockSize)
{
    /// <summary>Block size (characters) of a reader whose segments are dropped as it goes: blocks die young and cheap.</summary>
    public const int StreamingBlockSize = 16 * 1024;

    /// <summary>
    /// Block size (characters) of a reader whose segments are all kept (a parse): above the large object heap threshold,
    /// so the garbage collector never copies the text while promoting what the parse keeps.
    /// </summary>
    public const int RetainedBlockSize = 64 * 1024;

    // Blocks start small and double up to the block size, so a message of a few hundred bytes takes a block its size.
    private const int FirstBlockSize = 1024;

    private char[] _block = [];
    private int _used;

    /// <summary>
    /// Copies <paramref name="bytes"/> into a block as characters; false (and nothing copied) when a byte is not ASCII,
    /// because only then does one byte make one character with the same element boundaries.
    /// </summary>
    public bool TryAppend(ReadOnlySpan<byte> bytes, out char[] block, out int start)
    {
        if (bytes.Length > _block.Length - _used)
        {
            var size = _block.Length == 0 ? Math.Min(FirstBlockSize, blockSize) : Math.Min(blockSize, _block.Length * 2);
            _block = new char[Math.Max(size, bytes.Length)];
            _used = 0;
        }

        block = _block;
        start = _used;
        if (Ascii.ToUtf16(bytes, _block.AsSpan(_used), out _) != System.Buffers.OperationStatus.Done)
            return false;

        _used += bytes.Length;
        return true;
    }
}
