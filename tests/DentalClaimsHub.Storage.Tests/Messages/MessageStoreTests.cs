using System.Text;
using DentalClaimsHub.Storage.Messages;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Storage.Tests.Messages;

public sealed class MessageStoreTests(StorageDatabase database) : IClassFixture<StorageDatabase>
{
    [Fact]
    public async Task Save_RawX12WithEnvelope_ReadsBackSameBytesHashAndLinks()
    {
        var raw = Encoding.ASCII.GetBytes("ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261122*1200*^*00501*000000905*0*T*:~");
        var claimId = Guid.NewGuid();
        var message = StoredMessage.Create(MessageDirection.Inbound, "x12", "999", raw, "application/edi-x12", DateTimeOffset.UtcNow,
                "demo-x12-dental")
            .WithEnvelope("SENDER", "RECEIVER", "000000905", "905", ["0001"]);
        message.Link(claimId);
        message.MarkParsed(MessageParseStatus.Parsed, null);
        await using (var db = database.CreateContext())
        {
            db.Messages.Add(message);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var stored = await read.Messages.SingleAsync(m => m.Id == message.Id);
        Assert.Equal(raw, stored.Content);
        Assert.Equal(64, stored.Sha256.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(raw)), stored.Sha256);
        Assert.Equal("000000905", stored.InterchangeControlNumber);
        Assert.Equal(["0001"], stored.TransactionControlNumbers);
        Assert.Equal([claimId], stored.LinkedIds);
        Assert.Equal(MessageParseStatus.Parsed, stored.ParseStatus);
        var byLink = await read.Messages.Where(m => m.LinkedIds.Contains(claimId)).Select(m => m.Id).ToListAsync();
        Assert.Equal([message.Id], byLink);
    }
}
