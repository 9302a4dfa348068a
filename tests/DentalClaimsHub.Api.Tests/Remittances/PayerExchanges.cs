using System.Net.Http.Json;
using System.Text;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Inbound;
using DentalClaimsHub.Api.Tests.Claims;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.PayerSimulator.X12;

namespace DentalClaimsHub.Api.Tests.Remittances;

/// <summary>What passes between the hub and the simulated X12 payer in tests: claims brought to Accepted, files pushed back, 835s.</summary>
internal sealed class PayerExchanges(ClaimDeliveryFactory factory, string payer)
{
    public async Task<HttpClient> InsurerAsync() => await factory.CreateInsurerClientAsync(payer);

    public async Task<InboundResult> PushAsync(HttpClient insurer, string x12)
    {
        var response = await insurer.PostAsync($"/inbound/{payer}/x12", new StringContent(x12, Encoding.UTF8, "application/edi-x12"));
        Assert.True(response.IsSuccessStatusCode,
            await response.Content.ReadAsStringAsync() + "\n" + string.Join("\n", factory.Logs.Events.Where(e => e.Contains("Exception", StringComparison.Ordinal)).TakeLast(2)));
        return (await response.Content.ReadFromJsonAsync<InboundResult>())!;
    }

    public async Task<string> RemitAsync(bool reverse, params string[] pcns)
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync(factory.Simulator.Url + PayerRemittances.Path, new { clm01 = pcns, reverse });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsStringAsync();
    }

    // Submits claims and brings them to Accepted by pushing the simulator's 999 and 277CA for their interchanges.
    public async Task<List<ClaimResponse>> AcceptedClaimsAsync(TestPractice practice, HttpClient insurer, params (string Pcn, string? Member)[] claims)
    {
        var submitted = new List<ClaimResponse>();
        foreach (var (pcn, member) in claims)
        {
            submitted.Add(await ClaimSubmissions.SubmitAsync(practice, pcn, payer, member));
        }

        foreach (var claim in submitted)
        {
            await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "submitted");
        }

        var acks = factory.Simulator.Acknowledgements.Pending;
        var interchanges = acks.Where(a => a.Kind == "277CA" && claims.Any(c => a.Payload.Contains($"TRN*2*{c.Pcn}~", StringComparison.Ordinal)))
            .Select(a => a.InterchangeControlNumber).ToHashSet();
        foreach (var ack in acks.Where(a => interchanges.Contains(a.InterchangeControlNumber)).OrderBy(a => a.Kind == "999" ? 0 : 1))
        {
            await PushAsync(insurer, ack.Payload);
        }

        var accepted = new List<ClaimResponse>();
        foreach (var claim in submitted)
        {
            accepted.Add(await ClaimSubmissions.WaitForAsync(practice.Client, claim.Id, "accepted"));
        }

        return accepted;
    }
}
