using DentalClaimsHub.Testing;
using YamlDotNet.RepresentationModel;

namespace DentalClaimsHub.Api.Tests.Health;

/// <summary>
/// docker-compose.yml describes the scaled-out topology (issue 9): PostgreSQL, RabbitMQ, the simulator and two hub
/// instances on the RabbitMQ transport, of which exactly one seeds the demo data. <c>./hub test</c> also runs
/// <c>docker-compose config -q</c> where docker-compose is installed; this pins what the file says.
/// </summary>
public sealed class ComposeTopologyTests
{
    private static readonly YamlMappingNode Services = Load();

    [Fact]
    public void Compose_DescribesTwoHubInstancesBesidePostgresRabbitMqAndTheSimulator()
    {
        var names = Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();

        Assert.Superset(new HashSet<string?> { "postgres", "rabbitmq", "simulator", "hub-1", "hub-2" }, names);
        Assert.Equal(2, names.Count(n => n!.StartsWith("hub-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Compose_HubInstancesShareTheBrokerAndDatabase_OnlyTheFirstSeeds()
    {
        var first = Environment("hub-1");
        var second = Environment("hub-2");

        Assert.All(new[] { first, second }, env =>
        {
            Assert.Equal("RabbitMq", env["Messaging__Transport"]);
            Assert.StartsWith("amqp://", env["Messaging__RabbitMq__Url"], StringComparison.Ordinal);
            Assert.Contains("Host=postgres", env["ConnectionStrings__Hub"], StringComparison.Ordinal);
        });
        Assert.Equal(first["ConnectionStrings__Hub"], second["ConnectionStrings__Hub"]);
        Assert.Equal(first["Messaging__RabbitMq__Url"], second["Messaging__RabbitMq__Url"]);
        Assert.Equal(["true", "false"], new[] { first["Hub__SeedDemo"], second["Hub__SeedDemo"] });
    }

    private static Dictionary<string, string> Environment(string service)
    {
        // docker-compose merges "<<: *anchor" keys; YamlDotNet's representation model keeps them as a merge key, so
        // merge by hand: the service's own keys win over the anchored ones.
        var node = (YamlMappingNode)Services.Children[new YamlScalarNode(service)];
        var environment = new Dictionary<string, string>();
        void Add(YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                if (name == "<<")
                {
                    continue;
                }

                environment[name] = ((YamlScalarNode)value).Value!;
            }
        }

        var own = (YamlMappingNode)Find(node, "environment")!;
        if (Find(own, "<<") is YamlMappingNode inherited)
        {
            Add(inherited);
        }

        Add(own);
        return environment;
    }

    private static YamlNode? Find(YamlMappingNode mapping, string key)
    {
        if (mapping.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return value;
        }

        return mapping.Children.TryGetValue(new YamlScalarNode("<<"), out var merged) && merged is YamlMappingNode parent ? Find(parent, key) : null;
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));
        stream.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("services")];
    }
}
