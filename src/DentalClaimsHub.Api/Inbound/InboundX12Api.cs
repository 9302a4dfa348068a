using System.Security.Claims;
using System.Text;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Claims.Delivery;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Messages;
using DentalClaimsHub.Storage.Tenancy;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Parsing;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Inbound;

/// <summary>What the hub did with an inbound file.</summary>
public sealed record InboundResult(Guid MessageId, bool Duplicate, string TransactionType, int ClaimsUpdated, IReadOnlyList<string> Notes);

/// <summary>
/// <c>POST /inbound/{payer}/x12</c> for insurer keys: the file is stored raw first (deduplicated by SHA-256 and by sender +
/// ISA13), then applied — a 999 acknowledges or rejects the claims of the 837 transaction sets it names (AK1 GS06, AK2
/// ST02), a 277CA accepts (A1/A2, with the payer's claim number REF*1K) or rejects (A3/A4/A6/A7/A8) each claim by CLM01.
/// What cannot be applied is kept and reported in the answer, never dropped. (First slice of issue 6.)
/// </summary>
public static class InboundX12Api
{
    private static readonly string[] RejectCategories = ["A3", "A4", "A6", "A7", "A8"];

    public static WebApplication MapInboundX12Api(this WebApplication app)
    {
        app.MapPost("/inbound/{payer}/x12", ReceiveAsync).RequireScope(Scopes.Inbound).WithTags("Inbound").WithName("ReceiveX12")
            .WithSummary("Takes an X12 file from an insurer (999, 277CA…): stored raw, deduplicated, applied to the claims it answers.")
            .Accepts<string>("application/edi-x12", "text/plain").Produces<InboundResult>().ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string payer, HttpRequest request, HubDbContext db, TenantContext tenant, X12Parser parser,
        ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(HubClaims.PayerId) != payer)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not this insurer's endpoint",
                detail: $"This key belongs to another insurer than '{payer}'.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        if (content.Length == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty file", detail: "Send the X12 file as the request body.");
        }

        tenant.UseSystem();
        var now = time.GetUtcNow();
        var document = parser.Parse(Encoding.UTF8.GetString(content));
        var isa = document.Interchanges.FirstOrDefault()?.Header;
        var sender = isa?[6].Trim();
        var icn = isa?[13].Trim();
        var type = document.Segments.FirstOrDefault(s => s.Id == "ST")?[1] ?? "unknown";
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var seen = await db.Messages.AsNoTracking()
            .Where(m => m.Direction == MessageDirection.Inbound && (m.Sha256 == sha || (icn != null && m.SenderId == sender && m.InterchangeControlNumber == icn)))
            .Select(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        if (seen != Guid.Empty)
        {
            return TypedResults.Ok(new InboundResult(seen, true, type, 0, ["Already received: not applied again."]));
        }

        var stored = StoredMessage.Create(MessageDirection.Inbound, "x12", type == "277" ? "277CA" : type, content, "application/edi-x12", now, payer)
            .WithEnvelope(sender, isa?[8].Trim(), icn, document.Segments.FirstOrDefault(s => s.Id == "GS")?[6],
                document.Segments.Where(s => s.Id == "ST").Select(s => s[2]));
        db.Messages.Add(stored);
        var notes = new List<string>();
        if (isa is null)
        {
            notes.Add("Not an X12 interchange; kept for review.");
            stored.MarkParsed(MessageParseStatus.Failed, null);
        }

        var updated = type switch
        {
            "999" => await ApplyAckAsync(db, payer, document.Segments, stored, notes, now, cancellationToken),
            "277" => await ApplyClaimAckAsync(db, payer, document.Segments, stored, notes, now, cancellationToken),
            _ => 0,
        };
        if (isa is not null)
        {
            stored.MarkParsed(notes.Count == 0 ? MessageParseStatus.Parsed : MessageParseStatus.PartiallyParsed,
                notes.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(notes));
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new InboundResult(stored.Id, false, stored.TransactionType, updated, notes));
    }

    // 999: AK1*HC*<our GS06>, AK2*837*<ST02> … IK3/IK4 … IK5*<A|E|R|M|W|X>.
    private static async Task<int> ApplyAckAsync(HubDbContext db, string payer, IReadOnlyList<X12Segment> segments, StoredMessage stored,
        List<string> notes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var group = segments.FirstOrDefault(s => s.Id == "AK1")?[2];
        var sent = group is null ? null : await db.Messages.AsNoTracking()
            .Where(m => m.Direction == MessageDirection.Outbound && m.PayerId == payer && m.TransactionType == "837" && m.GroupControlNumber == group)
            .OrderByDescending(m => m.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
        var delivery = sent is null ? null : await db.ClaimDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.MessageId == sent.Id, cancellationToken);
        if (sent is null || delivery is null)
        {
            notes.Add($"999 for group {group}: no 837 of ours with that group control number.");
            return 0;
        }

        var updated = 0;
        string? st02 = null;
        var problems = new List<string>();
        foreach (var segment in segments)
        {
            switch (segment.Id)
            {
                case "AK2":
                    (st02, problems) = (segment[2], []);
                    break;
                case "IK3" or "IK4":
                    problems.Add(segment.ToString().TrimEnd('~'));
                    break;
                case "IK5" when st02 is not null:
                    var index = sent.TransactionControlNumbers.IndexOf(st02);
                    var claimId = index >= 0 && index < delivery.ClaimIds.Count ? delivery.ClaimIds[index] : (Guid?)null;
                    var claim = claimId is null ? null : await db.Claims.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
                    if (claim is null || claim.State != ClaimState.Submitted)
                    {
                        notes.Add($"999 AK2 {st02}: no submitted claim of ours in that transaction set.");
                        break;
                    }

                    if (segment[1] is "A" or "E")
                    {
                        claim.Acknowledge(ClaimDeliveryService.Actor, now, stored.Id);
                    }
                    else
                    {
                        claim.Reject(ClaimDeliveryService.Actor, now,
                            $"999 rejected transaction set {st02} (IK5 {segment[1]}{(problems.Count > 0 ? ": " + string.Join("; ", problems) : "")})", stored.Id);
                    }

                    stored.Link(claim.Id);
                    updated++;
                    break;
            }
        }

        return updated;
    }

    // 277CA: per claim (HL PT) TRN*2*<CLM01>, STC*<category>:<status>…, REF*1K*<payer claim number>.
    private static async Task<int> ApplyClaimAckAsync(HubDbContext db, string payer, IReadOnlyList<X12Segment> segments, StoredMessage stored,
        List<string> notes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var updated = 0;
        var inPatient = false;
        string? pcn = null;
        string? status = null;
        string? payerClaimNumber = null;

        async Task FlushAsync()
        {
            if (pcn is null || status is null)
            {
                return;
            }

            var claim = await db.Claims.AsSplitQuery().SingleOrDefaultAsync(c => c.PayerId == payer && c.PatientControlNumber == pcn, cancellationToken);
            if (claim is null || claim.State is not (ClaimState.Submitted or ClaimState.Acknowledged))
            {
                notes.Add($"277CA for claim {pcn}: no submitted claim of ours with that number.");
                return;
            }

            var category = status.Split(':')[0];
            if (RejectCategories.Contains(category))
            {
                claim.Reject(ClaimDeliveryService.Actor, now, $"277CA {status}", stored.Id);
            }
            else
            {
                claim.Accept(ClaimDeliveryService.Actor, now, payerClaimNumber, stored.Id);
            }

            stored.Link(claim.Id);
            updated++;
        }

        foreach (var segment in segments)
        {
            switch (segment.Id)
            {
                case "HL":
                    await FlushAsync();
                    (inPatient, pcn, status, payerClaimNumber) = (segment[3] == "PT", null, null, null);
                    break;
                case "TRN" when inPatient && segment[1] == "2":
                    pcn = segment[2];
                    break;
                case "STC" when inPatient && status is null:
                    status = string.Join(':', segment.Components(1));
                    break;
                case "REF" when inPatient && segment[1] == "1K":
                    payerClaimNumber = segment[2];
                    break;
                case "SE":
                    await FlushAsync();
                    (inPatient, pcn, status) = (false, null, null);
                    break;
            }
        }

        return updated;
    }
}
