using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.PayerSimulator.Scenarios;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>
/// The simulated payer's adjudication and 835s. It remembers every claim of the 837s it accepted (lines with procedure,
/// charge, REF*6R and date) and, on <c>POST /x12/remittances</c> with <c>{"clm01": [...], "reverse": false}</c>, pays them in
/// one balanced 835: allowed = 80 % of the charge (CO-45 for the rest), 20 % co-insurance (PR-2) except on diagnostic and
/// preventive codes (D0/D1), or denies the claim (CLP02 4, CO-97 with RARC N20 per line) for members whose scenario is
/// <see cref="Denied"/>. With <c>reverse</c> it takes its last payment of each claim back (CLP02 22, every amount negated)
/// and pays it again at an 85 % allowance, as payers do when they re-adjudicate.
/// </summary>
public sealed class PayerRemittances(TimeProvider time, ScenarioSelector scenarios)
{
    public const string Paid = "x12.remit.paid";
    public const string Denied = "x12.remit.denied";
    public const string Path = "/x12/remittances";

    private readonly ConcurrentDictionary<string, SimClaim> _claims = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimPayment> _lastPayments = new(StringComparer.Ordinal);
    private readonly SequentialControlNumberSource _controlNumbers = new(835_000_001);
    private readonly object _gate = new();
    private int _trace;

    public static void Register(ScenarioSelector scenarios)
    {
        scenarios.Register(Paid, isDefault: true);
        scenarios.Register(Denied);
    }

    public void Map(SimulatorRoutes routes) => routes.Map("POST", Path, request =>
    {
        var body = JsonNode.Parse(request.BodyText.Length == 0 ? "{}" : request.BodyText);
        var pcns = body?["clm01"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
        var unknown = pcns.Where(p => !_claims.ContainsKey(p)).ToList();
        if (pcns.Count == 0 || unknown.Count > 0)
        {
            return SimulatorResponse.Text(400, "text/plain; charset=utf-8",
                pcns.Count == 0 ? "Give clm01: the claims to adjudicate." : "Claims never received: " + string.Join(", ", unknown));
        }

        return SimulatorResponse.Text(200, "application/edi-x12", Build835(pcns, body?["reverse"]?.GetValue<bool>() ?? false));
    });

    public void Clear()
    {
        _claims.Clear();
        _lastPayments.Clear();
    }

    /// <summary>Remembers the claims of an accepted 837 interchange.</summary>
    public void Record837(string payload)
    {
        var message = X12Message.Parse(payload);
        SimClaim? claim = null;
        SimLine? line = null;
        string billingName = "", billingNpi = "", memberId = "", last = "", first = "", payerName = "";
        foreach (var s in message.Segments)
        {
            switch (s[0])
            {
                case "NM1" when X12Message.Element(s, 1) == "85":
                    (billingName, billingNpi) = (X12Message.Element(s, 3), X12Message.Element(s, 9));
                    break;
                case "NM1" when X12Message.Element(s, 1) == "PR":
                    payerName = X12Message.Element(s, 3);
                    break;
                case "NM1" when X12Message.Element(s, 1) == "IL":
                    (last, first, memberId) = (X12Message.Element(s, 3), X12Message.Element(s, 4), X12Message.Element(s, 9));
                    break;
                case "NM1" when X12Message.Element(s, 1) == "QC":
                    (last, first) = (X12Message.Element(s, 3), X12Message.Element(s, 4));
                    break;
                case "CLM":
                    claim = new SimClaim(X12Message.Element(s, 1), memberId, last, first, billingName, billingNpi, payerName, []);
                    _claims[claim.Pcn] = claim;
                    line = null;
                    break;
                case "SV3" when claim is not null:
                    line = new SimLine(X12Message.Element(s, 1).Replace(message.ComponentSeparator, ':'), Amount(X12Message.Element(s, 2)));
                    claim.Lines.Add(line);
                    break;
                case "DTP" when line is not null && X12Message.Element(s, 1) == "472":
                    line.Date = X12Message.Element(s, 3);
                    break;
                case "REF" when line is not null && X12Message.Element(s, 1) == "6R":
                    line.ControlNumber = X12Message.Element(s, 2);
                    break;
                case "SE":
                    (claim, line) = (null, null);
                    break;
            }
        }
    }

    /// <summary>An 835 paying, denying or re-adjudicating <paramref name="pcns"/> (claims of one billing provider first).</summary>
    public string Build835(IReadOnlyList<string> pcns, bool reverse)
    {
        var claims = pcns.Select(p => _claims[p]).ToList();
        var payments = new List<SimPayment>();
        foreach (var claim in claims)
        {
            if (reverse && _lastPayments.TryGetValue(claim.Pcn, out var previous))
            {
                payments.Add(previous.Negated());
                payments.Add(Adjudicate(claim, 0.85m, previous.PayerClaimNumber));
            }
            else
            {
                payments.Add(Adjudicate(claim, 0.80m, null));
            }
        }

        foreach (var payment in payments.Where(p => p.Status != "22"))
        {
            _lastPayments[payment.Claim.Pcn] = payment;
        }

        return Write(claims[0], payments);
    }

    private SimPayment Adjudicate(SimClaim claim, decimal allowance, string? payerClaimNumber)
    {
        var denied = scenarios.Select("x12.remit", claim.MemberId) == Denied;
        var lines = claim.Lines.Select(l =>
        {
            if (denied)
            {
                return new SimLinePayment(l, 0m, [("CO", "97", l.Charge)], ["N20"]);
            }

            var allowed = Math.Round(l.Charge * allowance, 2, MidpointRounding.AwayFromZero);
            var preventive = l.Procedure.StartsWith("AD:D0", StringComparison.Ordinal) || l.Procedure.StartsWith("AD:D1", StringComparison.Ordinal);
            var coinsurance = preventive ? 0m : Math.Round(allowed * 0.20m, 2, MidpointRounding.AwayFromZero);
            List<(string, string, decimal)> adjustments = [("CO", "45", l.Charge - allowed)];
            if (coinsurance > 0)
            {
                adjustments.Add(("PR", "2", coinsurance));
            }

            return new SimLinePayment(l, allowed - coinsurance, adjustments, []) { Allowed = allowed };
        }).ToList();
        var number = payerClaimNumber ?? string.Create(CultureInfo.InvariantCulture, $"SIMP{Interlocked.Increment(ref _trace):D9}");
        return new SimPayment(claim, denied ? "4" : "1", lines, number);
    }

    private string Write(SimClaim payee, List<SimPayment> payments)
    {
        var now = time.GetUtcNow();
        var today = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var total = payments.Sum(p => p.Paid);
        var trace = string.Create(CultureInfo.InvariantCulture, $"SIMEFT{now:yyyyMMdd}{Interlocked.Increment(ref _trace):D6}");
        var c = X12Delimiters.Default.Component;
        using var buffer = new MemoryStream();
        using (var writer = new X12Writer(buffer, X12Delimiters.Default, new X12WriterOptions { LineBreakAfterSegment = true, LeaveOpen = true }))
        {
            lock (_gate)
            {
                var envelope = new X12EnvelopeWriter(writer, _controlNumbers, time);
                envelope.BeginInterchange(new X12InterchangeHeader("ZZ", "DEMODENTAL", "ZZ", "DCHUB"));
                envelope.BeginGroup("HP", "DEMODENTAL", "DCHUB", "005010X221A1");
                envelope.BeginTransaction("835", "005010X221A1");
                envelope.Write(total > 0
                    ? X12Segment.Create("BPR", "I", Money(total), "C", "ACH", "CCP", "01", "071000013", "DA", "123456789", "1999999999", "", "01", "071921891", "DA", "987654321", today)
                    : X12Segment.Create("BPR", "H", Money(total), "C", "NON", "", "", "", "", "", "", "", "", "", "", "", today));
                envelope.Write("TRN", "1", trace, "1999999999");
                envelope.Write("DTM", "405", today);
                envelope.Write("N1", "PR", payee.PayerName.Length > 0 ? payee.PayerName : "SIMULATED DENTAL PAYER");
                envelope.Write("N3", "PO BOX 100");
                envelope.Write("N4", "CHICAGO", "IL", "606800100");
                envelope.Write("PER", "BL", "PROVIDER SERVICES", "TE", "8005550100");
                envelope.Write("N1", "PE", payee.BillingName, "XX", payee.BillingNpi);
                envelope.Write("LX", "1");
                foreach (var payment in payments)
                {
                    envelope.Write("CLP", payment.Claim.Pcn, payment.Status, Money(payment.Charge), Money(payment.Paid), Money(payment.PatientShare), "12",
                        payment.PayerClaimNumber);
                    envelope.Write(X12Message.Segment("NM1", "QC", "1", payment.Claim.Last, payment.Claim.First, "", "", "", "MI", payment.Claim.MemberId));
                    foreach (var line in payment.Lines)
                    {
                        envelope.Write("SVC", line.Line.Procedure.Replace(':', c), Money(line.Charge), Money(line.Paid));
                        if (line.Line.Date is { Length: 8 } date)
                        {
                            envelope.Write("DTM", "472", date);
                        }

                        foreach (var group in line.Adjustments.GroupBy(a => a.Group))
                        {
                            envelope.Write("CAS", [group.Key, .. group.SelectMany(a => new[] { a.Reason, Money(a.Amount), "" }).SkipLast(1)]);
                        }

                        if (line.Line.ControlNumber is { } control)
                        {
                            envelope.Write("REF", "6R", control);
                        }

                        if (line.Allowed is { } allowed)
                        {
                            envelope.Write("AMT", "B6", Money(allowed));
                        }

                        foreach (var remark in line.Remarks)
                        {
                            envelope.Write("LQ", "HE", remark);
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

    private static decimal Amount(string text) => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    private sealed record SimClaim(string Pcn, string MemberId, string Last, string First, string BillingName, string BillingNpi, string PayerName,
        List<SimLine> Lines);

    private sealed record SimLine(string Procedure, decimal Charge)
    {
        public string? Date { get; set; }

        public string? ControlNumber { get; set; }
    }

    private sealed record SimLinePayment(SimLine Line, decimal Paid, List<(string Group, string Reason, decimal Amount)> Adjustments, List<string> Remarks)
    {
        public decimal Charge { get; init; } = Line.Charge;

        public decimal? Allowed { get; init; }

        public SimLinePayment Negated() => new(Line, -Paid, [.. Adjustments.Select(a => (a.Group, a.Reason, -a.Amount))], []) { Charge = -Charge };
    }

    private sealed record SimPayment(SimClaim Claim, string Status, List<SimLinePayment> Lines, string PayerClaimNumber)
    {
        public decimal Charge => Lines.Sum(l => l.Charge);

        public decimal Paid => Lines.Sum(l => l.Paid);

        public decimal PatientShare => Lines.Sum(l => l.Adjustments.Where(a => a.Group == "PR").Sum(a => a.Amount));

        public SimPayment Negated() => new(Claim, "22", [.. Lines.Select(l => l.Negated())], PayerClaimNumber);
    }
}
