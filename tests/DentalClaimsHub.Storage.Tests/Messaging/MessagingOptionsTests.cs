using DentalClaimsHub.Storage.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace DentalClaimsHub.Storage.Tests.Messaging;

public sealed class MessagingOptionsTests
{
    [Fact]
    public void Resolve_FullAddress_SplitsHostPortVirtualHostAndCredentials()
    {
        var endpoint = new RabbitMqOptions { Url = "amqp://hub:s%40cret@broker.internal:5673/claims%2Fprod" }.Resolve();

        Assert.Equal(new RabbitMqEndpoint("broker.internal", 5673, "claims/prod", "hub", "s@cret", Tls: false), endpoint);
        Assert.Equal("amqp://hub@broker.internal:5673/claims%2Fprod", endpoint.ToString());
    }

    [Fact]
    public void Resolve_TlsWithoutPortOrVirtualHost_Defaults5671AndRoot_SeparatePasswordWins()
    {
        var endpoint = new RabbitMqOptions { Url = "amqps://hub:from-url@broker.internal", Password = "from-environment" }.Resolve();

        Assert.Equal(new RabbitMqEndpoint("broker.internal", 5671, "/", "hub", "from-environment", Tls: true), endpoint);
        Assert.DoesNotContain("from-environment", endpoint.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://broker:5672/")]
    [InlineData("broker:5672")]
    [InlineData("")]
    public void Resolve_NotAnAmqpAddress_Throws(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RabbitMqOptions { Url = url }.Resolve());
        Assert.Contains("Messaging:RabbitMq:Url", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kafka", "Messaging:Transport must be InMemory or RabbitMq, not 'Kafka'.")]
    [InlineData("7", "Messaging:Transport must be InMemory or RabbitMq, not '7'.")]
    public void AddHubMessaging_UnknownTransport_FailsAtStartWithTheSetting(string transport, string message)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Messaging:Transport"] = transport });

        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => builder.AddHubMessaging()).Message);
    }

    [Fact]
    public void AddHubMessaging_RabbitMqWithBadAddress_FailsAtStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "rabbitmq",
            ["Messaging:RabbitMq:Url"] = "broker.internal",
        });

        Assert.Throws<InvalidOperationException>(() => builder.AddHubMessaging());
    }
}
