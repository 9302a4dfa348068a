using System.Globalization;
using System.Text;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>How the simulated payer has decided the claims it knows.</summary>
public enum ClaimStatusAnswer
{
    /// <summary>P1:20 — in process.</summary>
    Pending,

    /// <summary>F1:65 — paid, 80 % of the charge.</summary>
    Finalized,

    /// <summary>F2:1 — denied, nothing paid (details on the remittance).</summary>
    Denied,
}

/// <summary>
/// Builds the 277 (005010X212) answering a 276: control numbers and party levels echoed, each claim's TRN returned as
/// TRN*2 with an STC from the ledger — unknown claims get A4:35 (not found).
/// </summary>
public static class ClaimStatus277Template
{
    /// <summary>The share of the charge a finalized claim is paid.</summary>
    public const decimal PaidShare = 0.8m;

    /// <summary>Renders the 277 with <c>*</c>, <c>:</c> and <c>~</c> delimiters and a line break after each segment.</summary>
    public static string Build(ClaimStatus276 request, ClaimLedger ledger, ClaimStatusAnswer answer, DateTimeOffset now)
    {
        var date = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var time = now.ToString("HHmm", CultureInfo.InvariantCulture);
        List<string[]> body =
        [
            ["ST", "277", request.TransactionControlNumber, "005010X212"],
            ["BHT", "0010", "08", request.Reference, date, time, "DG"],
        ];
        foreach (var item in request.Body)
        {
            if (item is ClaimStatus276Claim claim)
            {
                body.AddRange(Claim(claim, ledger.Find(claim.PatientControlNumber), answer, date));
            }
            else
            {
                body.Add((string[])item);
            }
        }

        body.Add(["SE", (body.Count + 1).ToString(CultureInfo.InvariantCulture), request.TransactionControlNumber]);
        return Interchange(request, "HN", "005010X212", body, now);
    }

    /// <summary>A 999 rejecting the 276 (IK5*R, AK9*R), as a payer sends when it cannot take the inquiry.</summary>
    public static string Reject999(ClaimStatus276 request, DateTimeOffset now)
    {
        List<string[]> body =
        [
            ["ST", "999", "0001", "005010X231A1"],
            ["AK1", "HR", request.GroupControlNumber, "005010X212"],
            ["AK2", "276", request.TransactionControlNumber, "005010X212"],
            ["IK5", "R", "5"],
            ["AK9", "R", "1", "1", "0"],
        ];
        body.Add(["SE", (body.Count + 1).ToString(CultureInfo.InvariantCulture), "0001"]);
        return Interchange(request, "FA", "005010X231A1", body, now);
    }

    private static IEnumerable<string[]> Claim(ClaimStatus276Claim claim, LedgerClaim? known, ClaimStatusAnswer answer, string date)
    {
        yield return ["TRN", "2", claim.TraceNumber];
        if (known is null)
        {
            // A4 not found, 35 claim/encounter not found
            yield return ["STC", "A4:35", date];
        }
        else
        {
            var total = decimal.Parse(known.Total, NumberStyles.Number, CultureInfo.InvariantCulture);
            yield return answer switch
            {
                ClaimStatusAnswer.Finalized => ["STC", "F1:65", date, "", Amount(total), Amount(Math.Round(total * PaidShare, 2)), date],
                ClaimStatusAnswer.Denied => ["STC", "F2:1", date, "", Amount(total), "0", date],
                _ => ["STC", "P1:20", date, "", Amount(total)],
            };
            // The payer's number: the one asked about, else one derived from CLM01 so every answer names the same claim.
            yield return ["REF", "1K", claim.PayerClaimNumber.Length > 0 ? claim.PayerClaimNumber : "SIM" + known.PatientControlNumber];
        }

        if (claim.PatientControlNumber.Length > 0)
        {
            yield return ["REF", "EJ", claim.PatientControlNumber];
        }

        if (claim.ServiceDate is { } dtp)
        {
            yield return dtp;
        }
    }

    private static string Interchange(ClaimStatus276 request, string functionalId, string guide, List<string[]> body, DateTimeOffset now)
    {
        var date = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var time = now.ToString("HHmm", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        Append(text, ["ISA", "00", new string(' ', 10), "00", new string(' ', 10),
            Or(request.ReceiverQualifier, "ZZ"), Pad(request.ReceiverId), Or(request.SenderQualifier, "ZZ"), Pad(request.SenderId),
            now.ToString("yyMMdd", CultureInfo.InvariantCulture), time, "^", "00501", request.InterchangeControlNumber, "0",
            Or(request.UsageIndicator, "T"), ":"]);
        Append(text, ["GS", functionalId, request.ApplicationReceiver, request.ApplicationSender, date, time,
            request.GroupControlNumber, "X", guide]);
        body.ForEach(segment => Append(text, segment));
        Append(text, ["GE", "1", request.GroupControlNumber]);
        Append(text, ["IEA", "1", request.InterchangeControlNumber]);
        return text.ToString();
    }

    private static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Append(StringBuilder text, string[] elements) => text.AppendJoin('*', elements).Append("~\n");

    private static string Pad(string id) => id.PadRight(15)[..15];

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;
}
