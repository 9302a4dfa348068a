namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>
/// The user name and password the simulated CORE gateway accepts. By default any non-empty pair passes, so the demo
/// works with whatever the hub is configured with; tests call <see cref="Require"/> to exercise rejected logins.
/// </summary>
public sealed class CoreCredentials
{
    private volatile Tuple<string, string>? expected;

    /// <summary>Accept only <paramref name="username"/> / <paramref name="password"/> from now on.</summary>
    public void Require(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        expected = Tuple.Create(username, password);
    }

    /// <summary>Accept any non-empty pair again.</summary>
    public void AcceptAny() => expected = null;

    /// <summary>Whether the pair may log in.</summary>
    public bool Accepts(string? username, string? password)
    {
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            return false;
        }

        var required = expected;
        return required is null || (required.Item1 == username && required.Item2 == password);
    }
}
