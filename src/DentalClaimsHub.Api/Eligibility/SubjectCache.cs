using System.Collections.Concurrent;
using DentalClaimsHub.Storage.Subjects;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Eligibility;

/// <summary>
/// Copies of registered coverages with their patient and practice, as the subject read found them, so a repeated question
/// about the same coverage does not read them again (the read was a fifth of the hub's CPU and a third of PostgreSQL's per
/// check in the eligibility load benchmark). A copy is used only while it is current (<see cref="SubjectChanges"/>: any change
/// to practices, patients or coverages, here or elsewhere, ends every copy) and younger than
/// <see cref="EligibilityOptions.SubjectCacheTtl"/>. The copies are shared between requests and never changed.
/// </summary>
public sealed class SubjectCache(SubjectChanges changes, TimeProvider time, IOptions<EligibilityOptions> options)
{
    /// <summary>
    /// Past this many copies they are all dropped: the cache holds the coverages asked about lately, not all of them. Copies
    /// a change has ended count until a lookup finds them so.
    /// </summary>
    public const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();
    private int _count;

    /// <summary>The generation to pass to <see cref="Add"/>: read it before the database is.</summary>
    public long Generation => changes.Generation;

    /// <summary>Whether a current copy of this coverage, its patient and practice is kept.</summary>
    public bool Holds(Guid practiceId, Guid patientId, Guid coverageId) => TryGet(practiceId, patientId, coverageId, out _);

    internal bool TryGet(Guid practiceId, Guid patientId, Guid coverageId, out Registered found)
    {
        found = null!;
        var key = new Key(practiceId, patientId, coverageId);
        if (!changes.Watched || !_entries.TryGetValue(key, out var entry))
        {
            return false;
        }

        if (entry.Generation != changes.Generation || time.GetTimestamp() > entry.ExpiresAt)
        {
            if (_entries.TryRemove(new KeyValuePair<Key, Entry>(key, entry)))
            {
                Interlocked.Decrement(ref _count);
            }

            return false;
        }

        found = entry.Found;
        return true;
    }

    /// <summary>Keeps what a read that started at <paramref name="generation"/> found, unless something has changed since.</summary>
    internal void Add(Guid practiceId, Guid patientId, Guid coverageId, Registered found, long generation)
    {
        var ttl = options.Value.SubjectCacheTtl;
        if (ttl <= TimeSpan.Zero || !changes.Watched || generation != changes.Generation)
        {
            return;
        }

        if (Interlocked.Increment(ref _count) > MaxEntries)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        var expiresAt = time.GetTimestamp() + (long)(ttl.TotalSeconds * time.TimestampFrequency);
        if (!_entries.TryAdd(new Key(practiceId, patientId, coverageId), new Entry(found, generation, expiresAt)))
        {
            // Another request kept the same copy meanwhile.
            Interlocked.Decrement(ref _count);
        }
    }

    private readonly record struct Key(Guid PracticeId, Guid PatientId, Guid CoverageId);

    private sealed record Entry(Registered Found, long Generation, long ExpiresAt);
}
