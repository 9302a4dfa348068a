namespace DentalClaimsHub.Api.Rosters;

/// <summary>
/// Tells, in fixed memory (16 MiB, a Bloom filter), whether a first import may name one person twice on one attachment
/// date and programme. "No" is certain, so the exact check in SQL (a sort of every row) is skipped; "maybe" (a repeat, or
/// for files of several million rows a false alarm) runs it.
/// </summary>
public sealed class RosterRepeatFilter
{
    private const int Hashes = 7;
    private const int BitsLog2 = 27;
    private const ulong Mask = (1UL << BitsLog2) - 1;

    private readonly ulong[] bits = new ulong[1 << (BitsLog2 - 6)];

    public bool MaybeRepeated { get; private set; }

    /// <summary>Adds a row's key (as <c>HasDuplicatesAsync</c> groups: policy, ФИО, attachment date, programme).</summary>
    public void Add(string policyKey, string nameKey, DateOnly? attachedFrom, string programme)
    {
        // Two independent hashes give the rest (Kirsch–Mitzenmacher double hashing).
        var first = (uint)HashCode.Combine(policyKey, nameKey, attachedFrom, programme);
        var second = (uint)HashCode.Combine(programme, attachedFrom, nameKey, policyKey, 0x9E3779B9) | 1;
        var present = true;
        for (var i = 0u; i < Hashes; i++)
        {
            var bit = (first + (i * second)) & Mask;
            ref var word = ref bits[bit >> 6];
            var flag = 1UL << (int)(bit & 63);
            present &= (word & flag) != 0;
            word |= flag;
        }

        MaybeRepeated |= present;
    }
}
