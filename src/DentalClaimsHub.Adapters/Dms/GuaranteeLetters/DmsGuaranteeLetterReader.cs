using DentalClaimsHub.Adapters.Dms.Acts;
using System.Globalization;
using DentalClaimsHub.Adapters.Dms.Files;
using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Adapters.Dms.Tables;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Dms.GuaranteeLetters;

/// <summary>
/// Reads an insurer's answer to guarantee-letter requests with its <see cref="DmsGuaranteeLetterLayout"/>: rows streamed
/// through the shared table cursor, grouped by our request reference into letters. A row that cannot be read is reported
/// with its row, column and reason (never the person), and its whole letter is held back so that a lost service row cannot
/// turn into a refusal. A file with no usable table throws <see cref="DmsGuaranteeLetterException"/>.
/// </summary>
public static class DmsGuaranteeLetterReader
{
    public const int MaxRows = 50_000;

    public static DmsGuaranteeLetterFile Read(Stream content, string fileName, DmsGuaranteeLetterLayout layout, string? zipPassword = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        try
        {
            using var file = DmsTableFile.Open(content, fileName, layout.Table, "answers", zipPassword);
            using var cursor = DmsTableCursor.Open(file.Rows(layout.Table, zipPassword), layout.Table, ["request", "status"]);
            var (letters, errors) = Group(layout, cursor.Records());
            return new DmsGuaranteeLetterFile(file.Format, cursor.HeaderRow, letters, errors);
        }
        catch (DmsFileException exception)
        {
            throw new DmsGuaranteeLetterException(exception.Message, exception.Row, exception);
        }
        catch (DmsTableException exception)
        {
            throw new DmsGuaranteeLetterException(exception.Message, exception.Row, exception);
        }
    }

    private static (List<DmsGuaranteeLetter> Letters, List<DmsRowError> Errors) Group(DmsGuaranteeLetterLayout layout, IEnumerable<DmsRecord> records)
    {
        var rowsByRequest = new Dictionary<string, List<AnswerRow>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        var broken = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<DmsRowError>();
        var count = 0;
        foreach (var record in records)
        {
            if (++count > MaxRows)
            {
                throw new DmsGuaranteeLetterException($"an answer file may hold at most {MaxRows} rows.", record.Row);
            }

            var (row, error) = ReadRow(layout, record);
            if (error is not null)
            {
                errors.Add(error);
                if (record["request"] is { } request)
                {
                    broken.TryAdd(request, record.Row);
                }

                continue;
            }

            if (!rowsByRequest.TryGetValue(row!.Request, out var list))
            {
                rowsByRequest[row.Request] = list = [];
                order.Add(row.Request);
            }

            list.Add(row);
        }

        var letters = new List<DmsGuaranteeLetter>();
        foreach (var request in order)
        {
            var rows = rowsByRequest[request];
            if (broken.TryGetValue(request, out var brokenRow))
            {
                errors.Add(new DmsRowError(rows[0].Row, Title(layout, "request"), request,
                    DmsGuaranteeLetterReasons.Unreadable(brokenRow)));
                continue;
            }

            if (Merge(layout, request, rows, out var conflict) is { } letter)
            {
                letters.Add(letter);
            }
            else
            {
                errors.Add(conflict!);
            }
        }

        return (letters, [.. errors.OrderBy(e => e.Row)]);
    }

    private static DmsGuaranteeLetter? Merge(DmsGuaranteeLetterLayout layout, string request, List<AnswerRow> rows, out DmsRowError? conflict)
    {
        conflict = null;
        var first = rows[0];
        var (number, date, validFrom, validTo, limit) = (first.Number, first.Date, first.ValidFrom, first.ValidTo, first.Limit);
        foreach (var row in rows.Skip(1))
        {
            string? field = null;
            if (row.Number is not null && number is not null && !string.Equals(row.Number, number, StringComparison.OrdinalIgnoreCase))
            {
                field = "number";
            }
            else if (Differs(row.ValidFrom, validFrom))
            {
                field = "validFrom";
            }
            else if (Differs(row.ValidTo, validTo))
            {
                field = "validTo";
            }
            else if (Differs(row.Limit, limit))
            {
                field = "limit";
            }

            if (field is not null)
            {
                conflict = new DmsRowError(row.Row, Title(layout, field), null, DmsGuaranteeLetterReasons.Disagree(field, first.Row));
                return null;
            }

            (number, date, validFrom, validTo, limit) = (number ?? row.Number, date ?? row.Date, validFrom ?? row.ValidFrom, validTo ?? row.ValidTo, limit ?? row.Limit);
        }

        if (validFrom is { } from && validTo is { } to && to < from)
        {
            conflict = new DmsRowError(first.Row, Title(layout, "validTo"), null, DmsGuaranteeLetterReasons.Of(DmsGuaranteeLetterReasons.EndsBeforeStart));
            return null;
        }

        var decisions = rows.Select(r => r.Decision).Distinct().ToList();
        var decision = decisions.Contains(GuaranteeDecision.Annulled) ? GuaranteeDecision.Annulled
            : decisions.Contains(GuaranteeDecision.NeedsInformation) ? GuaranteeDecision.NeedsInformation
            : decisions.All(d => d == GuaranteeDecision.Approved) ? GuaranteeDecision.Approved
            : decisions.All(d => d == GuaranteeDecision.Refused) ? GuaranteeDecision.Refused
            : GuaranteeDecision.PartlyApproved;
        var services = rows.Where(r => r.Code is not null)
            .Select(r => new DmsGuaranteeService(r.Row, r.Code!.Value, r.Decision != GuaranteeDecision.Refused, r.ApprovedAmount, r.Note))
            .ToList();
        var note = string.Join("; ", rows.Where(r => r.Code is null && r.Note is not null).Select(r => r.Note).Distinct(StringComparer.Ordinal));
        return new DmsGuaranteeLetter(request, first.Row, decision, number, date, validFrom, validTo, limit, note.Length == 0 ? null : note, services);
    }

    private static bool Differs<T>(T? value, T? known)
        where T : struct => value is not null && known is not null && !value.Value.Equals(known.Value);

    private static (AnswerRow? Row, DmsRowError? Error) ReadRow(DmsGuaranteeLetterLayout layout, DmsRecord record)
    {
        (AnswerRow?, DmsRowError?) Error(string field, string? value, DmsRosterReason reason) => (null, new DmsRowError(record.Row, Title(layout, field), value, reason));

        var request = record["request"];
        if (request is null)
        {
            return Error("request", null, DmsGuaranteeLetterReasons.Of(DmsGuaranteeLetterReasons.RequestEmpty));
        }

        if (request.Length > 50)
        {
            return Error("request", null, DmsGuaranteeLetterReasons.Of(DmsGuaranteeLetterReasons.RequestTooLong));
        }

        var status = record["status"];
        if (status is null)
        {
            return Error("status", null, DmsGuaranteeLetterReasons.Of(DmsGuaranteeLetterReasons.StatusEmpty));
        }

        if (layout.DecisionOf(status) is not { } decision)
        {
            return Error("status", status, DmsGuaranteeLetterReasons.Of(DmsGuaranteeLetterReasons.StatusUnknown));
        }

        var number = record["number"];
        if (number is { Length: > 50 })
        {
            return Error("number", null, DmsGuaranteeLetterReasons.Of(DmsGuaranteeLetterReasons.NumberTooLong));
        }

        var dates = new DateOnly?[3];
        var dateFields = new[] { "date", "validFrom", "validTo" };
        for (var i = 0; i < dateFields.Length; i++)
        {
            if (record[dateFields[i]] is { } text)
            {
                dates[i] = DmsRosterReader.ParseDate(text, layout.Table.DateFormats);
                if (dates[i] is null)
                {
                    return Error(dateFields[i], text, DmsRosterReasons.NotADateIn(layout.Table.DateFormats));
                }
            }
        }

        decimal? limit = null;
        if (record["limit"] is { } limitText)
        {
            limit = ParseMoney(limitText);
            if (limit is null)
            {
                return Error("limit", limitText, DmsGuaranteeLetterReasons.Of(DmsGuaranteeLetterReasons.LimitInvalid));
            }
        }

        NomenclatureCode? code = null;
        if (record["serviceCode"] is { } codeText)
        {
            if (!NomenclatureCode.TryParse(codeText, out var parsed))
            {
                return Error("serviceCode", codeText, DmsActReasons.Of(DmsActReasons.ServiceCodeInvalid));
            }

            code = parsed;
        }

        decimal? approved = null;
        if (record["approvedAmount"] is { } amountText)
        {
            approved = ParseMoney(amountText);
            if (approved is null)
            {
                return Error("approvedAmount", amountText, DmsActReasons.Of(DmsActReasons.AmountInvalid));
            }

            if (code is null)
            {
                return Error("serviceCode", null, DmsGuaranteeLetterReasons.Of(DmsGuaranteeLetterReasons.ApprovedWithoutCode));
            }
        }

        var note = record["note"];
        if (note is { Length: > 500 })
        {
            note = note[..500];
        }

        return (new AnswerRow(record.Row, request.Trim(), decision, number, dates[0], dates[1], dates[2], limit, code, approved, note), null);
    }

    /// <summary>An amount as insurers write it: decimal comma or point, spaces (also non-breaking) between thousands, an
    /// optional "руб." or "₽"; null when it is not a non-negative amount with at most two decimals.</summary>
    public static decimal? ParseMoney(string text)
    {
        var value = text.Trim();
        foreach (var suffix in new[] { "руб.", "руб", "р.", "₽" })
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                value = value[..^suffix.Length].TrimEnd();
                break;
            }
        }

        value = value.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal)
            .Replace("\u202F", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            && amount >= 0 && decimal.Round(amount, 2) == amount && amount < 1_000_000_000m
            ? amount
            : null;
    }

    private static string Title(DmsGuaranteeLetterLayout layout, string field) =>
        layout.Table.Columns.TryGetValue(field, out var aliases) && aliases.Count > 0 ? aliases[0] : field;

    private sealed record AnswerRow(
        int Row, string Request, GuaranteeDecision Decision, string? Number, DateOnly? Date, DateOnly? ValidFrom, DateOnly? ValidTo,
        decimal? Limit, NomenclatureCode? Code, decimal? ApprovedAmount, string? Note);
}
