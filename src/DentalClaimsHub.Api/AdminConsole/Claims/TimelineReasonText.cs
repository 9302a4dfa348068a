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
    public string Render(ClaimState? state, string? stored, string? code, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (CodedText.InEnglish || code is null || stored is null)
        {
            return stored ?? "";
        }

        return code switch
        {
            TimelineReasonCodes.ClaimStatus when args.Count == 0 => text["Reason.277.None"].Value,
            TimelineReasonCodes.Remittance => Remittance(state, args),
            // The 999's IK3/IK4 segments follow our words as the payer sent them.
            TimelineReasonCodes.Ack999Rejected when Arg(args, 2) is { Length: > 0 } segments =>
                Words(code, args) is { } words ? $"{words} — {segments}" : stored,
            _ => Words(code, args) ?? stored,
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
        failure switch
        {
            null => null,
            DmsActMatchFailures.NoClaim => text.Words("ActLine.Unmatched", failure, [claimNumber, insurer]),
            _ when tooth is { Length: > 0 } =>
                text.Words("ActLine.Unmatched", DmsActMatchFailures.NoLine + ".Tooth", [claimNumber, serviceCode, tooth]),
            _ => text.Words("ActLine.Unmatched", DmsActMatchFailures.NoLine, [claimNumber, serviceCode]),
        } ?? stored ?? "";

    /// <summary>A ДМС act line's refusal category (or "unmatched") in words; null for one the texts do not know.</summary>
    public string? RefusalCategory(string? category) => category is { Length: > 0 } ? text.Label("RefusalCategory", category) : null;

    // The Reason.* text of a code with its stored values as the text names them: codes and names in words, money in the user's
    // format, a value the entry lacks as empty; null for a code without words.
    private string? Words(string code, IReadOnlyList<string> args) => text.Words("Reason", code, code switch
    {
        TimelineReasonCodes.FollowUp => [text.Name("Frequency", Arg(args, 0)), Arg(args, 1)],
        TimelineReasonCodes.Ta1Rejected => [Arg(args, 0), Arg(args, 1)],
        TimelineReasonCodes.Ack999Rejected => [Arg(args, 0), Arg(args, 1), explain.TransactionResult(Arg(args, 1))],
        TimelineReasonCodes.ClaimAckRejected or TimelineReasonCodes.ClaimStatus => [Status(Arg(args, 0), Arg(args, 1))],
        TimelineReasonCodes.Reversal => [StoredValue.Money(Arg(args, 0), Arg(args, 1))],
        TimelineReasonCodes.FhirError or TimelineReasonCodes.FhirQueued or TimelineReasonCodes.FhirUnbuildable =>
            [Arg(args, 0) is { Length: > 0 } said ? said : text["Reason.NoReasonGiven"].Value],
        TimelineReasonCodes.WrittenOff or TimelineReasonCodes.DmsNoInn => [Arg(args, 0)],
        TimelineReasonCodes.DmsUnknownService => [Arg(args, 0), Arg(args, 1), Arg(args, 2)],
        // One of the 837 checks' problems (Claim837Problems); a code without words is shown as it is.
        TimelineReasonCodes.X12Unbuildable =>
            [Arg(args, 0), string.Join("; ", args.Skip(1).Select(problem => text.Name("Claim837Problem", problem)))],
        _ => args,
    });

    // Args: first group-CARC, adjustments, remarks, paid, charge, currency.
    private string Remittance(ClaimState? state, IReadOnlyList<string> args)
    {
        var head = state == ClaimState.Denied ? text["Reason.835.Denied"].Value
            : text["Reason.835.Paid", StoredValue.Money(Arg(args, 3), Arg(args, 5)), StoredValue.Money(Arg(args, 4), Arg(args, 5))].Value;
        var parts = new List<string>();
        var adjustments = Arg(args, 1).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Split('-', 2)).Where(a => a.Length == 2).Select(a => explain.Adjustment(a[0], a[1])).ToList();
        if (adjustments.Count > 0)
        {
            parts.Add(string.Join("; ", adjustments));
        }

        var remarks = Arg(args, 2).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => $"{r} ({explain.Rarc(r)})").ToList();
        if (remarks.Count > 0)
        {
            parts.Add(text["Reason.835.Remarks", string.Join("; ", remarks)]);
        }

        return parts.Count == 0 ? head : $"{head}: {string.Join(" — ", parts)}";
    }

    private string Status(string categoryStatus, string entity)
    {
        var parts = categoryStatus.Split(':', 2);
        return explain.Status(parts[0], parts.Length > 1 ? parts[1] : "", entity);
    }

    // Entries are written with all their values; one stored otherwise reads with the missing ones empty.
    private static string Arg(IReadOnlyList<string> args, int i) => i < args.Count ? args[i] : "";
}
