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
        // One 64-bit hash of the whole key, its halves the two hashes that give the rest (Kirsch–Mitzenmacher double
        // hashing). Not HashCode.Combine: its 32-bit hash per string is shared by both halves, so two policies whose string
        // hashes collide (a hundred pairs in a million) with one ФИО would collide in every bit.
        var hash = Fnv(Fnv(Fnv(Fnv(14695981039346656037UL, policyKey), nameKey), programme), attachedFrom?.DayNumber ?? -1);
        hash = Mix(hash);
        var first = (uint)hash;
        var second = (uint)(hash >> 32) | 1;
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

    private const ulong FnvPrime = 1099511628211UL;

    private static ulong Fnv(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return (hash ^ 0x1F) * FnvPrime; // a separator: ("AB", "C") is not ("A", "BC")
    }

    private static ulong Fnv(ulong hash, int value) => (hash ^ (uint)value) * FnvPrime;

    // SplitMix64's finaliser: every input bit reaches both halves.
    private static ulong Mix(ulong hash)
    {
        hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
        hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }
}
