using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace DentalClaimsHub.PayerSimulator.Dms;

/// <summary>The simulated insurer's decision on one plan: the letter's number, validity and limit; services approved
/// unless listed in <see cref="Refused"/> (by 804н code).</summary>
public sealed record GuaranteeAnswer(string Number, DateOnly Date, DateOnly ValidFrom, DateOnly ValidTo, decimal Limit, IReadOnlySet<string>? Refused = null);

/// <summary>
/// Writes a simulated insurer's answer to a guarantee-letter request in that insurer's own answer layout:
/// <c>demo-med</c> — XLSX under a letterhead, one row per service with the approved amount (the letter's details on its
/// first row); <c>severnaya-zashchita</c> — CSV with ';' in windows-1251, one row per letter.
/// </summary>
public static class GuaranteeAnswerWriter
{
    public static readonly IReadOnlyList<string> Layouts = ["demo-med", "severnaya-zashchita"];

    static GuaranteeAnswerWriter() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The answer file (name and bytes), or null when <paramref name="layout"/> is not one the simulator writes.</summary>
    public static (string FileName, string ContentType, byte[] Content)? Write(string layout, GuaranteePlan plan, GuaranteeAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(answer);
        return layout switch
        {
            "demo-med" => ($"otvet-gp_{plan.Request}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DemoMed(plan, answer)),
            "severnaya-zashchita" => ($"otvet-gp_{plan.Request}.csv", "text/csv; charset=windows-1251", Severnaya(plan, answer)),
            _ => null,
        };
    }

    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.GetCultureInfo("ru-RU")).Replace('\u00A0', ' ');

    private static byte[] DemoMed(GuaranteePlan plan, GuaranteeAnswer answer)
    {
        string[] columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];
        Dictionary<string, object?> Row(params object?[] cells) =>
            columns.Select((column, i) => (column, value: i < cells.Length ? cells[i] : null)).ToDictionary(c => c.column, c => c.value);
        var refused = answer.Refused ?? new HashSet<string>();
        var approvedAll = plan.Services.All(s => !refused.Contains(s.Code));
        var sheet = new List<Dictionary<string, object?>>
        {
            Row("СК «Демо-Мед»"),
            Row($"Ответы на запросы гарантийных писем от {Date(answer.Date)}"),
            Row(),
            Row("№ запроса", "№ ГП", "Дата ГП", "Действует с", "Действует по", "Лимит, руб.", "Решение", "Код услуги", "Согласовано, руб.", "Комментарий"),
        };
        var first = true;
        foreach (var service in plan.Services)
        {
            var approved = !refused.Contains(service.Code);
            var status = approved ? (approvedAll ? "Гарантия оплаты" : "Согласовано") : "Отказ";
            sheet.Add(first
                ? Row(plan.Request, answer.Number, Date(answer.Date), Date(answer.ValidFrom), Date(answer.ValidTo), Money(answer.Limit), status,
                    service.Code, approved ? Money(service.Amount) : null, approved ? null : "не входит в программу")
                : Row(null, null, null, null, null, null, status, service.Code, approved ? Money(service.Amount) : null,
                    approved ? null : "не входит в программу"));
            first = false;
        }

        sheet.Add(Row("Итого"));
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, printHeader: false, sheetName: "Ответ");
        return buffer.ToArray();
    }

    // One row per letter: this insurer approves a whole plan or refuses it.
    private static byte[] Severnaya(GuaranteePlan plan, GuaranteeAnswer answer)
    {
        var refused = answer.Refused is { Count: > 0 } codes && plan.Services.Any(s => codes.Contains(s.Code));
        var text = new StringBuilder()
            .Append("АО «СК Северная защита»;;;;;;;\r\n")
            .Append("Ответы на заявки о выдаче гарантийных писем от ").Append(Date(answer.Date)).Append(";;;;;;;\r\n")
            .Append(";;;;;;;\r\n")
            .Append("Номер заявки;Номер ГП;Дата выдачи;Начало действия;Окончание действия;Лимит ответственности;Статус;Комментарий СК\r\n");
        text.Append(refused
            ? $"{plan.Request};;;;;;Отказ;услуга не входит в программу страхования\r\n"
            : $"{plan.Request};{answer.Number};{Date(answer.Date)};{Date(answer.ValidFrom)};{Date(answer.ValidTo)};{Money(answer.Limit)};Гарантия оплаты;\r\n");
        return Encoding.GetEncoding(1251).GetBytes(text.ToString());
    }
}
