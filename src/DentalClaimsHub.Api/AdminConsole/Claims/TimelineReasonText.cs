using System.Globalization;
using DentalClaimsHub.Api.AdminConsole.X12View;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage.DmsActs;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Claims;

/// <summary>
/// A timeline reason in the console user's language. The hub stores its reasons in English with a code and arguments
/// (<see cref="TimelineReasonCodes"/>); in English the stored sentence is shown as written, in another language the
/// sentence is rebuilt from the code with <c>Reason.*</c> texts, codes in words from <see cref="X12CodeExplainer"/>, and
/// amounts in the user's number format. What a person typed or a payer said in its own words is shown as they wrote it;
/// only our framing around it is translated. An entry without a code (written by a person, or before codes existed) is shown as stored.
/// </summary>
public sealed class TimelineReasonText(IStringLocalizer<ConsoleText> text, X12CodeExplainer explain)
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string Render(ClaimState? state, string? stored, string? code, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (English || code is null || stored is null)
        {
            return stored ?? "";
        }

        string Arg(int i) => i < args.Count ? args[i] : "";
        return code switch
        {
            TimelineReasonCodes.Created => text["Reason.created"],
            TimelineReasonCodes.FollowUp => Say("Reason.follow-up", text["Frequency." + Arg(0)].Value, Arg(1)),
            TimelineReasonCodes.Ta1Rejected => Say("Reason.ta1", Arg(0), Arg(1)),
            TimelineReasonCodes.Ack999Rejected => Say("Reason.999", Arg(0), Arg(1), explain.TransactionResult(Arg(1)))
                + (Arg(2).Length > 0 ? " — " + Arg(2) : ""),
            TimelineReasonCodes.ClaimAckRejected => Say("Reason.277ca", Status(Arg(0), Arg(1))),
            TimelineReasonCodes.ClaimStatus => args.Count == 0 ? text["Reason.277.None"] : Say("Reason.277", Status(Arg(0), Arg(1))),
            TimelineReasonCodes.Remittance => Remittance(state, args),
            TimelineReasonCodes.Reversal => Say("Reason.835-reversal", Money(Arg(0), Arg(1))),
            TimelineReasonCodes.Predetermination => text["Reason.835-predetermination"],
            TimelineReasonCodes.FhirError => Say("Reason.fhir-error", Arg(0).Length > 0 ? Arg(0) : text["Reason.NoReasonGiven"]),
            TimelineReasonCodes.FhirQueued => Say("Reason.fhir-queued", Arg(0).Length > 0 ? Arg(0) : text["Reason.NoReasonGiven"]),
            TimelineReasonCodes.WrittenOff => Say("Reason.written-off", Arg(0)),
            TimelineReasonCodes.DmsNoInn => Say("Reason.dms-no-inn", Arg(0)),
            TimelineReasonCodes.DmsUnknownService => Say("Reason.dms-unknown-service", Arg(0), Arg(1), Arg(2)),
            TimelineReasonCodes.FhirUnbuildable => Say("Reason.fhir-unbuildable", Arg(0).Length > 0 ? Arg(0) : text["Reason.NoReasonGiven"]),
            TimelineReasonCodes.X12Unbuildable => Say("Reason.x12-unbuildable", Arg(0), string.Join("; ", args.Skip(1).Select(X12Problem))),
            TimelineReasonCodes.X12NoSubmitterContact => text["Reason.x12-no-submitter-contact"],
            _ => stored,
        };
    }

    /// <summary>
    /// A work-queue item's reason: the claim's coded reason; for a ДМС act line, the refusal category in words followed by the
    /// insurer's own text as it wrote it.
    /// </summary>
    public string Render(Queue.WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.ActLineId is null)
        {
            return Render(item.State, item.ReasonText, item.ReasonCode, item.ReasonArgs);
        }

        var said = item.ReasonCode is { } failure && item.ReasonArgs.Count == 4
            ? Unmatched(failure, item.ReasonArgs[0], item.ReasonArgs[1], item.ReasonArgs[2], item.ReasonArgs[3], item.ReasonText)
            : item.ReasonText;
        return RefusalCategory(item.Reason.Code) is { } label ? (said.Length > 0 ? $"{label}: {said}" : label) : said;
    }

    /// <summary>
    /// Why a ДМС act line matched no claim line of ours (<see cref="DmsActMatchFailures"/>): in English as the importer wrote it,
    /// in another language from its code and the line's own values.
    /// </summary>
    public string Unmatched(string? failure, string claimNumber, string insurer, string serviceCode, string? tooth, string? stored) =>
        English || failure is null ? stored ?? ""
        : failure == DmsActMatchFailures.NoClaim ? Say("ActLine.Unmatched.no-claim", claimNumber, insurer)
        : tooth is { Length: > 0 } ? Say("ActLine.Unmatched.no-line.Tooth", claimNumber, serviceCode, tooth)
        : Say("ActLine.Unmatched.no-line", claimNumber, serviceCode);

    /// <summary>A ДМС act line's refusal category (or "unmatched") in words; null for one the texts do not know.</summary>
    public string? RefusalCategory(string? category) =>
        category is { Length: > 0 } && text["RefusalCategory." + category] is { ResourceNotFound: false } label ? label.Value : null;

    // Args: first group-CARC, adjustments, remarks, paid, charge, currency.
    private string Remittance(ClaimState? state, IReadOnlyList<string> args)
    {
        string Arg(int i) => i < args.Count ? args[i] : "";
        var head = state == ClaimState.Denied ? text["Reason.835.Denied"].Value : Say("Reason.835.Paid", Money(Arg(3), Arg(5)), Money(Arg(4), Arg(5)));
        var parts = new List<string>();
        var adjustments = Arg(1).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Split('-', 2)).Where(a => a.Length == 2).Select(a => explain.Adjustment(a[0], a[1])).ToList();
        if (adjustments.Count > 0)
        {
            parts.Add(string.Join("; ", adjustments));
        }

        var remarks = Arg(2).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => $"{r} ({explain.Rarc(r)})").ToList();
        if (remarks.Count > 0)
        {
            parts.Add(Say("Reason.835.Remarks", string.Join("; ", remarks)));
        }

        return parts.Count == 0 ? head : $"{head}: {string.Join(" — ", parts)}";
    }

    // One of the 837 checks' problems (Claim837Problems); a code without words is shown as it is.
    private string X12Problem(string code) =>
        text["Claim837Problem." + code] is { ResourceNotFound: false } problem ? problem.Value : code;

    private string Status(string categoryStatus, string entity)
    {
        var parts = categoryStatus.Split(':', 2);
        return explain.Status(parts[0], parts.Length > 1 ? parts[1] : "", entity);
    }

    private static string Money(string amount, string currency) =>
        decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? Format.Money(value, currency) : amount;

    private string Say(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, text[key], args);
}
