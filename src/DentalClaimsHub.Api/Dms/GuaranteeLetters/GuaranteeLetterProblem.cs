using System.Globalization;
using System.Text.RegularExpressions;
using DentalClaimsHub.Domain.PreAuthorizations;

namespace DentalClaimsHub.Api.Dms.GuaranteeLetters;

/// <summary>
/// A letter the importer could not apply, or a remark on one it applied, with a code and values beside the English the report
/// has always carried (<see cref="Text"/>), so the console can word it per culture (<c>LetterProblem.*</c>). A plan's status is
/// kept as its enum name; amounts invariant with two decimals.
/// </summary>
public sealed partial record GuaranteeLetterProblem(string Code, IReadOnlyList<string> Args, string Text)
{
    /// <summary>Args: the insurer.</summary>
    public const string NoPlan = "no-plan";

    public const string SeveralPlans = "several-plans";

    /// <summary>Args: the plan's status.</summary>
    public const string NotAwaiting = "plan-not-awaiting";

    /// <summary>Args: the plan's status.</summary>
    public const string AlreadyDecided = "plan-already-decided";

    /// <summary>Args: the domain's own English.</summary>
    public const string PlanRefuses = "plan-refuses-answer";

    public const string PartlyWithoutServices = "partly-without-services";

    /// <summary>Args: the service's row, the approved amount, the planned fee, the plan's line.</summary>
    public const string AmountOverFee = "amount-over-fee";

    /// <summary>A remark. Args: the service's row, its 804н code.</summary>
    public const string ServiceNotPlanned = "service-not-planned";

    /// <summary>Every code above, for the check that each has words in every language.</summary>
    public static readonly IReadOnlyList<string> All =
        [NoPlan, SeveralPlans, NotAwaiting, AlreadyDecided, PlanRefuses, PartlyWithoutServices, AmountOverFee, ServiceNotPlanned];

    public static GuaranteeLetterProblem NoPlanAt(string payerId) =>
        new(NoPlan, [payerId], $"no treatment plan sent to {payerId} has this request number; nothing applied.");

    public static GuaranteeLetterProblem Several() =>
        new(SeveralPlans, [], "several clinics' plans to this insurer have this request number; the clinic must import the answer itself.");

    public static GuaranteeLetterProblem NotAwaitingAnswer(PreAuthorizationStatus status) =>
        new(NotAwaiting, [status.ToString()], $"the plan is {status}; a request for information applies only to a plan awaiting the answer.");

    public static GuaranteeLetterProblem Decided(PreAuthorizationStatus status) =>
        new(AlreadyDecided, [status.ToString()], $"the plan is already {status} with another answer; a changed letter is not applied.");

    public static GuaranteeLetterProblem Refuses(string domainMessage) =>
        new(PlanRefuses, [domainMessage], $"the plan cannot take this answer: {domainMessage}");

    public static GuaranteeLetterProblem WithoutServices() =>
        new(PartlyWithoutServices, [], "a partly approved letter must list the approved services (804н codes); none is listed.");

    // The English keeps the formatting it always had (the server's culture); the values are invariant.
    public static GuaranteeLetterProblem OverFee(int serviceRow, decimal approved, decimal fee, int line) =>
        new(AmountOverFee, [Invariant(serviceRow), Amount(approved), Amount(fee), Invariant(line)],
            $"row {serviceRow}: the approved {approved:0.00} is more than the planned fee {fee:0.00} of line {line}.");

    public static GuaranteeLetterProblem NotPlanned(int serviceRow, string code) =>
        new(ServiceNotPlanned, [Invariant(serviceRow), code], $"row {serviceRow}: the plan has no (further) line with service {code}.");

    /// <summary>A problem stored before codes existed, recognised by its English; null for any other text.</summary>
    public static GuaranteeLetterProblem? Recognise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var (code, pattern) in Sentences)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                var args = match.Groups.Cast<Group>().Skip(1).Select(g => g.Value);
                return new(code, [.. code == AmountOverFee ? args.Select(a => a.Replace(',', '.')) : args], text);
            }
        }

        return null;
    }

    private static readonly (string Code, Regex Pattern)[] Sentences =
    [
        (NoPlan, NoPlanPattern()), (SeveralPlans, SeveralPattern()), (NotAwaiting, NotAwaitingPattern()), (AlreadyDecided, DecidedPattern()),
        (PlanRefuses, RefusesPattern()), (PartlyWithoutServices, WithoutServicesPattern()), (AmountOverFee, OverFeePattern()),
        (ServiceNotPlanned, NotPlannedPattern()),
    ];

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^no treatment plan sent to (.+) has this request number; nothing applied\.$")]
    private static partial Regex NoPlanPattern();

    [GeneratedRegex(@"^several clinics' plans to this insurer have this request number; the clinic must import the answer itself\.$")]
    private static partial Regex SeveralPattern();

    [GeneratedRegex(@"^the plan is (\w+); a request for information applies only to a plan awaiting the answer\.$")]
    private static partial Regex NotAwaitingPattern();

    [GeneratedRegex(@"^the plan is already (\w+) with another answer; a changed letter is not applied\.$")]
    private static partial Regex DecidedPattern();

    [GeneratedRegex(@"^the plan cannot take this answer: (.+)$", RegexOptions.Singleline)]
    private static partial Regex RefusesPattern();

    [GeneratedRegex(@"^a partly approved letter must list the approved services \(804н codes\); none is listed\.$")]
    private static partial Regex WithoutServicesPattern();

    // The amounts were written in the server's culture: a comma or a point.
    [GeneratedRegex(@"^row (\d+): the approved (\d+[.,]\d\d) is more than the planned fee (\d+[.,]\d\d) of line (\d+)\.$")]
    private static partial Regex OverFeePattern();

    [GeneratedRegex(@"^row (\d+): the plan has no \(further\) line with service (.+)\.$")]
    private static partial Regex NotPlannedPattern();
}
