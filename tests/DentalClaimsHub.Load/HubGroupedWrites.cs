using System.Globalization;
using System.Text.RegularExpressions;

namespace DentalClaimsHub.Load;

/// <summary>
/// How many answers the hub wrote together per round trip during a phase (<c>dch.db.grouped_write.units</c>, the group
/// commit of <c>NewRowsWriter</c>): its count is the writes, its sum the units written.
/// </summary>
public static partial class HubGroupedWrites
{
    public static (double Writes, double Units) Read(IEnumerable<string> scrapes)
    {
        var (writes, units) = (0.0, 0.0);
        foreach (var text in scrapes)
        {
            foreach (Match line in Line().Matches(text))
            {
                var value = double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
                if (line.Groups["part"].Value == "count")
                {
                    writes += value;
                }
                else
                {
                    units += value;
                }
            }
        }

        return (writes, units);
    }

    /// <summary>"N writes of M units, K units per write on average".</summary>
    public static string Describe((double Writes, double Units) before, (double Writes, double Units) after)
    {
        var writes = after.Writes - before.Writes;
        var units = after.Units - before.Units;
        return writes <= 0
            ? "none on /metrics"
            : string.Create(CultureInfo.InvariantCulture, $"{writes:0} writes of {units:0} units, {units / writes:0.00} units per write");
    }

    [GeneratedRegex("""^dch_db_grouped_write_units(?:_[a-z]+)*?_(?<part>count|sum)(?:\{[^}]*\})? (?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex Line();
}
