using System.Net;
using System.Text.Json;

namespace DentalClaimsHub.Api.Tests.Infrastructure;

public static class ProblemAssert
{
    /// <summary>Asserts an RFC 9457 response with <paramref name="status"/> and returns its JSON.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        return json;
    }

    /// <summary>Asserts a 400 validation problem whose errors name exactly these JSON paths.</summary>
    public static async Task<JsonElement> HasFieldErrorsAsync(HttpResponseMessage response, params string[] paths)
    {
        var json = await IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(paths.Order(StringComparer.Ordinal).ToArray(), errors);
        return json;
    }
}
