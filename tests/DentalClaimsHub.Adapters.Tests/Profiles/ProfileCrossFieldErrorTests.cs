using DentalClaimsHub.Adapters.Profiles;

namespace DentalClaimsHub.Adapters.Tests.Profiles;

public sealed class ProfileCrossFieldErrorTests : IDisposable
{
    private readonly ProfileDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private PayerProfileError SingleError(string fileName, string yaml, Dictionary<string, string>? variables = null) =>
        directory.LoadSingleError(fileName, yaml, variables);

    [Fact]
    public void Load_IdDifferentFromFileName_ReportsId()
    {
        var error = SingleError("p1.yaml", ProfileDirectory.ValidFhir("p2"));

        Assert.Equal(("id", 1, 5), (error.Field, error.Line, error.Column));
        Assert.Contains("must equal the file name 'p1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateIdAcrossYamlAndYml_ReportsTheSecondFile()
    {
        directory.Write("p1.yaml", ProfileDirectory.ValidFhir("p1"));
        var second = directory.Write("p1.yml", ProfileDirectory.ValidFhir("p1"));

        var result = PayerProfileCatalog.Load(directory.Path, new Dictionary<string, string>());

        var error = Assert.Single(result.Errors);
        Assert.Equal((second, "id"), (error.File, error.Field));
        Assert.Contains("duplicate payer id 'p1'", error.Message, StringComparison.Ordinal);
        Assert.Single(result.Profiles);
    }

    [Fact]
    public void Load_ProtocolWithoutItsSection_NamesTheMissingSection()
    {
        const string Yaml = """
            id: p1
            displayName: Test X12 payer
            country: US
            kind: x12
            capabilities:
              claims: { protocol: x12, transport: core-batch }
            """;

        var error = SingleError("p1.yaml", Yaml);

        Assert.Equal(("capabilities.claims", 6), (error.Field, error.Line));
        Assert.Contains("so 'x12' is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CoreTransportWithoutBatchUrl_IsReportedWithOtherErrors()
    {
        const string Yaml = """
            id: p1
            displayName: Test X12 payer
            country: usa
            kind: x12
            capabilities:
              claims: { protocol: x12, transport: core-batch }
            x12:
              identifiers:
                { senderQualifier: ZZ, senderId: A, receiverQualifier: ZZ, receiverId: B,
                  gs02: A, gs03: B, payerId: "1", usageIndicator: T }
            core:
              realtimeUrl: http://127.0.0.1:5090/x12/core/realtime
              senderId: A
              receiverId: B
              usernameSecret: USER_NAME
              passwordSecret: USER_PASSWORD
            """;
        directory.Write("p1.yaml", Yaml);

        var result = PayerProfileCatalog.Load(directory.Path, new Dictionary<string, string>());

        Assert.Equal(["country", "capabilities.claims"], result.Errors.Select(e => e.Field));
        Assert.Contains("'core.batchUrl' is required", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralBrokenFiles_ReportsEveryErrorInFileOrder()
    {
        directory.Write("a.yaml", ProfileDirectory.ValidFhir("a").Replace("kind: fhir", "kind: smoke-signals", StringComparison.Ordinal));
        directory.Write("b.yaml", ProfileDirectory.ValidFhir("b") + "\nextra: 1\n");
        directory.Write("c.yaml", ProfileDirectory.ValidFhir("c"));

        var result = PayerProfileCatalog.Load(directory.Path, new Dictionary<string, string>());

        Assert.Equal(["a.yaml:kind", "b.yaml:extra"], result.Errors.Select(e => $"{Path.GetFileName(e.File)}:{e.Field}"));
        Assert.Equal("c", Assert.Single(result.Profiles).Id);
        var exception = Assert.Throws<PayerProfileException>(
            () => PayerProfileCatalog.LoadOrThrow(directory.Path, new Dictionary<string, string>()));
        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains("a.yaml:4:7: kind: 'smoke-signals' is not one of: x12, fhir, dms.", exception.Message, StringComparison.Ordinal);
    }

    private const string BatchingX12 = """
        id: p1
        displayName: Test X12 payer
        country: US
        kind: x12
        capabilities:
          claims: { protocol: x12, transport: core-batch }
        x12:
          identifiers:
            { senderQualifier: ZZ, senderId: A, receiverQualifier: ZZ, receiverId: B,
              gs02: A, gs03: B, payerId: "1", usageIndicator: T }
          options:
            claimBatchInterval: 15m
            claimFilingIndicator: MC
        core:
          batchUrl: http://127.0.0.1:5090/x12/core/batch
          senderId: A
          receiverId: B
          usernameSecret: USER_NAME
          passwordSecret: USER_PASSWORD
        """;

    [Fact]
    public void Load_ClaimBatchingOptions_AreRead()
    {
        directory.Write("p1.yaml", BatchingX12);

        var result = PayerProfileCatalog.Load(directory.Path, new Dictionary<string, string>());

        Assert.Empty(result.Errors);
        var options = Assert.Single(result.Profiles).X12!.Options;
        Assert.Equal((TimeSpan.FromMinutes(15), "MC"), (options.ClaimBatchInterval, options.ClaimFilingIndicator));
    }

    [Theory]
    [InlineData("claimFilingIndicator: MC", "claimFilingIndicator: commercial", "x12.options.claimFilingIndicator")]
    [InlineData("claimBatchInterval: 15m", "claimBatchInterval: soon", "x12.options.claimBatchInterval")]
    public void Load_BadClaimOption_NamesTheField(string good, string bad, string field)
    {
        directory.Write("p1.yaml", BatchingX12.Replace(good, bad, StringComparison.Ordinal));

        var result = PayerProfileCatalog.Load(directory.Path, new Dictionary<string, string>());

        Assert.Equal(field, Assert.Single(result.Errors).Field);
    }

    private const string SftpX12 = """
        id: p1
        displayName: Test X12 payer
        country: US
        kind: x12
        capabilities:
          claims: { protocol: x12, transport: sftp }
        x12:
          identifiers:
            { senderQualifier: ZZ, senderId: A, receiverQualifier: ZZ, receiverId: B,
              gs02: A, gs03: B, payerId: "1", usageIndicator: T }
        sftp:
          host: ${SFTP_HOST:-sftp.payer.example}
          port: 2222
          remoteDirectory: /inbound/837
          hostKeySha256: SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU
          usernameSecret: PAYER_SFTP_USER
          privateKeySecret: PAYER_SFTP_KEY
        """;

    [Fact]
    public void Load_SftpTransport_ReadsTheSectionWithPlaceholders()
    {
        directory.Write("p1.yaml", SftpX12);

        var result = PayerProfileCatalog.Load(directory.Path, new Dictionary<string, string> { ["SFTP_HOST"] = "10.1.2.3" });

        Assert.Empty(result.Errors);
        var sftp = Assert.Single(result.Profiles).Sftp!;
        Assert.Equal(("10.1.2.3", 2222, "/inbound/837", "PAYER_SFTP_KEY"), (sftp.Host, sftp.Port, sftp.RemoteDirectory, sftp.PrivateKeySecret));
    }

    [Theory]
    [InlineData("  privateKeySecret: PAYER_SFTP_KEY\n", "", "sftp")]
    [InlineData("  remoteDirectory: /inbound/837", "  remoteDirectory: inbound", "sftp.remoteDirectory")]
    [InlineData("  hostKeySha256: SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", "  hostKeySha256: trust-me", "sftp.hostKeySha256")]
    public void Load_BadSftpSection_NamesTheField(string good, string bad, string field)
    {
        directory.Write("p1.yaml", (SftpX12 + "\n").Replace(good, bad, StringComparison.Ordinal));

        var result = PayerProfileCatalog.Load(directory.Path, new Dictionary<string, string>());

        Assert.Equal(field, Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Load_SftpTransportWithoutTheSection_SaysItIsRequired()
    {
        var yaml = SftpX12[..SftpX12.IndexOf("sftp:", StringComparison.Ordinal)];
        directory.Write("p1.yaml", yaml);

        var result = PayerProfileCatalog.Load(directory.Path, new Dictionary<string, string>());

        Assert.Contains("so 'sftp' is required", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }
}
