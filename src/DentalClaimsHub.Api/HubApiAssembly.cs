namespace DentalClaimsHub.Api;

/// <summary>
/// Names the API host's assembly for <c>WebApplicationFactory</c>; <c>Program</c> cannot, because every
/// top-level-statement program in a test's references is called <c>Program</c>.
/// </summary>
public sealed class HubApiAssembly
{
    private HubApiAssembly()
    {
    }
}
