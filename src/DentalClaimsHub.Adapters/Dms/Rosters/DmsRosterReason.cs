namespace DentalClaimsHub.Adapters.Dms.Rosters;

/// <summary>
/// Why a roster row or file could not be used: the English the API shows (<see cref="DmsRowError.Reason"/>, the import's
/// failure) and its code (<see cref="DmsRosterReasons"/>) with the values it names, kept beside it for the console to word
/// per culture. Values are as the insurer wrote them (column titles, cells) or invariant (numbers, date formats).
/// </summary>
public sealed record DmsRosterReason(string Code, IReadOnlyList<string> Args, string Text)
{
    public override string ToString() => Text;
}
