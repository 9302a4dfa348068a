namespace DentalClaimsHub.Load;

/// <summary>
/// A client-side load balancer for the multi-instance runs: each request goes to the next of the hub instances
/// (<c>--api http://…:5180,http://…:5181</c>), keeping its path and query.
/// </summary>
public sealed class RoundRobinHandler(IReadOnlyList<Uri> instances, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _next = -1;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (instances.Count > 1 && request.RequestUri is { } uri)
        {
            var target = instances[(int)((uint)Interlocked.Increment(ref _next) % (uint)instances.Count)];
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
