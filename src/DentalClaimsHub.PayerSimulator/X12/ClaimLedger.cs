using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>One claim as the simulated payer took it in.</summary>
/// <param name="PatientControlNumber">CLM01 (FHIR: the claim identifier).</param>
/// <param name="Frequency">CLM05-3 (1 original, 7 replacement, 8 void); for FHIR the Claim.use.</param>
/// <param name="Count">How many times it arrived in distinct submissions: more than one is a duplicate the hub should never cause.</param>
/// <param name="Total">CLM02 as sent.</param>
/// <param name="InterchangeControlNumber">ISA13 of the first arrival.</param>
/// <param name="FirstReceivedAt">When it first arrived.</param>
public sealed record LedgerClaim(string PatientControlNumber, string Frequency, int Count, string Total, string? InterchangeControlNumber,
    DateTimeOffset FirstReceivedAt);

/// <summary>
/// Every claim the simulated payers received, counted per patient control number and frequency, so tests can prove the
/// hub delivers each claim exactly once. Re-sent submissions with a PayloadID already seen are the transport's
/// business (a real payer discards them) and never reach the ledger.
/// </summary>
public sealed class ClaimLedger
{
    private readonly ConcurrentDictionary<(string Pcn, string Frequency), LedgerClaim> _claims = new();

    public IReadOnlyList<LedgerClaim> Claims => [.. _claims.Values.OrderBy(c => c.FirstReceivedAt).ThenBy(c => c.PatientControlNumber)];

    /// <summary>Arrivals beyond the first, over all claims.</summary>
    public int Duplicates => _claims.Values.Sum(c => c.Count - 1);

    public void Record(string pcn, string frequency, string total, string? interchange, DateTimeOffset at) =>
        _claims.AddOrUpdate((pcn, frequency), _ => new LedgerClaim(pcn, frequency, 1, total, interchange, at),
            (_, seen) => seen with { Count = seen.Count + 1 });

    /// <summary>Records every CLM of an 837 interchange; returns the patient control numbers found.</summary>
    public IReadOnlyList<string> Record837(string payload, DateTimeOffset at)
    {
        var message = X12Message.Parse(payload);
        var interchange = X12Message.Element(message.First("ISA"), 13);
        var found = new List<string>();
        foreach (var clm in message.Segments.Where(s => s[0] == "CLM"))
        {
            var pcn = X12Message.Element(clm, 1);
            var frequency = X12Message.Element(clm, 5).Split(message.ComponentSeparator) is [_, _, var f, ..] ? f : "1";
            Record(pcn, frequency, X12Message.Element(clm, 2), interchange, at);
            found.Add(pcn);
        }

        return found;
    }

    /// <summary>The latest arrival with CLM01 <paramref name="pcn"/> (any frequency), or null when none came.</summary>
    public LedgerClaim? Find(string pcn) => string.IsNullOrEmpty(pcn)
        ? null
        : _claims.Values.Where(c => c.PatientControlNumber == pcn).OrderByDescending(c => c.FirstReceivedAt).FirstOrDefault();

    public void Clear() => _claims.Clear();

    public JsonNode ToJson() => new JsonObject
    {
        ["total"] = _claims.Count,
        ["duplicates"] = Duplicates,
        ["claims"] = new JsonArray([.. Claims.Select(c => (JsonNode)new JsonObject
        {
            ["clm01"] = c.PatientControlNumber,
            ["frequency"] = c.Frequency,
            ["count"] = c.Count,
            ["total"] = c.Total,
            ["isa13"] = c.InterchangeControlNumber,
            ["firstReceivedAt"] = c.FirstReceivedAt.ToString("O"),
        })]),
    };
}
