using System.Collections;

namespace DentalClaimsHub.X12.Parsing;

/// <summary>
/// An append-only list of segments stored in fixed-size pages: growing never copies, and no page reaches the large
/// object heap (a single huge array would, and each of its reallocations counts against a full collection).
/// </summary>
internal sealed class X12SegmentList : IReadOnlyList<X12Segment>
{
    private const int PageShift = 12;
    private const int PageSize = 1 << PageShift;

    private readonly List<X12Segment[]> _pages = [];

    public int Count { get; private set; }

    public X12Segment this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _pages[index >> PageShift][index & (PageSize - 1)];
        }
    }

    public void Add(X12Segment segment)
    {
        var slot = Count & (PageSize - 1);
        if (slot == 0)
            _pages.Add(new X12Segment[PageSize]);
        _pages[^1][slot] = segment;
        Count++;
    }

    public IEnumerator<X12Segment> GetEnumerator()
    {
        var remaining = Count;
        foreach (var page in _pages)
        {
            var length = Math.Min(remaining, PageSize);
            for (var i = 0; i < length; i++)
                yield return page[i];
            remaining -= length;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
