using Npgsql;

namespace DentalClaimsHub.Storage.Tests;

public sealed class ConnectionDefaultsTests
{
    [Fact]
    public void WithHubDefaults_NothingSaid_PreparesRepeatedStatementsAndSkipsTheReset()
    {
        var built = new NpgsqlConnectionStringBuilder(StorageRegistration.WithHubDefaults("Host=db;Username=dch;Password=x;Database=hub"));

        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.Equal(3, built.AutoPrepareMinUsages);
        Assert.True(built.NoResetOnClose);
        Assert.Equal("hub", built.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;noresetonclose=false")]
    public void WithHubDefaults_ExplicitSettings_AreKept(string connectionString)
    {
        var built = new NpgsqlConnectionStringBuilder(StorageRegistration.WithHubDefaults(connectionString));

        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.False(built.NoResetOnClose);
    }
}
