using System.Net.Http.Headers;
using System.Text.Json;
using DentalClaimsHub.Api.Tests.Infrastructure;

namespace DentalClaimsHub.Api.Tests.Dms;

/// <summary>
/// The upload errors of both ДМС file endpoints (reconciliation acts and guarantee-letter answers), pinned in full: status,
/// type, title, detail and field errors, in the order the response carries them. The trace id is left out (it differs per request).
/// </summary>
public sealed class DmsUploadTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    private const string Insurer = "demo-dms-insurer";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string BadRequest = "type=https://tools.ietf.org/html/rfc9110#section-15.5.1|title=The request has invalid fields.|status=400";

    public static TheoryData<string> Kinds => new() { "acts", "guarantee-letters" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Import_NotMultipart_NamesTheFilePart(string kind)
    {
        var practice = await factory.CreatePracticeAsync("Клиника Загрузка " + kind);

        var response = await practice.Client.PostAsync(ImportPath(kind), new ByteArrayContent("a;b"u8.ToArray()));

        Assert.Equal($"{BadRequest}|instance={ImportPath(kind)}|errors.$.file=Send multipart/form-data with the {Noun(kind)} in a part named 'file'.",
            await RenderAsync(response));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Import_NoInsurerAndNoFile_NamesBoth(string kind)
    {
        var practice = await factory.CreatePracticeAsync("Клиника Пусто " + kind);
        var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };

        var response = await practice.Client.PostAsync(ImportPath(kind), form);

        Assert.Equal($"{BadRequest}|instance={ImportPath(kind)}|errors.$.file=Send the {Noun(kind)} in a part named 'file' (not empty)."
            + $"|errors.$.insurer=Name the ДМС insurer (its payer id) whose {Noun(kind)} this is.",
            await RenderAsync(response));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Import_InsurerWithoutLayoutAndEmptyFile_NamesBoth(string kind)
    {
        var practice = await factory.CreatePracticeAsync("Клиника Макет " + kind);

        var response = await practice.Client.PostAsync(ImportPath(kind), Form([], "demo-x12-dental"));

        var layout = kind == "acts"
            ? "The hub has no act layout for insurer 'demo-x12-dental' (payer profile dms.registryMapping → mappings/dms, acts)."
            : "The hub has no guarantee-letter answer layout for insurer 'demo-x12-dental' (payer profile dms.registryMapping → mappings/dms,"
                + " guaranteeLetters).";
        Assert.Equal($"{BadRequest}|instance={ImportPath(kind)}|errors.$.file=Send the {Noun(kind)} in a part named 'file' (not empty)."
            + $"|errors.$.insurer={layout}", await RenderAsync(response));
    }

    [Theory]
    [InlineData("acts", (10 << 20) + 1)]
    [InlineData("acts", 11 << 20)]
    [InlineData("guarantee-letters", (10 << 20) + 1)]
    [InlineData("guarantee-letters", 11 << 20)]
    public async Task Receive_FileOverTenMebibytes_Is413(string kind, int size)
    {
        var insurer = await factory.CreateInsurerClientAsync(Insurer);

        var response = await insurer.PostAsync(InboundPath(kind), Form(new byte[size], null));

        var (title, subject) = kind == "acts" ? ("Act file too large", "A reconciliation act") : ("Answer file too large", "A guarantee-letter answer");
        Assert.Equal($"type=https://tools.ietf.org/html/rfc9110#section-15.5.14|title={title}|status=413|detail={subject} may be at most 10 MiB."
            + $"|instance={InboundPath(kind)}", await RenderAsync(response));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Receive_UnreadableFile_Is422WithTheReadersReason(string kind)
    {
        var insurer = await factory.CreateInsurerClientAsync(Insurer);

        var response = await insurer.PostAsync(InboundPath(kind), Form("no table here"u8.ToArray(), null, "file.xlsx"));

        var rendered = await RenderAsync(response);
        var title = kind == "acts" ? "The act cannot be read" : "The answer file cannot be read";
        Assert.StartsWith($"type=https://tools.ietf.org/html/rfc4918#section-11.2|title={title}|status=422|detail=", rendered, StringComparison.Ordinal);
        Assert.EndsWith($"|instance={InboundPath(kind)}", rendered, StringComparison.Ordinal);
    }

    private static string ImportPath(string kind) => kind == "acts" ? "/v1/dms/acts/import" : "/v1/guarantee-letters/import";

    private static string InboundPath(string kind) => $"/inbound/{Insurer}/{kind}";

    private static string Noun(string kind) => kind == "acts" ? "act" : "answer";

    private static MultipartFormDataContent Form(byte[] content, string? insurer, string fileName = "upload.xlsx")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (insurer is not null)
        {
            form.Add(new StringContent(insurer), "insurer");
        }

        return form;
    }

    // Every member of the problem in the response's order, errors flattened; the trace id differs per request and is left out.
    private static async Task<string> RenderAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var parts = new List<string>();
        foreach (var member in json.RootElement.EnumerateObject().Where(m => m.Name != "traceId"))
        {
            if (member.Name == "errors")
            {
                parts.AddRange(member.Value.EnumerateObject()
                    .SelectMany(error => error.Value.EnumerateArray().Select(message => $"errors.{error.Name}={message.GetString()}")));
            }
            else
            {
                parts.Add($"{member.Name}={(member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : member.Value.GetRawText())}");
            }
        }

        Assert.Equal((int)response.StatusCode, json.RootElement.GetProperty("status").GetInt32());
        return string.Join('|', parts);
    }
}
