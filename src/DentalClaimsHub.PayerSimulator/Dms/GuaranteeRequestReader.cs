using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using MiniExcelLibs;

namespace DentalClaimsHub.PayerSimulator.Dms;

/// <summary>One planned service as the simulated insurer read it from a guarantee-letter request.</summary>
public sealed record PlannedService(int Row, string Code, string? Tooth, decimal Amount);

/// <summary>A treatment plan the simulated insurer received: the clinic's request reference (what its answer must echo)
/// and the services asked for.</summary>
public sealed record GuaranteePlan(string Request, string FileName, IReadOnlyList<PlannedService> Services)
{
    public decimal Total => Services.Sum(s => s.Amount);
}

/// <summary>
/// How the simulated insurers read the clinic's guarantee-letter requests: like an insurer's clerk, by column titles, not
/// with the hub's code. Every layout the hub can send is known here by the titles of four columns: XLSX (демо-мед, ФИО
/// joined; волга-гарант, split), XML (балтика-жизнь, one element per service), CSV in windows-1251 or UTF-8
/// (северная защита and the hub's default request).
/// </summary>
public static class GuaranteeRequestReader
{
    private sealed record Titles(string Request, string Code, string Tooth, string Amount, string? FirstLine = null);

    private static readonly Titles[] Known =
    [
        new("№ запроса", "Код услуги", "№ зуба", "Сумма"),
        new("Номер заявки", "Код", "Зуб", "Сумма"),
        new("NomerZaprosa", "KodUslugi", "Zub", "Summa"),
        new("Номер запроса", "Код услуги 804н", "Зуб (FDI)", "Сумма, руб."),
        // The hub's default CSV request: our claim number under "Номер счёта" (its registry has the same table under "Реестр …").
        new("Номер счёта", "Код услуги", "Зуб", "Сумма", "Запрос гарантийного письма"),
    ];

    private const int MaxBytes = 20 * 1024 * 1024;

    static GuaranteeRequestReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The plans in a received file, one per request reference, in file order; empty when the file is not a
    /// guarantee-letter request (a registry, a roster reply, something unreadable).</summary>
    public static IReadOnlyList<GuaranteePlan> Read(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length is 0 or > MaxBytes)
        {
            return [];
        }

        try
        {
            var rows = content is [(byte)'P', (byte)'K', ..] ? XlsxRows(content)
                : LooksLikeXml(content) ? XmlRows(content)
                : CsvRows(content);
            return rows is null ? [] : Plans(fileName, rows);
        }
        catch (Exception exception) when (exception is XmlException or InvalidDataException or InvalidOperationException or FormatException)
        {
            return [];
        }
    }

    private static List<GuaranteePlan> Plans(string fileName, List<List<string>> rows)
    {
        for (var header = 0; header < Math.Min(rows.Count, 30); header++)
        {
            var titles = rows[header].Select(cell => cell.Trim()).ToList();
            if (Known.FirstOrDefault(k => titles.Contains(k.Request) && titles.Contains(k.Code) && titles.Contains(k.Amount)) is not { } known)
            {
                continue;
            }

            if (known.FirstLine is not null && (rows[0].Count == 0 || rows[0][0].Trim() != known.FirstLine))
            {
                return [];
            }

            int Column(string title) => titles.IndexOf(title);
            var (request, code, tooth, amount) = (Column(known.Request), Column(known.Code), Column(known.Tooth), Column(known.Amount));
            var plans = new List<(string Request, List<PlannedService> Services)>();
            for (var i = header + 1; i < rows.Count; i++)
            {
                var row = rows[i];
                string Cell(int column) => column >= 0 && column < row.Count ? row[column].Trim() : "";
                if (Cell(0).StartsWith("Итого", StringComparison.OrdinalIgnoreCase) || Cell(request).Length == 0)
                {
                    continue;
                }

                var service = new PlannedService(i + 1, Cell(code), Cell(tooth) is { Length: > 0 } t ? t : null, Money(Cell(amount)));
                var plan = plans.FirstOrDefault(p => p.Request == Cell(request));
                if (plan.Services is null)
                {
                    plans.Add(plan = (Cell(request), []));
                }

                plan.Services.Add(service);
            }

            return [.. plans.Select(p => new GuaranteePlan(p.Request, fileName, p.Services))];
        }

        return [];
    }

    private static decimal Money(string text) =>
        decimal.TryParse(text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace(',', '.'),
            NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) ? amount : 0m;

    private static List<List<string>> XlsxRows(byte[] content) =>
        [.. MiniExcel.Query(new MemoryStream(content), useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.Select(cell => cell switch
            {
                null => "",
                double number => number.ToString("0.##", CultureInfo.InvariantCulture),
                DateTime date => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
            }).ToList())];

    private static bool LooksLikeXml(byte[] content)
    {
        var start = content is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        while (start < content.Length && content[start] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')
        {
            start++;
        }

        return start < content.Length && content[start] == (byte)'<';
    }

    // An XML request: the elements that carry a known request-reference child are the rows; the first one's children are the header.
    private static List<List<string>>? XmlRows(byte[] content)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxBytes };
        using var reader = XmlReader.Create(new MemoryStream(content), settings);
        var document = XDocument.Load(reader);
        var requestNames = Known.Select(k => k.Request).ToHashSet(StringComparer.Ordinal);
        var records = document.Descendants().Where(e => e.Elements().Any(child => requestNames.Contains(child.Name.LocalName))).ToList();
        if (records.Count == 0)
        {
            return null;
        }

        var names = records.SelectMany(r => r.Elements().Select(e => e.Name.LocalName)).Distinct(StringComparer.Ordinal).ToList();
        var rows = new List<List<string>> { names };
        rows.AddRange(records.Select(r => names.Select(name => r.Element(r.Name.Namespace + name)?.Value ?? "").ToList()));
        return rows;
    }

    private static List<List<string>> CsvRows(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.GetEncoding(1251).GetString(content);
        }

        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ';')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
