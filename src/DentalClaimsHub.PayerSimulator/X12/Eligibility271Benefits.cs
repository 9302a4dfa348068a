using System.Globalization;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>
/// The 2100C DTP and 2110C EB/HSD/DTP/MSG segments of each <see cref="Eligibility271Answer"/>. EB elements: 01 benefit,
/// 02 coverage level, 03 service types (^-repeated), 05 plan name, 06 period, 07 amount, 08 percent (patient share),
/// 09/10 quantity, 11 authorization required, 12 in network, 13 procedure (AD:code).
/// </summary>
internal static class Eligibility271Benefits
{
    public static IEnumerable<string[]> For(Eligibility271Answer answer, Eligibility270 request, DateTimeOffset now) => answer switch
    {
        Eligibility271Answer.Inactive => [PlanBegin(now), ["EB", "6", "IND", "35"]],
        Eligibility271Answer.MemberNotFound or Eligibility271Answer.PayerUnableToRespond => [],
        Eligibility271Answer.DeductibleMet => [.. PlanYear(now), .. DeductibleMet()],
        Eligibility271Answer.FrequencyExhausted => [.. PlanYear(now), .. FrequencyExhausted(now)],
        Eligibility271Answer.WaitingPeriod => [.. PlanYear(now), .. WaitingPeriod(now)],
        _ => [.. PlanYear(now), .. Active(), .. AskedProcedures(request)],
    };

    private static string[] PlanBegin(DateTimeOffset now) => ["DTP", "346", "D8", $"{now.Year}0101"];

    private static IEnumerable<string[]> PlanYear(DateTimeOffset now) => [PlanBegin(now), ["DTP", "347", "D8", $"{now.Year}1231"]];

    private static IEnumerable<string[]> Active() =>
    [
        ["EB", "1", "IND", "35", "", "DENTAL PPO"],
        ["EB", "C", "IND", "35", "", "", "23", "50", "", "", "", "", "Y"],
        ["EB", "C", "IND", "35", "", "", "29", "25", "", "", "", "", "Y"],
        ["EB", "C", "IND", "41^23", "", "", "23", "0", "", "", "", "", "Y"],
        ["MSG", "DEDUCTIBLE WAIVED FOR DIAGNOSTIC AND PREVENTIVE"],
        ["EB", "F", "IND", "35", "", "", "23", "1500", "", "", "", "", "Y"],
        ["EB", "F", "IND", "35", "", "", "29", "1180.5", "", "", "", "", "Y"],
        ["EB", "A", "IND", "41^23", "", "", "", "", "0", "", "", "", "Y"],
        ["EB", "A", "IND", "25^24^26", "", "", "", "", "0.2", "", "", "", "Y"],
        ["EB", "A", "IND", "25^24^26", "", "", "", "", "0.4", "", "", "", "N"],
        ["EB", "A", "IND", "36^39^40", "", "", "", "", "0.5", "", "", "Y", "Y"],
        ["EB", "F", "IND", "41", "", "", "", "", "", "", "", "", "Y", "AD:D1110"],
        ["HSD", "FL", "1", "", "", "34", "6"],
        ["EB", "F", "IND", "36", "", "", "", "", "", "", "", "", "Y", "AD:D2740"],
        ["HSD", "FL", "1", "", "", "21", "5"],
        ["MSG", "PER TOOTH"],
        ["EB", "B", "IND", "35", "", "", "27", "15", "", "", "", "", "Y"],
        ["EB", "E", "IND", "28", "", "", "", "", "", "", "", "", "Y"],
        ["MSG", "COSMETIC SERVICES EXCLUDED"],
    ];

    private static IEnumerable<string[]> DeductibleMet() =>
    [
        ["EB", "1", "IND", "35", "", "DENTAL PPO"],
        ["EB", "C", "IND", "35", "", "", "23", "50", "", "", "", "", "Y"],
        ["EB", "C", "IND", "35", "", "", "29", "0", "", "", "", "", "Y"],
        ["MSG", "INDIVIDUAL DEDUCTIBLE MET"],
        ["EB", "F", "IND", "35", "", "", "23", "1500", "", "", "", "", "Y"],
        ["EB", "F", "IND", "35", "", "", "29", "640", "", "", "", "", "Y"],
        ["EB", "A", "IND", "25", "", "", "", "", "0.2", "", "", "", "Y"],
    ];

    private static IEnumerable<string[]> FrequencyExhausted(DateTimeOffset now)
    {
        var lastVisit = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(-2);
        var nextEligible = lastVisit.AddMonths(6);
        return
        [
            ["EB", "1", "IND", "35", "", "DENTAL PPO"],
            ["EB", "F", "IND", "41", "", "", "", "", "", "", "", "", "Y", "AD:D1110"],
            ["HSD", "FL", "1", "", "", "34", "6"],
            ["EB", "F", "IND", "41", "", "", "29", "", "", "VS", "0", "", "Y", "AD:D1110"],
            ["DTP", "304", "D8", lastVisit.ToString("yyyyMMdd", CultureInfo.InvariantCulture)],
            ["MSG", $"FREQUENCY MET; NEXT ELIGIBLE {nextEligible.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture)}"],
        ];
    }

    // A new member: major services (crowns 36, prosthodontics 39) begin a year after the plan does.
    private static IEnumerable<string[]> WaitingPeriod(DateTimeOffset now)
    {
        var coveredFrom = $"{now.Year + 1}0101";
        return
        [
            ["EB", "1", "IND", "35", "", "DENTAL PPO"],
            ["EB", "C", "IND", "35", "", "", "23", "50", "", "", "", "", "Y"],
            ["EB", "F", "IND", "35", "", "", "29", "1500", "", "", "", "", "Y"],
            ["EB", "A", "IND", "41^23", "", "", "", "", "0", "", "", "", "Y"],
            ["EB", "A", "IND", "25", "", "", "", "", "0.2", "", "", "", "Y"],
            ["EB", "A", "IND", "36^39", "", "", "", "", "0.5", "", "", "", "Y"],
            ["DTP", "348", "D8", coveredFrom],
            ["MSG", "12 MONTH WAITING PERIOD ON MAJOR SERVICES"],
        ];
    }

    // A procedure inquiry (EQ02 AD:code) is answered with the co-insurance that applies to each code asked.
    private static IEnumerable<string[]> AskedProcedures(Eligibility270 request) =>
        request.ProcedureCodes.Select(code => new[] { "EB", "A", "IND", "35", "", "", "", "", "0.2", "", "", "", "Y", "AD:" + code });
}
