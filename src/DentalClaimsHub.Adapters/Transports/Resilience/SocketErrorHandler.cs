using System.Net.Sockets;

namespace DentalClaimsHub.Adapters.Transports.Resilience;

/// <summary>
/// Innermost handler of the payer client: SocketsHttpHandler lets a bare <see cref="SocketException"/> out when a payer
/// resets a connection the moment it is opened (reading the new socket's remote end point fails: "Transport endpoint is
/// not connected"); every other transport failure is an <see cref="HttpRequestException"/>. Made one, it is retried,
/// counted by the breaker and reported as <c>payer_unavailable</c> like the rest, not as a hub error.
/// </summary>
public sealed class SocketErrorHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (SocketException e)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError,
                $"{e.Message} ({request.RequestUri?.Host}:{request.RequestUri?.Port})", e);
        }
    }
}
