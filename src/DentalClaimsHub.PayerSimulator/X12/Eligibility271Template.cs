using System.Globalization;
using System.Text;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>
/// Builds the 271 (005010X279A1) the simulator answers with: the request's ISA13/GS06/ST02 control numbers echoed, its
/// TRN returned as TRN*2, and benefit lines for the chosen scenario.
/// </summary>
public static class Eligibility271Template
{
    /// <summary>Renders an active or inactive 271.</summary>
    public static string Build(Eligibility270 request, bool active, DateTimeOffset now) =>
        Build(request, active ? Eligibility271Answer.Active : Eligibility271Answer.Inactive, now);

    /// <summary>Renders the 271 with <c>*</c>, <c>:</c> and <c>~</c> delimiters and a line break after each segment.</summary>
    public static string Build(Eligibility270 request, Eligibility271Answer answer, DateTimeOffset now)
    {
        var date = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var time = now.ToString("HHmm", CultureInfo.InvariantCulture);
        List<string[]> body =
        [
            ["ST", "271", request.TransactionControlNumber, "005010X279A1"],
            ["BHT", "0022", "11", request.Reference, date, time],
            ["HL", "1", "", "20", answer == Eligibility271Answer.PayerUnableToRespond ? "0" : "1"],
            ["NM1", "PR", "2", Or(request.PayerName, "DEMO DENTAL MUTUAL"), "", "", "", "", "PI", Or(request.PayerId, "99999")],
        ];
        if (answer == Eligibility271Answer.PayerUnableToRespond)
        {
            // 005010X279A1 2100A AAA: 42 unable to respond at current time, R resubmission allowed.
            body.Add(["AAA", "N", "", "42", "R"]);
        }
        else
        {
            body.AddRange(Subscriber(request, answer, now));
        }

        body.Add(["SE", (body.Count + 1).ToString(CultureInfo.InvariantCulture), request.TransactionControlNumber]);
        return Interchange(request, body, now);
    }

    private static List<string[]> Subscriber(Eligibility270 request, Eligibility271Answer answer, DateTimeOffset now)
    {
        List<string[]> body =
        [
            ["HL", "2", "1", "21", "1"],
            ["NM1", "1P", "2", Or(request.ProviderName, "DEMO DENTAL PRACTICE"), "", "", "", "", "XX",
                Or(request.ProviderNpi, "1234567893")],
            ["HL", "3", "2", "22", "0"],
            ["TRN", "2", request.TraceNumber, request.TraceOriginator],
            ["NM1", "IL", "1", request.MemberLastName, request.MemberFirstName, "", "", "", "MI", request.MemberId],
        ];
        if (answer == Eligibility271Answer.MemberNotFound)
        {
            // 005010X279A1 2100C AAA: 75 subscriber/insured not found, C please correct and resubmit.
            body.Add(["AAA", "N", "", "75", "C"]);
        }

        if (request.MemberBirthDate.Length > 0)
        {
            body.Add(["DMG", "D8", request.MemberBirthDate]);
        }

        body.AddRange(Eligibility271Benefits.For(answer, request, now));
        return body;
    }

    private static string Interchange(Eligibility270 request, List<string[]> body, DateTimeOffset now)
    {
        var date = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var time = now.ToString("HHmm", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        Append(text, ["ISA", "00", new string(' ', 10), "00", new string(' ', 10),
            Or(request.ReceiverQualifier, "ZZ"), Pad(request.ReceiverId), Or(request.SenderQualifier, "ZZ"), Pad(request.SenderId),
            now.ToString("yyMMdd", CultureInfo.InvariantCulture), time, "^", "00501", request.InterchangeControlNumber, "0",
            Or(request.UsageIndicator, "T"), ":"]);
        Append(text, ["GS", "HB", request.ApplicationReceiver, request.ApplicationSender, date, time,
            request.GroupControlNumber, "X", "005010X279A1"]);
        body.ForEach(segment => Append(text, segment));
        Append(text, ["GE", "1", request.GroupControlNumber]);
        Append(text, ["IEA", "1", request.InterchangeControlNumber]);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string[] elements) => text.AppendJoin('*', elements).Append("~\n");

    private static string Pad(string id) => id.PadRight(15)[..15];

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;
}
