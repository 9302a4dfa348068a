namespace DentalClaimsHub.Storage.Outbox;

/// <summary>Which MassTransit transport carries the outbox's messages.</summary>
public enum MessagingTransport
{
    /// <summary>One process: messages never leave it. PostgreSQL (outbox + sweepers) still holds every piece of work.</summary>
    InMemory,

    /// <summary>Several hub instances compete for work on a RabbitMQ broker.</summary>
    RabbitMq,
}

/// <summary>The <c>Messaging</c> configuration section (the outbox has its own <c>Messaging:Outbox</c>).</summary>
public sealed class MessagingOptions
{
    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    public RabbitMqOptions RabbitMq { get; set; } = new();
}

/// <summary><c>Messaging:RabbitMq</c>: where the broker is and how much each instance takes at once.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>
    /// <c>amqp://user:password@host:port/virtual-host</c> (<c>amqps://</c> for TLS). The password is better given on its
    /// own (<see cref="Password"/>, e.g. from the environment) than inside the address.
    /// </summary>
    public string Url { get; set; } = "amqp://127.0.0.1:5672/";

    /// <summary>Overrides the user name of <see cref="Url"/>.</summary>
    public string? Username { get; set; }

    /// <summary>Overrides the password of <see cref="Url"/>.</summary>
    public string? Password { get; set; }

    /// <summary>Messages the broker hands one instance before it has acknowledged earlier ones.</summary>
    public ushort PrefetchCount { get; set; } = 16;

    /// <summary>How long a publish waits for the broker before the outbox row is left for a later attempt.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The broker's address split into what MassTransit's host configuration takes; throws on a bad address.</summary>
    public RabbitMqEndpoint Resolve()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0)
        {
            throw new InvalidOperationException(
                "Messaging:RabbitMq:Url must be an address like amqp://user:password@host:5672/vhost (or amqps:// for TLS).");
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        var user = Username ?? (userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest");
        var password = Password ?? (userInfo.Length == 2 ? Uri.UnescapeDataString(userInfo[1]) : "guest");
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var tls = uri.Scheme == "amqps";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 5671 : 5672) : uri.Port;
        return new RabbitMqEndpoint(uri.Host, (ushort)port, path.Length == 0 ? "/" : path, user, password, tls);
    }
}

/// <summary>A resolved broker address. <see cref="ToString"/> leaves the password out, so it can be logged.</summary>
public sealed record RabbitMqEndpoint(string Host, ushort Port, string VirtualHost, string Username, string Password, bool Tls)
{
    public override string ToString() => $"{(Tls ? "amqps" : "amqp")}://{Username}@{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";
}
