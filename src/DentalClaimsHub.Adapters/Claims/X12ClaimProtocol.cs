using System.Globalization;
using System.Text;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Adapters.Transports.CaqhCore;
using DentalClaimsHub.Adapters.X12.Claims;
using DentalClaimsHub.Adapters.X12.ControlNumbers;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Adapters.Claims;

/// <summary>
/// Claims to X12 payers: an 837D interchange per batch (fresh ISA13/GS06 from the database sequence, one ST per claim),
/// submitted over CAQH CORE batch connectivity or uploaded to the payer's SFTP drop, as the profile says. A resend
/// carries the stored bytes — same ISA13 — under the same CORE PayloadID or SFTP file name, which a payer discards or
/// overwrites.
/// </summary>
public sealed class X12ClaimProtocol(IControlNumberAllocator allocator, CaqhCoreTransport transport, TimeProvider time,
    Claim837Submitter? submitter = null, SftpUpload? sftp = null) : IClaimProtocol
{
    public const string PayloadType = "X12_837_Request_005010X224A2";

    public PayerProtocol Protocol => PayerProtocol.X12;

    public async Task<ClaimTransmission> BuildAsync(IReadOnlyList<ClaimSubmission> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            throw new ArgumentException("An 837 batch needs at least one claim.", nameof(batch));
        }

        var payer = batch[0].Payer;
        var numbers = new BatchControlNumbers(
            await allocator.NextAsync(payer.Id, "ISA", cancellationToken), await allocator.NextAsync(payer.Id, "GS", cancellationToken));
        using var buffer = new MemoryStream();
        var manifest = new Claim837Builder(numbers, time, submitter).Write(batch, buffer);
        var ids = payer.X12!.Identifiers;
        return new ClaimTransmission("837", "application/edi-x12", buffer.ToArray(), manifest.InterchangeControlNumber,
            manifest.GroupControlNumber, [.. manifest.Claims.Select(c => c.TransactionControlNumber)], ids.SenderId, ids.ReceiverId);
    }

    public async Task<ClaimReceipt> SendAsync(PayerProfile payer, ClaimTransmission content, string payloadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payer);
        ArgumentNullException.ThrowIfNull(content);
        if (payer.RouteFor(PayerCapability.Claims)?.Transport == PayerTransport.Sftp)
        {
            // The file name carries the interchange number and the payload id: a resend overwrites, never adds.
            var uploader = sftp ?? throw new InvalidOperationException("SFTP delivery is not configured in this host.");
            var path = await uploader.UploadAsync(payer, $"837D_{content.InterchangeControlNumber}_{payloadId}.x12", content.Content, cancellationToken);
            return new ClaimReceipt(path);
        }

        var answer = await transport.SendAsync(payer, PayloadType, Encoding.UTF8.GetString(content.Content), realTime: false, cancellationToken,
            payloadId);
        return new ClaimReceipt(answer.ErrorMessage is { Length: > 0 } message ? $"{answer.PayloadId}: {message}" : answer.PayloadId);
    }

    // ISA and GS numbers from the database sequence; ST numbers count 0001.. within the group.
    private sealed class BatchControlNumbers(long interchange, long group) : IControlNumberSource
    {
        private long _transaction;
        private bool _interchangeUsed;
        private bool _groupUsed;

        public long Next(string scope) => scope switch
        {
            "ISA" when !_interchangeUsed => Use(ref _interchangeUsed, interchange),
            "GS" when !_groupUsed => Use(ref _groupUsed, group),
            "ST" => ++_transaction,
            _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"An 837 batch has one interchange and one group; {scope} was asked again.")),
        };

        private static long Use(ref bool used, long number)
        {
            used = true;
            return number;
        }
    }
}
