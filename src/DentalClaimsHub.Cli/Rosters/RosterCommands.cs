using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace DentalClaimsHub.Cli.Rosters;

/// <summary>
/// <c>dch roster import FILE --insurer ID</c>: uploads an insurer's roster to the hub (<c>POST /v1/roster-imports</c>
/// with the clinic's API key), then follows the import with a progress bar until it is applied or refused, and prints
/// the counts and the line-numbered report. Exit 0 applied, 1 refused or applied with problems, 2 not delivered.
/// </summary>
public static class RosterCommands
{
    /// <summary>The handler requests go through; tests point it at an in-memory hub.</summary>
    public static HttpMessageHandler? Handler { get; set; }

    public static Command Create()
    {
        var roster = new Command("roster", "ДМС insured rosters.");
        var file = new Argument<FileInfo>("FILE") { Description = "The roster as the insurer sent it (XLSX, XLS, CSV, XML or a ZIP of one)." };
        var insurer = new Option<string>("--insurer") { Description = "The insurer's payer id (e.g. demo-dms-insurer).", Required = true };
        var hub = new Option<string>("--hub")
        {
            Description = "The hub's address (default $DCH_HUB_URL, else http://127.0.0.1:5080).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DCH_HUB_URL") ?? "http://127.0.0.1:5080",
        };
        var key = new Option<string?>("--key") { Description = "The clinic's API key (default $DCH_API_KEY)." };
        var password = new Option<string?>("--password") { Description = "Password of a protected ZIP (sent separately by the insurer)." };
        var partial = new Option<bool>("--partial") { Description = "Apply the good rows of an attach or detach list even when other rows have errors." };
        var import = new Command("import", "Import a roster file and follow it to the end.") { file, insurer, hub, key, password, partial };
        import.SetAction((result, cancellationToken) => ImportAsync(result.GetValue(file)!, result.GetValue(insurer)!, result.GetValue(hub)!,
            result.GetValue(key) ?? Environment.GetEnvironmentVariable("DCH_API_KEY"), result.GetValue(password), result.GetValue(partial),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        roster.Add(import);
        return roster;
    }

    private static async Task<int> ImportAsync(FileInfo file, string insurer, string hubText, string? key, string? password, bool partial,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(hubText, UriKind.Absolute, out var hub) || hub.Scheme is not ("http" or "https"))
        {
            await error.WriteLineAsync($"error: --hub must be an http(s) address such as http://127.0.0.1:5080, got '{hubText}'.");
            return DchCli.Unreadable;
        }

        if (!file.Exists)
        {
            await error.WriteLineAsync($"error: file not found: {file.FullName}");
            return DchCli.Unreadable;
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            await error.WriteLineAsync("error: give the clinic's API key with --key or DCH_API_KEY.");
            return DchCli.Unreadable;
        }

        using var client = Handler is null ? new HttpClient() : new HttpClient(Handler, disposeHandler: false);
        client.BaseAddress = hub;
        client.Timeout = TimeSpan.FromMinutes(30);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        JsonElement view;
        try
        {
            view = await console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                    new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var upload = progress.AddTask("upload", maxValue: Math.Max(1, file.Length));
                    var apply = progress.AddTask("import", maxValue: 100);
                    var posted = await UploadAsync(client, file, insurer, password, partial, upload, cancellationToken);
                    upload.Value = upload.MaxValue;
                    var id = posted.GetProperty("id").GetGuid();
                    var current = posted;
                    while (current.GetProperty("status").GetString() is "queued" or "running")
                    {
                        apply.Value = current.GetProperty("progress").GetProperty("percent").GetInt32();
                        apply.Description = $"import ({current.GetProperty("progress").GetProperty("rowsRead").GetInt32():N0} rows)";
                        await Task.Delay(250, cancellationToken);
                        current = await GetAsync(client, $"/v1/roster-imports/{id}", cancellationToken);
                    }

                    apply.Value = 100;
                    return current;
                });
        }
        catch (HubException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return DchCli.Unreadable;
        }
        catch (HttpRequestException exception)
        {
            await error.WriteLineAsync($"error: the hub at {hub} cannot be reached: {exception.Message}");
            return DchCli.Unreadable;
        }

        return Report(console, view);
    }

    private static int Report(IAnsiConsole console, JsonElement view)
    {
        var status = view.GetProperty("status").GetString();
        var counts = view.GetProperty("counts");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import {Text(view, "id")}: {status}, {Text(view, "kind")} list, {view.GetProperty("progress").GetProperty("rowsRead").GetInt32()} rows"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"attached {Count(counts, "attached")}, detached {Count(counts, "detached")}, changed {Count(counts, "changed")}, unchanged {Count(counts, "unchanged")}, duplicates {Count(counts, "duplicates")}, problems {view.GetProperty("errorCount").GetInt32()}"));
        if (view.GetProperty("duplicate").GetBoolean())
        {
            console.WriteLine("This file was imported before; nothing was applied again.");
        }

        if (status == "failed")
        {
            console.WriteLine($"Refused: {Text(view, "failure")}");
        }

        var problems = view.GetProperty("errors").EnumerateArray().ToList();
        foreach (var problem in problems.Take(50))
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"row {problem.GetProperty("row").GetInt32()}, {Text(problem, "column")}: {Text(problem, "reason")}"));
        }

        if (problems.Count > 50)
        {
            console.WriteLine($"… and {problems.Count - 50} more in GET /v1/roster-imports/{Text(view, "id")}");
        }

        return status == "completed" && view.GetProperty("errorCount").GetInt32() == 0 ? DchCli.Valid : DchCli.Invalid;
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, FileInfo file, string insurer, string? password, bool partial, ProgressTask upload,
        CancellationToken cancellationToken)
    {
        await using var stream = file.OpenRead();
        using var form = new MultipartFormDataContent();
        var content = new StreamContent(new CountingStream(stream, read => upload.Increment(read)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", file.Name);
        form.Add(new StringContent(insurer), "insurer");
        form.Add(new StringContent("cli"), "source");
        form.Add(new StringContent(partial ? "true" : "false"), "partial");
        if (password is not null)
        {
            form.Add(new StringContent(password), "password");
        }

        using var response = await client.PostAsync(new Uri("/v1/roster-imports", UriKind.Relative), form, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            var detail = problem;
            try
            {
                using var json = JsonDocument.Parse(problem);
                detail = json.RootElement.TryGetProperty("errors", out var errors) ? $"{Text(json.RootElement, "title")} {errors}"
                    : json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? problem : problem;
            }
            catch (JsonException)
            {
                // Not Problem Details: show the body as it is.
            }

            throw new HubException($"the hub answered {(int)response.StatusCode}: {detail}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).Clone();
    }

    private static string Count(JsonElement counts, string name) => counts.GetProperty(name).GetInt32().ToString(CultureInfo.InvariantCulture);

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : "-";

    private sealed class HubException(string message) : Exception(message);

    private sealed class CountingStream(Stream inner, Action<int> onRead) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            onRead(read);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            onRead(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
