using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DentalClaimsHub.PayerSimulator.Dms;

namespace DentalClaimsHub.Adapters.Tests.Simulator;

public sealed class SimulatorHostTests : SimulatorTestBase
{
    [Fact]
    public async Task Health_Get_Returns200()
    {
        using var response = await Http.GetAsync("/__health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.StartsWith("http://127.0.0.1:", Simulator.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Received_CountsEveryDeliveryPerPath()
    {
        for (var i = 1; i <= 3; i++)
        {
            using var upload = new MultipartFormDataContent();
            upload.Add(new ByteArrayContent(Encoding.UTF8.GetBytes($"реестр {i}")), "file", $"registry-{i}.csv");
            using var response = await Http.PostAsync(DmsModule.Path, upload);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        using var unknown = await Http.GetAsync("/nowhere");

        Assert.Equal(3, Simulator.Received(DmsModule.Path).Count);
        Assert.All(Simulator.Received(DmsModule.Path), request => Assert.Equal(202, request.StatusCode));
        Assert.Equal(404, Assert.Single(Simulator.Received("/nowhere")).StatusCode);
        Assert.Empty(Simulator.Received("/__health"));
    }

    [Fact]
    public async Task ResponseDelay_Set_RecordsTheRequestAndHoldsTheAnswerBack()
    {
        Simulator.Routes.ResponseDelay = TimeSpan.FromMinutes(5);
        using var cancel = new CancellationTokenSource();
        using var upload = new ByteArrayContent(Encoding.UTF8.GetBytes("policy;amount"));
        upload.Headers.Add("X-File-Name", "held.csv");

        var pending = Http.PostAsync(DmsModule.Path, upload, cancel.Token);
        for (var i = 0; i < 200 && Simulator.Received(DmsModule.Path).Count == 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.Single(Simulator.Received(DmsModule.Path));
        Assert.False(pending.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task DmsFiles_Upload_RecordsNameBytesAndHash()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // Windows code pages are not built in on Linux
        var content = Encoding.GetEncoding(1252).GetBytes("policy;amount\r\nP-1;100.50\r\n");
        using var upload = new MultipartFormDataContent();
        upload.Add(new ByteArrayContent(content), "file", "invoice-2026-03.csv");

        using var response = await Http.PostAsync(DmsModule.Path, upload);

        var receipt = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var file = Assert.Single(Simulator.Dms.Files);
        Assert.Equal("invoice-2026-03.csv", file.FileName);
        Assert.Equal(content, file.Content);
        Assert.Equal(file.Id, receipt["id"]!.GetValue<string>());
        var expectedHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        Assert.Equal(expectedHash, receipt["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task DmsFiles_RawBodyWithFileNameHeader_IsRecorded()
    {
        using var body = new ByteArrayContent([1, 2, 3]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, DmsModule.Path) { Content = body };
        request.Headers.Add("X-File-Name", "roster.xlsx");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(("roster.xlsx", 3), (Simulator.Dms.Files[0].FileName, Simulator.Dms.Files[0].Content.Length));
    }

    [Fact]
    public async Task Reset_ForgetsRequestsFilesAndScenarios()
    {
        using var body = new ByteArrayContent([1]);
        using var first = await Http.PostAsync(DmsModule.Path, body);
        Simulator.Use("x12.eligibility.inactive");

        Simulator.Reset();

        Assert.Empty(Simulator.Received(DmsModule.Path));
        Assert.Empty(Simulator.Dms.Files);
        Assert.Equal("x12.eligibility.active", Simulator.Scenarios.Select("x12.eligibility"));
    }
}
