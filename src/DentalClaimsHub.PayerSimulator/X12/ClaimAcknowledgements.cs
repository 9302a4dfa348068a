using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DentalClaimsHub.PayerSimulator.Scenarios;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Acknowledgements;
using DentalClaimsHub.X12.Schemas;
using DentalClaimsHub.X12.Validation;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>An acknowledgement the simulated payer produced, waiting for pickup.</summary>
/// <param name="Id">Increasing; <c>GET /x12/acks?after=</c> pages by it.</param>
/// <param name="Kind"><c>999</c> or <c>277CA</c>.</param>
/// <param name="InterchangeControlNumber">ISA13 of the submission it answers.</param>
/// <param name="Payload">The X12 text.</param>
public sealed record PendingAcknowledgement(long Id, string Kind, string InterchangeControlNumber, string Payload);

/// <summary>
/// What a payer sends back for an 837 batch: a 999 from our own validator (accepted, or rejected with IK3/IK4 where the
/// file is wrong) and, for an accepted file, a 277CA per claim — A1/A2 accepted with a payer claim number (REF*1K), or A3
/// rejected for members whose scenario is <see cref="Reject277Ca"/>. Kept for pickup at <c>GET /x12/acks</c>.
/// </summary>
public sealed class ClaimAcknowledgements(TimeProvider time, ScenarioSelector scenarios, PayerRemittances? remittances = null)
{
    public const string Accept = "x12.claims.accept";
    public const string Reject277Ca = "x12.claims.reject-277ca";
    public const string Reject999 = "x12.claims.reject-999";
    public const string Path = "/x12/acks";

    private static readonly Lazy<X12SchemaRegistry?> Schemas = new(() =>
        X12SchemaRegistry.FindSchemasDirectory(AppContext.BaseDirectory) is { } directory ? X12SchemaRegistry.LoadFromDirectory(directory) : null);

    private readonly ConcurrentQueue<PendingAcknowledgement> _pending = new();
    private readonly SequentialControlNumberSource _controlNumbers = new(900_000_001);
    private long _id;
    private int _claimNumber;

    public IReadOnlyList<PendingAcknowledgement> Pending => [.. _pending];

    public static void Register(ScenarioSelector scenarios)
    {
        scenarios.Register(Accept, isDefault: true);
        scenarios.Register(Reject277Ca);
        scenarios.Register(Reject999);
    }

    public void Clear() => _pending.Clear();

    /// <summary>Acknowledges one 837 interchange as received.</summary>
    public void Acknowledge(string payload)
    {
        var schemas = Schemas.Value;
        if (schemas is null)
        {
            return;
        }

        var report = new X12Validator(schemas).Validate(payload);
        var message = X12Message.Parse(payload);
        var isa13 = X12Message.Element(message.First("ISA"), 13);
        var claims = Claims(message);
        var rejectFile = claims.Any(c => scenarios.Select("x12.claims", c.MemberId) == Reject999);
        string? ack;
        lock (_controlNumbers)
        {
            ack = rejectFile ? Rejected999(report, message) : Ack999Builder.Build(report, _controlNumbers, time);
        }

        if (ack is not null)
        {
            Add("999", isa13, ack);
        }

        if (!rejectFile && !report.Findings.Any(f => f.IsError) && claims.Count > 0)
        {
            remittances?.Record837(payload);
            Add("277CA", isa13, Build277Ca(message, isa13, claims));
        }
    }

    public JsonNode ToJson(long after) => new JsonObject
    {
        ["acks"] = new JsonArray([.. _pending.Where(a => a.Id > after).Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Id, ["kind"] = a.Kind, ["isa13"] = a.InterchangeControlNumber, ["payload"] = a.Payload,
        })]),
    };

    private void Add(string kind, string isa13, string payload) =>
        _pending.Enqueue(new PendingAcknowledgement(Interlocked.Increment(ref _id), kind, isa13, payload));

    // A whole-file rejection as a payer's front end sends it for a business reason: every set IK5*R, AK9*R. A set whose
    // subscriber's member id the payer refuses says where: IK3 on its NM1*IL (2010BA), IK4 on NM109 (element 67) with code 7,
    // invalid code value; the bad value itself (IK404) is left out, as it is a member id.
    private string Rejected999(X12ValidationReport report, X12Message message)
    {
        var accepted = Ack999Builder.Build(report, _controlNumbers, time) ?? "";
        var separator = message.ElementSeparator;
        var refused = RefusedMembers(message);
        string? set = null;
        var lines = new List<string>();
        var added = 0;
        foreach (var line in accepted.Split('\n'))
        {
            if (line.StartsWith($"AK2{separator}", StringComparison.Ordinal))
            {
                set = line.TrimEnd('~').Split(separator).ElementAtOrDefault(2);
            }

            if (line.StartsWith($"IK5{separator}", StringComparison.Ordinal) && set is not null && refused.TryGetValue(set, out var position))
            {
                lines.Add(string.Join(separator, "IK3", "NM1", position.ToString(CultureInfo.InvariantCulture), "2010BA", "8") + "~");
                lines.Add(string.Join(separator, "IK4", "9", "67", "7") + "~");
                added += 2;
            }

            lines.Add(line.StartsWith($"IK5{separator}A", StringComparison.Ordinal) ? $"IK5{separator}R{separator}5~"
                : line.StartsWith($"AK9{separator}", StringComparison.Ordinal) ? RejectAk9(line, separator)
                : line.StartsWith($"SE{separator}", StringComparison.Ordinal) ? Recount(line, separator, added)
                : line);
        }

        return string.Join('\n', lines);
    }

    // ST02 → the position (ST = 1) of the NM1*IL whose member id is in the reject-999 scenario.
    private Dictionary<string, int> RefusedMembers(X12Message message)
    {
        var refused = new Dictionary<string, int>(StringComparer.Ordinal);
        string? st02 = null;
        var position = 0;
        foreach (var s in message.Segments)
        {
            if (s[0] == "ST")
            {
                (st02, position) = (X12Message.Element(s, 2), 0);
            }

            position++;
            if (st02 is not null && s[0] == "NM1" && X12Message.Element(s, 1) == "IL" && !refused.ContainsKey(st02)
                && scenarios.Select("x12.claims", X12Message.Element(s, 9)) == Reject999)
            {
                refused[st02] = position;
            }
        }

        return refused;
    }

    // SE01 counts the set's segments: the IK3/IK4 pairs added to it.
    private static string Recount(string line, char separator, int added)
    {
        var parts = line.TrimEnd('~').Split(separator);
        return added == 0 ? line : $"SE{separator}{int.Parse(parts[1], CultureInfo.InvariantCulture) + added}{separator}{parts[2]}~";
    }

    private static string RejectAk9(string line, char separator)
    {
        var parts = line.TrimEnd('~').Split(separator);
        return $"AK9{separator}R{separator}{parts[2]}{separator}{parts[3]}{separator}0~";
    }

    private sealed record ClaimFacts(string Pcn, string Total, string MemberId, string Last, string First, string? ServiceDate,
        string BillingName, string BillingNpi);

    private static List<ClaimFacts> Claims(X12Message message)
    {
        var claims = new List<ClaimFacts>();
        string billingName = "", billingNpi = "", memberId = "", last = "", first = "";
        string? pcn = null, total = null, date = null;
        void Flush()
        {
            if (pcn is not null)
            {
                claims.Add(new ClaimFacts(pcn, total ?? "0", memberId, last, first, date, billingName, billingNpi));
            }

            pcn = null;
            date = null;
        }

        foreach (var s in message.Segments)
        {
            switch (s[0])
            {
                case "ST" or "SE":
                    Flush();
                    break;
                case "NM1" when X12Message.Element(s, 1) == "85":
                    (billingName, billingNpi) = (X12Message.Element(s, 3), X12Message.Element(s, 9));
                    break;
                case "NM1" when X12Message.Element(s, 1) == "IL" && pcn is null:
                    (last, first, memberId) = (X12Message.Element(s, 3), X12Message.Element(s, 4), X12Message.Element(s, 9));
                    break;
                case "NM1" when X12Message.Element(s, 1) == "QC":
                    (last, first) = (X12Message.Element(s, 3), X12Message.Element(s, 4));
                    break;
                case "CLM":
                    (pcn, total) = (X12Message.Element(s, 1), X12Message.Element(s, 2));
                    break;
                case "DTP" when X12Message.Element(s, 1) == "472" && pcn is not null && date is null:
                    date = X12Message.Element(s, 3);
                    break;
            }
        }

        Flush();
        return claims;
    }

    private string Build277Ca(X12Message request, string isa13, List<ClaimFacts> claims)
    {
        var isa = request.First("ISA")!;
        var gs = request.First("GS")!;
        var now = time.GetUtcNow();
        var today = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var c = X12Delimiters.Default.Component;
        using var buffer = new MemoryStream();
        using (var writer = new X12Writer(buffer, X12Delimiters.Default, new X12WriterOptions { LineBreakAfterSegment = true, LeaveOpen = true }))
        {
            lock (_controlNumbers)
            {
                var envelope = new X12EnvelopeWriter(writer, _controlNumbers, time);
                envelope.BeginInterchange(new X12InterchangeHeader(X12Message.Element(isa, 7), X12Message.Element(isa, 8),
                    X12Message.Element(isa, 5), X12Message.Element(isa, 6)));
                envelope.BeginGroup("HN", X12Message.Element(gs, 3), X12Message.Element(gs, 2), "005010X214");
                envelope.BeginTransaction("277", "005010X214");
                envelope.Write("BHT", "0085", "08", "CA" + isa13, today, now.ToString("HHmm", CultureInfo.InvariantCulture), "TH");
                envelope.Write("HL", "1", "", "20", "1");
                envelope.Write("NM1", "PR", "2", "SIMULATED DENTAL PAYER", "", "", "", "", "PI", "99999");
                envelope.Write("TRN", "1", "CA" + isa13);
                envelope.Write("DTP", "050", "D8", today);
                envelope.Write("DTP", "009", "D8", today);
                envelope.Write("HL", "2", "1", "21", "1");
                envelope.Write("NM1", "41", "2", "DENTALCLAIMSHUB", "", "", "", "", "46", X12Message.Element(isa, 6));
                envelope.Write("TRN", "2", isa13);
                envelope.Write("STC", $"A1{c}19", today, "WQ", Sum(claims.Select(x => x.Total)));
                envelope.Write("QTY", "90", claims.Count.ToString(CultureInfo.InvariantCulture));
                var hl = 2;
                foreach (var byProvider in claims.GroupBy(x => (x.BillingName, x.BillingNpi)))
                {
                    var providerHl = ++hl;
                    envelope.Write("HL", providerHl.ToString(CultureInfo.InvariantCulture), "2", "19", "1");
                    envelope.Write("NM1", "85", "2", byProvider.Key.BillingName, "", "", "", "", "XX", byProvider.Key.BillingNpi);
                    foreach (var claim in byProvider)
                    {
                        envelope.Write("HL", (++hl).ToString(CultureInfo.InvariantCulture), providerHl.ToString(CultureInfo.InvariantCulture), "PT");
                        envelope.Write(X12Message.Segment("NM1", "QC", "1", claim.Last, claim.First, "", "", "", "MI", claim.MemberId));
                        envelope.Write("TRN", "2", claim.Pcn);
                        if (scenarios.Select("x12.claims", claim.MemberId) == Reject277Ca)
                        {
                            envelope.Write("STC", $"A3{c}21{c}IL", today, "U", claim.Total);
                        }
                        else
                        {
                            envelope.Write("STC", $"A2{c}20{c}PR", today, "WQ", claim.Total);
                            envelope.Write("REF", "1K", string.Create(CultureInfo.InvariantCulture, $"SIM{Interlocked.Increment(ref _claimNumber):D10}"));
                        }

                        if (claim.ServiceDate is { Length: 8 } date)
                        {
                            envelope.Write("DTP", "472", "D8", date);
                        }
                    }
                }

                envelope.EndTransaction();
                envelope.EndGroup();
                envelope.EndInterchange();
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Sum(IEnumerable<string> amounts) =>
        amounts.Sum(a => decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : 0m)
            .ToString("0.##", CultureInfo.InvariantCulture);
}
