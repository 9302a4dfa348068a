namespace DentalClaimsHub.Storage.Subjects;

/// <summary>
/// Says when a copy of practices, patients or coverages kept in memory may be out of date. Every change to those tables
/// moves <see cref="Generation"/> on: a change this instance saves through EF at once (<see cref="SubjectChangeInterceptor"/>),
/// any other (another instance, a bulk import, SQL by hand) when PostgreSQL's notification arrives
/// (<see cref="SubjectChangeListener"/>). A copy is current only while <see cref="Watched"/> and only if no change came after
/// the generation read before the copy was loaded: a change committed during the load moves the generation past it.
/// </summary>
public sealed class SubjectChanges
{
    /// <summary>The channel a statement-level trigger on <c>practices</c>, <c>patients</c> and <c>coverages</c> notifies.</summary>
    public const string Channel = "dch_subject_changes";

    private long _generation;
    private int _watched;

    public long Generation => Volatile.Read(ref _generation);

    /// <summary>True while this instance listens for the database's notifications; copies must not be used otherwise.</summary>
    public bool Watched => Volatile.Read(ref _watched) == 1;

    public void Changed() => Interlocked.Increment(ref _generation);

    // Whatever changed while nobody listened was missed: every copy made before is dropped.
    internal void Listening()
    {
        Changed();
        Volatile.Write(ref _watched, 1);
    }

    internal void NotListening()
    {
        Volatile.Write(ref _watched, 0);
        Changed();
    }
}
