using System.Globalization;
using System.Text;
using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.X12.Eligibility;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Adapters.X12.Claims;

/// <summary>Where each claim of a batch sits in the interchange, so a 999 (ST02) or 277CA (CLM01) finds it again.</summary>
/// <param name="InterchangeControlNumber">ISA13, nine digits.</param>
/// <param name="GroupControlNumber">GS06.</param>
/// <param name="Claims">Per claim, in batch order.</param>
public sealed record Claim837Manifest(string InterchangeControlNumber, string GroupControlNumber, IReadOnlyList<Claim837Entry> Claims);

/// <summary>One claim's transaction set.</summary>
public sealed record Claim837Entry(Guid ClaimId, string TransactionControlNumber, string PatientControlNumber);

/// <summary>
/// Builds 005010X224A2 837D interchanges from canonical claims: one ISA/GS per batch (one payer), one ST..SE per claim
/// so each claim is acknowledged on its own. Delimiters, identifiers and the payer id come from the payer profile;
/// teeth are written in Universal numbering whatever the practice uses.
/// </summary>
public sealed class Claim837Builder(IControlNumberSource controlNumbers, TimeProvider timeProvider, Claim837Submitter? submitter = null)
{
    /// <summary>The implementation guide written in GS08 and ST03.</summary>
    public const string Guide = "005010X224A2";

    /// <summary>Writes the batch to <paramref name="output"/> (left open) and returns where each claim went.</summary>
    /// <exception cref="ArgumentException">The batch is empty or mixes payers.</exception>
    /// <exception cref="ClaimBuildException">A claim lacks something the guide requires (NPI, addresses, tax id…).</exception>
    public Claim837Manifest Write(IReadOnlyList<ClaimSubmission> batch, Stream output, X12WriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(output);
        if (batch.Count == 0)
        {
            throw new ArgumentException("An 837 batch needs at least one claim.", nameof(batch));
        }

        var payer = batch[0].Payer;
        if (batch.Any(s => s.Payer.Id != payer.Id))
        {
            throw new ArgumentException("All claims of one 837 interchange go to one payer.", nameof(batch));
        }

        var ids = payer.X12?.Identifiers ?? throw new ArgumentException($"Payer profile '{payer.Id}' has no X12 settings.", nameof(batch));
        foreach (var submission in batch)
        {
            Claim837Checks.Ensure(submission);
        }

        using var writer = new X12Writer(output, X12Delimiters.Default, (options ?? new X12WriterOptions()) with { LeaveOpen = true });
        var envelope = new X12EnvelopeWriter(writer, controlNumbers, timeProvider);
        var interchange = envelope.BeginInterchange(new X12InterchangeHeader(
            ids.SenderQualifier, ids.SenderId, ids.ReceiverQualifier, ids.ReceiverId,
            Production: ids.UsageIndicator == 'P', AcknowledgmentRequested: ids.RequestTa1));
        var group = envelope.BeginGroup("HC", ids.ApplicationSenderCode, ids.ApplicationReceiverCode, Guide);
        var entries = new List<Claim837Entry>(batch.Count);
        foreach (var submission in batch)
        {
            var st02 = envelope.BeginTransaction("837", Guide);
            new Claim837Transaction(envelope, writer.Delimiters, submission, ids, submitter ?? Claim837Submitter.Default, timeProvider.GetUtcNow())
                .Write(st02);
            envelope.EndTransaction();
            entries.Add(new Claim837Entry(submission.Claim.Id, st02, submission.Claim.PatientControlNumber));
        }

        envelope.EndGroup();
        envelope.EndInterchange();
        writer.Flush();
        return new Claim837Manifest(interchange.ToString("D9", CultureInfo.InvariantCulture), group.ToString(CultureInfo.InvariantCulture), entries);
    }

    /// <summary>The interchange as text, one segment per line (snapshots, the console's viewer).</summary>
    public string Build(IReadOnlyList<ClaimSubmission> batch)
    {
        using var buffer = new MemoryStream();
        Write(batch, buffer, new X12WriterOptions { LineBreakAfterSegment = true });
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
