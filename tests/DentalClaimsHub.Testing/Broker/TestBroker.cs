using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace DentalClaimsHub.Testing.Broker;

/// <summary>
/// A fresh RabbitMQ virtual host for one test class on the broker <c>./hub test</c> started (<c>DCH_RABBITMQ</c> for
/// AMQP, <c>DCH_RABBITMQ_MANAGEMENT</c> for its management API), deleted afterwards with every queue and exchange in it.
/// There is no fallback: a test that needs the broker fails when none is configured.
/// </summary>
public sealed class TestBroker : IAsyncDisposable
{
    private readonly HttpClient _management;

    private TestBroker(HttpClient management, string virtualHost, string url)
    {
        _management = management;
        VirtualHost = virtualHost;
        Url = url;
    }

    public string VirtualHost { get; }

    /// <summary>The AMQP address of the virtual host, with credentials (for <c>Messaging:RabbitMq:Url</c>).</summary>
    public string Url { get; }

    public static async Task<TestBroker> CreateAsync(string purpose)
    {
        var amqp = new Uri(Setting("DCH_RABBITMQ", "an AMQP address, e.g. amqp://dch:dch@127.0.0.1:5782/"));
        var management = new Uri(Setting("DCH_RABBITMQ_MANAGEMENT", "the management API, e.g. http://dch:dch@127.0.0.1:5784/"));
        var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority) + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        var user = Uri.UnescapeDataString(amqp.UserInfo.Split(':')[0]);
        var name = $"dch-t-{new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(16).ToArray())}-{Guid.NewGuid():N}";
        await SendAsync(http, HttpMethod.Put, $"api/vhosts/{Uri.EscapeDataString(name)}", "{}");
        await SendAsync(http, HttpMethod.Put, $"api/permissions/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(user)}",
            """{"configure":".*","write":".*","read":".*"}""");
        var url = new UriBuilder(amqp) { Path = "/" + Uri.EscapeDataString(name) }.Uri.AbsoluteUri;
        return new TestBroker(http, name, url);
    }

    /// <summary>The broker's description of every queue of this virtual host (the management API's JSON).</summary>
    public async Task<string> QueuesJsonAsync() =>
        await _management.GetStringAsync($"api/queues/{Uri.EscapeDataString(VirtualHost)}");

    /// <summary>How many consumers the broker counts on the queues of this virtual host whose name contains <paramref name="queue"/>.</summary>
    public async Task<int> ConsumersAsync(string queue)
    {
        var queues = JsonNode.Parse(await QueuesJsonAsync())!.AsArray();
        return queues.Where(q => q!["name"]!.GetValue<string>().Contains(queue, StringComparison.Ordinal))
            .Sum(q => q!["consumers"]?.GetValue<int>() ?? 0);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await SendAsync(_management, HttpMethod.Delete, $"api/vhosts/{Uri.EscapeDataString(VirtualHost)}", null);
        }
        finally
        {
            _management.Dispose();
        }
    }

    private static string Setting(string name, string what) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"No RabbitMQ broker for tests: run them through ./hub test, or set {name} to {what}.");

    private static async Task SendAsync(HttpClient http, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"RabbitMQ management {method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
