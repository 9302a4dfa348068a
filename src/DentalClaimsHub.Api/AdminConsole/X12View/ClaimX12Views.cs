using DentalClaimsHub.Api.AdminConsole.Claims;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.AdminConsole.X12View;

/// <summary>One adjudication or rejection code of the claim in words, e.g. <c>CO-45</c> with its CARC explained.</summary>
public sealed record ClaimCodeExplanation(string Code, string Explanation);

/// <summary>The claim page's X12 messages as views with the acknowledgements' targets marked, and the claim's 835 codes in words.</summary>
public sealed record ClaimX12(IReadOnlyDictionary<Guid, X12MessageView> Views, IReadOnlyList<ClaimCodeExplanation> Codes);

/// <summary>
/// Builds the viewer rows of every X12 message linked to a claim and marks on the 837s what the 999s and 277CAs pointed
/// at (each acknowledgement against the latest 837 sent before it); explains the CARC/RARC of the claim's 835 payments.
/// </summary>
public sealed class ClaimX12Views(IDbContextFactory<HubDbContext> contexts, X12ViewBuilder builder, X12Highlighter highlighter, X12CodeExplainer explain)
{
    public async Task<ClaimX12> LoadAsync(ClaimDetails details, CancellationToken ct)
    {
        var views = Build(details.Messages, details.Claim.PatientControlNumber);
        await using var db = contexts.CreateHubWideContext();
        var payments = await db.ClaimPayments.AsNoTracking().Where(p => p.ClaimId == details.Claim.Id).ToListAsync(ct);
        return new ClaimX12(views, Explain(payments));
    }

    /// <summary>Views of the X12 messages among <paramref name="messages"/> by message id, highlighted for the claim <paramref name="patientControlNumber"/>.</summary>
    public IReadOnlyDictionary<Guid, X12MessageView> Build(IReadOnlyList<ClaimMessage> messages, string patientControlNumber)
    {
        var parsed = new List<(ClaimMessage Message, X12ViewBuilder.Parsed Parsed)>();
        foreach (var message in messages.OrderBy(m => m.At))
        {
            if (X12ViewBuilder.LooksLikeX12(message.Text))
                parsed.Add((message, builder.Build(message.Text)));
        }

        for (var i = 0; i < parsed.Count; i++)
        {
            var (message, ack) = parsed[i];
            var sets = ack.Document?.Transactions.Select(t => t.TransactionSetId).ToHashSet() ?? [];
            if (!sets.Contains("999") && !sets.Contains("277"))
                continue;

            // The 837s sent before this acknowledgement, latest first.
            var claims = parsed.Take(i).Where(p => p.Message.Direction != message.Direction && p.Parsed.Document?.Transactions.Any(t => t.TransactionSetId == "837") == true)
                .Select(p => p.Parsed).Reverse().ToList();
            if (sets.Contains("999"))
                highlighter.Mark999(ack, claims);
            if (sets.Contains("277"))
                highlighter.Mark277(ack, claims, patientControlNumber);
        }

        return parsed.ToDictionary(p => p.Message.Id, p => p.Parsed.View);
    }

    /// <summary>Every distinct claim- and line-level adjustment (group-CARC) and remark code of <paramref name="payments"/>, in words.</summary>
    public IReadOnlyList<ClaimCodeExplanation> Explain(IEnumerable<ClaimPayment> payments)
    {
        var result = new List<ClaimCodeExplanation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var payment in payments)
        {
            foreach (var adjustment in payment.AllAdjustments)
            {
                var code = $"{adjustment.Group.ToX12Code()}-{adjustment.ReasonCode}";
                if (seen.Add(code))
                    result.Add(new ClaimCodeExplanation(code, explain.Carc(adjustment.ReasonCode)));
            }

            foreach (var remark in payment.RemarkCodes.Concat(payment.ServiceLines.SelectMany(l => l.RemarkCodes)))
            {
                if (seen.Add(remark))
                    result.Add(new ClaimCodeExplanation(remark, explain.Rarc(remark)));
            }
        }

        return result;
    }
}
