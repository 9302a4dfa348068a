using System.Globalization;
using System.Text.RegularExpressions;
using DentalClaimsHub.X12;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Messages;

/// <summary>
/// An X12 reader or validator finding in the console user's language. Findings are stored as their one-line English
/// (<see cref="X12Issue.ToString"/>: severity, code, segment position and id, element; or the 271/277 readers' shorter
/// "code at segment n (ID): …"): the line is read back, the code
/// (<c>IK304-n</c>, <c>IK403-n</c>, <c>IK502-n</c>, <c>AK905-n</c>, <c>TA1-nnn</c>, <c>READ-…</c>, <c>SNIP…</c>) worded by an
/// <c>X12Issue.*</c> text, or by its family with the 999/TA1 code value, and the position kept. The English explanation is
/// the X12 engine's own and is left out. In English, or for a line that is not a finding, it reads as stored.
/// </summary>
public sealed partial class X12IssueText(IStringLocalizer<ConsoleText> text)
{
    private static readonly string[] Families = ["IK304-", "IK403-", "IK502-", "AK905-", "TA1-", "SNIP3-", "SNIP1-", "READ-"];

    public string Render(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (CodedText.InEnglish
            || (Line().Match(stored) is { Success: true } full ? full : Short().Match(stored)) is not { Success: true } line)
        {
            return stored;
        }

        var code = line.Groups["code"].Value;
        var family = Families.FirstOrDefault(f => code.StartsWith(f, StringComparison.Ordinal));
        var words = text.Words("X12Issue", code, [])
            ?? (family is null ? null : text.Words("X12Issue", family.TrimEnd('-'), [code[family.Length..]]))
            ?? string.Format(CultureInfo.CurrentCulture, text["X12Issue.Other"], code);
        if (!line.Groups["severity"].Success)
        {
            return Where(line) + words;
        }

        return $"{text.Name("X12Issue.Severity", line.Groups["severity"].Value)}: {Where(line)}{words}";
    }

    private string Where(Match line)
    {
        List<string> parts = [];
        if (line.Groups["segment"].Success)
        {
            var id = line.Groups["id"].Success ? " (" + line.Groups["id"].Value + ")" : "";
            parts.Add(string.Format(CultureInfo.CurrentCulture, text["X12Issue.AtSegment"], line.Groups["segment"].Value) + id);
        }
        else if (line.Groups["byte"].Success)
        {
            parts.Add(string.Format(CultureInfo.CurrentCulture, text["X12Issue.AtByte"], line.Groups["byte"].Value));
        }

        if (line.Groups["loop"].Success)
        {
            parts.Add(string.Format(CultureInfo.CurrentCulture, text["X12Issue.InLoop"], line.Groups["loop"].Value));
        }

        if (line.Groups["element"].Success)
        {
            parts.Add(string.Format(CultureInfo.CurrentCulture, text["X12Issue.AtElement"], line.Groups["id"].Value + line.Groups["element"].Value));
        }

        return parts.Count == 0 ? "" : string.Join(", ", parts) + " — ";
    }

    // X12Issue.ToString: "{Severity} {Code} at {segment n|byte n|input}[ loop L][ ID[EE[-C]]]: {Message}".
    [GeneratedRegex(@"^(?<severity>Information|Warning|Error) (?<code>\S+) at (?:segment (?<segment>\d+)|byte (?<byte>\d+)|input)(?: loop (?<loop>\S+))?"
        + @"(?: (?<id>[A-Z][A-Z0-9]{1,2})(?<element>\d{2}(?:-\d+)?)?)?: ", RegexOptions.Singleline)]
    private static partial Regex Line();

    // The 271 and 277 readers' shorter form: "{Code} at segment {n} ({ID}): {Message}" or "{Code}: {Message}", for coded families only.
    [GeneratedRegex(@"^(?<code>(?:IK304|IK403|IK502|AK905|TA1|SNIP\d|READ)-\S+?)(?: at segment (?<segment>\d+) \((?<id>[A-Z][A-Z0-9]{1,2})\))?: ",
        RegexOptions.Singleline)]
    private static partial Regex Short();
}
