using System.Runtime.CompilerServices;
using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Domain.Rosters;
using DentalClaimsHub.Storage.Rosters;

namespace DentalClaimsHub.Api.Rosters;

/// <summary>
/// The readable rows of a roster file as an import copies them: read ahead on a thread of their own, counted, progress
/// reported every 10,000 rows, and the unreadable ones kept as row errors (in file order) instead of handed on.
/// </summary>
internal sealed class RosterRows(Action<int> progress)
{
    private const int ProgressEvery = 10_000;

    /// <summary>Rows read so far, readable or not.</summary>
    public int Count { get; private set; }

    /// <summary>The problems of the rows that could not be read.</summary>
    public List<RosterImportError> Errors { get; } = [];

    public async IAsyncEnumerable<(int Row, RosterMember Member)> ReadAsync(IEnumerable<DmsRosterEntry> entries,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in RosterReadAhead.Of(entries, cancellationToken))
        {
            if (++Count % ProgressEvery == 0)
            {
                progress(Count);
            }

            if (entry.Error is { } error)
            {
                Errors.Add(RosterImportReasons.Stored(error));
                continue;
            }

            yield return (entry.Row, entry.Member!);
        }
    }
}
