using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Rosters;
using MiniExcelLibs;

namespace DentalClaimsHub.Load;

/// <summary>
/// Issue 7's roster benchmark: a generated COUNT-row roster as CSV (windows-1251, the Северная защита layout) and as XLSX
/// (the Демо-Мед layout). For each: the reader alone in this process (rows/s and the managed heap's high-water mark), then
/// the whole import through the hub — upload, encrypted store, read, binary COPY and the set-based apply — timed from the
/// upload to the import's completion. run.sh prints the hub's peak resident memory afterwards.
/// </summary>
public static class RosterScenario
{
    // Excel's 1,048,576 rows less the generated sheet's four heading rows.
    private const int ExcelMaxDataRows = 1_048_576 - 4;

    public static async Task<int> RunAsync(Uri api, IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var work = Directory.CreateTempSubdirectory("dch-roster-");
        try
        {
            var (catalog, errors) = DmsMappingCatalog.Load(Path.Combine(Directory.GetCurrentDirectory(), "mappings", "dms"));
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
            }

            var key = await HubSeed.CreatePracticeKeyAsync(services, cancellationToken);
            using var hub = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(30) };
            hub.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var csv = Path.Combine(work.FullName, "roster.csv");
            var xlsx = Path.Combine(work.FullName, "roster.xlsx");
            var generation = Stopwatch.StartNew();
            // A sheet holds at most 1,048,576 rows (the reader refuses a row numbered beyond), so a larger count is CSV only.
            var xlsxFits = count <= ExcelMaxDataRows;
            WriteCsv(csv, count);
            if (xlsxFits)
            {
                WriteXlsx(xlsx, count);
            }

            var sheet = xlsxFits
                ? string.Create(CultureInfo.InvariantCulture, $"XLSX {new FileInfo(xlsx).Length / 1048576.0:0.0} MB")
                : "no XLSX (more rows than a sheet holds)";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {count:N0} rows in {generation.Elapsed.TotalSeconds:0.0} s: CSV {new FileInfo(csv).Length / 1048576.0:0.0} MB, {sheet}"));

            var status = 0;
            // ROSTER_FORMATS=xlsx,csv changes the order (the first import also warms the hub up).
            var formats = (Environment.GetEnvironmentVariable("ROSTER_FORMATS") ?? "csv,xlsx").Split(',', StringSplitOptions.TrimEntries);
            var runs = formats.Where(f => xlsxFits || !f.Equals("xlsx", StringComparison.OrdinalIgnoreCase)).Select(f => f.ToUpperInvariant() switch
            {
                "CSV" => (csv, "dms-severnaya", "severnaya-zashchita"),
                "XLSX" => (xlsx, "demo-dms-insurer", "demo-med"),
                _ => throw new InvalidOperationException($"ROSTER_FORMATS: '{f}' is not csv or xlsx"),
            });
            foreach (var (file, insurer, mapping) in runs)
            {
                var format = Path.GetExtension(file)[1..].ToUpperInvariant();
                var (rows, seconds, heap) = ReadOnly(file, catalog.Find(mapping)!.Rosters!);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"RESULT {format} reader: {rows:N0} rows in {seconds:0.00} s = {rows / seconds:N0} rows/s; managed heap peak {heap / 1048576.0:0} MB"));
                var (view, total) = await ImportAsync(hub, file, insurer, cancellationToken);
                var counts = view["counts"]!;
                var ok = view["status"]!.GetValue<string>() == "completed" && counts["attached"]!.GetValue<int>() == count;
                status |= ok ? 0 : 1;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"RESULT {format} import through the hub: {count:N0} rows in {total:0.00} s = {count / total:N0} rows/s; {view["status"]}, attached {counts["attached"]}, problems {view["errorCount"]}"));
            }

            return status;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static (int Rows, double Seconds, long HeapPeak) ReadOnly(string file, DmsRosterLayout layout)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        long peak = 0;
        var rows = 0;
        using (var stream = File.OpenRead(file))
        using (var reader = DmsRosterReader.Open(stream, file, layout, fullListDate: new DateOnly(2026, 12, 1)))
        {
            foreach (var entry in reader.Entries())
            {
                if (entry.Error is not null)
                {
                    throw new InvalidOperationException($"generated row {entry.Row} was refused: {entry.Error.Reason}");
                }

                if (++rows % 50_000 == 0)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(false));
                }
            }
        }

        return (rows, clock.Elapsed.TotalSeconds, Math.Max(peak, GC.GetTotalMemory(false)));
    }

    private static async Task<(JsonNode View, double Seconds)> ImportAsync(HttpClient hub, string file, string insurer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var stream = File.OpenRead(file);
        using var form = new MultipartFormDataContent();
        var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", Path.GetFileName(file));
        form.Add(new StringContent(insurer), "insurer");
        using var posted = await hub.PostAsync(new Uri("/v1/roster-imports", UriKind.Relative), form, cancellationToken);
        var body = await posted.Content.ReadAsStringAsync(cancellationToken);
        if (!posted.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"HTTP {(int)posted.StatusCode}: {body}");
        }

        var id = JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
        var uploaded = clock.Elapsed.TotalSeconds;
        while (true)
        {
            await Task.Delay(200, cancellationToken);
            var view = JsonNode.Parse(await hub.GetStringAsync(new Uri($"/v1/roster-imports/{id}", UriKind.Relative), cancellationToken))!;
            if (view["status"]!.GetValue<string>() is "completed" or "failed")
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  upload and encrypted store took {uploaded:0.00} s"));
                return (view, clock.Elapsed.TotalSeconds);
            }
        }
    }

    private static void WriteCsv(string path, int count)
    {
        using var writer = new StreamWriter(path, false, Encoding.GetEncoding(1251));
        writer.Write("АО «СК Северная защита»\r\nСписок застрахованных на 01.12.2026\r\nДоговор страхования № СЗ-2026-BENCH\r\n\r\n");
        writer.Write("Полис;Фамилия;Имя;Отчество;Д.Р.;Пол;Программа;Ограничения;Начало обслуживания;Окончание обслуживания\r\n");
        for (var i = 0; i < count; i++)
        {
            var (last, first, middle) = Name(i);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"СЗ-{i:D8};{last};{first};{middle};{1 + (i % 28):D2}.{1 + (i % 12):D2}.{1950 + (i % 60)};{(i % 2 == 0 ? "м" : "ж")};СЗ-СТОМ;Франшиза {i % 50}%;01.01.2026;31.12.2026\r\n"));
        }
    }

    private static void WriteXlsx(string path, int count)
    {
        static IEnumerable<Dictionary<string, object?>> Rows(int count)
        {
            yield return Row("Страховая компания «Демо-Мед»");
            yield return Row("Исх. № ДМ-BENCH от 24.11.2026");
            yield return Row("Прикрепление 01.12.2026");
            yield return Row("№ полиса", "ФИО", "Дата рождения", "Программа", "Страхователь", "Окончание обслуживания");
            for (var i = 0; i < count; i++)
            {
                var (last, first, middle) = Name(i);
                yield return Row($"ДМ {i:D10}", $"{last} {first} {middle}", new DateTime(1950 + (i % 60), 1 + (i % 12), 1 + (i % 28)),
                    "СТ-1 Стоматология базовая", i % 100 == 0 ? "АО «Бенчмарк»" : null, "30.11.2027");
            }
        }

        static Dictionary<string, object?> Row(params object?[] cells)
        {
            var row = new Dictionary<string, object?>(6);
            for (var c = 0; c < 6; c++)
            {
                row[((char)('A' + c)).ToString()] = c < cells.Length ? cells[c] : null;
            }

            return row;
        }

        MiniExcel.SaveAs(path, Rows(count), printHeader: false);
    }

    private static readonly string[] Lasts = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров"];
    private static readonly string[] Firsts = ["Алексей", "Андрей", "Дмитрий", "Сергей", "Артём", "Иван", "Максим", "Егор", "Никита", "Михаил"];
    private static readonly string[] Middles = ["Александрович", "Сергеевич", "Викторович", "Олегович", "Игоревич", "Петрович"];

    private static (string Last, string First, string Middle) Name(int i) => (Lasts[i % Lasts.Length], Firsts[i / 10 % Firsts.Length], Middles[i / 100 % Middles.Length]);
}
