using System.Globalization;
using DentalClaimsHub.Adapters.Dms.Files;
using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;
using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Adapters.Dms.Tables;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Dms.Acts;

/// <summary>
/// Reads an insurer's reconciliation act with its <see cref="DmsActLayout"/>: rows streamed through the shared table cursor,
/// one <see cref="DmsActLine"/> per service row, totals rows skipped. A row that cannot be read is reported with its row,
/// column and reason (never the person) and left out; the amounts must add up (billed = accepted + refused), and a refusal
/// carries its category. A file with no usable table throws <see cref="DmsActException"/>.
/// </summary>
public static class DmsActReader
{
    public const int MaxRows = 50_000;

    private static readonly string[] Required = ["claim", "serviceCode", "billed", "accepted"];

    public static DmsActFile Read(Stream content, string fileName, DmsActLayout layout, string? zipPassword = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        try
        {
            using var file = DmsTableFile.Open(content, fileName, layout.Table, "acts", zipPassword);
            using var cursor = DmsTableCursor.Open(file.Rows(layout.Table, zipPassword), layout.Table, Required);
            var lines = new List<DmsActLine>();
            var errors = new List<DmsRowError>();
            var count = 0;
            foreach (var record in cursor.Records())
            {
                if (++count > MaxRows)
                {
                    throw new DmsActException($"an act may hold at most {MaxRows} rows.", record.Row);
                }

                var (line, error) = ReadRow(layout, record);
                if (line is not null)
                {
                    lines.Add(line);
                }
                else
                {
                    errors.Add(error!);
                }
            }

            var preamble = cursor.Preamble;
            var inn = Find(layout.ClinicInn, preamble) is { } innText && Inn.TryParse(innText, out var parsed) ? parsed : (Inn?)null;
            return new DmsActFile(file.Format, cursor.HeaderRow, Find(layout.Number, preamble), inn, lines, errors);
        }
        catch (DmsFileException exception)
        {
            throw new DmsActException(exception.Message, exception.Row, exception);
        }
        catch (DmsTableException exception)
        {
            throw new DmsActException(exception.Message, exception.Row, exception);
        }
    }

    private static string? Find(System.Text.RegularExpressions.Regex? pattern, IReadOnlyList<string> preamble)
    {
        if (pattern is null)
        {
            return null;
        }

        foreach (var text in preamble)
        {
            if (pattern.Match(text) is { Success: true } match && match.Groups["value"].Value.Trim() is { Length: > 0 and <= 50 } number)
            {
                return number;
            }
        }

        return null;
    }

    private static (DmsActLine? Line, DmsRowError? Error) ReadRow(DmsActLayout layout, DmsRecord record)
    {
        (DmsActLine?, DmsRowError?) Error(string field, string? value, DmsRosterReason reason) => (null, new DmsRowError(record.Row, Title(layout, field), value, reason));

        var claim = record["claim"]?.Trim();
        if (claim is null or { Length: 0 })
        {
            return Error("claim", null, DmsActReasons.Of(DmsActReasons.ClaimEmpty));
        }

        if (claim.Length > 50)
        {
            return Error("claim", null, DmsActReasons.Of(DmsActReasons.ClaimTooLong));
        }

        var codeText = record["serviceCode"];
        if (!NomenclatureCode.TryParse(codeText, out var code))
        {
            return Error("serviceCode", codeText, DmsActReasons.Of(DmsActReasons.ServiceCodeInvalid));
        }

        DateOnly? date = null;
        if (record["serviceDate"] is { } dateText)
        {
            date = DmsRosterReader.ParseDate(dateText, layout.Table.DateFormats);
            if (date is null)
            {
                return Error("serviceDate", dateText, DmsRosterReasons.NotADateIn(layout.Table.DateFormats));
            }
        }

        string? tooth = null;
        if (record["tooth"] is { } toothText)
        {
            if (!ToothNumber.TryParse(toothText, ToothSystem.Fdi, out var parsed))
            {
                return Error("tooth", toothText, DmsActReasons.Of(DmsActReasons.ToothInvalid));
            }

            tooth = parsed.Value;
        }

        var quantity = 1;
        if (record["quantity"] is { } quantityText
            && (!int.TryParse(quantityText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out quantity) || quantity is < 1 or > 999))
        {
            return Error("quantity", quantityText, DmsActReasons.Of(DmsActReasons.QuantityInvalid));
        }

        var amounts = new decimal?[3];
        var amountFields = new[] { "billed", "accepted", "refused" };
        for (var i = 0; i < amountFields.Length; i++)
        {
            if (record[amountFields[i]] is { } text)
            {
                amounts[i] = DmsGuaranteeLetterReader.ParseMoney(text);
                if (amounts[i] is null)
                {
                    return Error(amountFields[i], text, DmsActReasons.Of(DmsActReasons.AmountInvalid));
                }
            }
        }

        if (amounts[0] is not { } billed)
        {
            return Error("billed", null, DmsActReasons.Of(DmsActReasons.BilledEmpty));
        }

        // An insurer writes either sum and leaves the other empty, or both; they must add up to what was billed.
        var (accepted, refused) = (amounts[1], amounts[2]) switch
        {
            ({ } a, { } r) => (a, r),
            ({ } a, null) => (a, billed - a),
            (null, { } r) => (billed - r, r),
            _ => (-1m, -1m),
        };
        if (accepted < 0 || refused < 0)
        {
            return accepted == -1m && refused == -1m
                ? Error("accepted", null, DmsActReasons.Of(DmsActReasons.AmountsMissing))
                : Error("accepted", null, DmsActReasons.Of(DmsActReasons.AmountsExceedBilled));
        }

        if (accepted + refused != billed)
        {
            return Error("refused", null, DmsActReasons.DoNotAddUp(accepted, refused, billed));
        }

        var reasonCode = Limit(record["reasonCode"], 50);
        var reasonText = Limit(record["reasonText"], 500);
        if (refused > 0 && reasonCode is null && reasonText is null)
        {
            return Error("reasonText", null, DmsActReasons.Of(DmsActReasons.RefusalReasonMissing));
        }

        var category = refused > 0 ? layout.CategoryOf(reasonCode, reasonText) : (DmsRefusalCategory?)null;
        return (new DmsActLine(record.Row, Limit(record["registry"], 50), claim, Limit(record["line"], 50), record["policy"]?.Trim(), date, code, tooth,
            quantity, billed, accepted, refused, reasonCode, reasonText, category), null);
    }

    private static string? Limit(string? text, int length) =>
        text?.Trim() is not { Length: > 0 } trimmed ? null : trimmed.Length > length ? trimmed[..length] : trimmed;

    private static string Title(DmsActLayout layout, string field) =>
        layout.Table.Columns.TryGetValue(field, out var aliases) && aliases.Count > 0 ? aliases[0] : field;
}
