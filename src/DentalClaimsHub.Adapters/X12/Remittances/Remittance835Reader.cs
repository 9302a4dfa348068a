using System.Globalization;
using DentalClaimsHub.Adapters.X12.Eligibility;
using DentalClaimsHub.Adapters.X12.Messages;
using DentalClaimsHub.Domain;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.Adapters.X12.Remittances;

/// <summary>
/// Reads 005010X221A1 835 files into canonical <see cref="Remittance"/>s: BPR/TRN payment, payer (1000A) and payee
/// (1000B, NPI), claim payments (2100 CLP with claim-level CAS and MOA remarks), service lines (2110 SVC with DTM*472, CAS,
/// REF*6R, AMT*B6 and LQ*HE remarks) and PLB provider adjustments. Never throws for bad input: what cannot be read is a
/// problem naming its segment position, and the transaction set carrying it must not be posted as it is.
/// </summary>
public sealed class Remittance835Reader(X12Parser parser)
{
    private const string Currency = "USD";

    /// <summary>Reads every 835 transaction set of <paramref name="document"/> (already parsed) for <paramref name="payerId"/>.</summary>
    public Remittance835Report Read(X12Document document, string payerId, DateTimeOffset now, Guid? rawMessageId = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var fileProblems = document.Issues.Where(i => i.Severity == X12IssueSeverity.Error)
            .Select(i => i.ToString()).ToList();
        var transactions = new List<Remittance835Transaction>();
        foreach (var transaction in document.Transactions.Where(t => t.TransactionSetId == "835"))
        {
            transactions.Add(ReadTransaction(transaction, payerId, now, rawMessageId));
        }

        if (transactions.Count == 0)
        {
            fileProblems.Insert(0, "No 835 transaction set was found.");
        }

        return new Remittance835Report(transactions, fileProblems) { Envelope = X12EnvelopeIds.Of(document) };
    }

    /// <summary>Parses and reads <paramref name="input"/>.</summary>
    public Remittance835Report Read(Stream input, string payerId, DateTimeOffset now, Guid? rawMessageId = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return Read(parser.Parse(input), payerId, now, rawMessageId);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException)
        {
            return Remittance835Report.Fail($"The 835 could not be read: {e.Message}");
        }
    }

    private static Remittance835Transaction ReadTransaction(X12Transaction transaction, string payerId, DateTimeOffset now, Guid? rawMessageId)
    {
        var problems = new List<RemittanceProblem>();
        var root = transaction.Root;
        var at = (X12Segment s, string detail) => RemittanceProblems.At(transaction.ControlNumber, transaction.PositionOf(s), s.Id, detail);
        if (transaction.Trailer is null)
        {
            problems.Add(RemittanceProblems.TruncatedSet(transaction.ControlNumber));
        }

        var segments = transaction.Segments.Select(p => p.Segment).ToList();
        PaymentInfo payment;
        var bpr = segments.FirstOrDefault(s => s.Id == "BPR");
        var trn = segments.FirstOrDefault(s => s.Id == "TRN");
        try
        {
            payment = new PaymentInfo(
                bpr is null ? throw new DomainException("BPR is missing.", "BPR") : RemittanceCodeConversions.PaymentMethodFromX12(bpr[4]),
                Money.Usd(Amount(bpr[2], "BPR02")),
                X12Dates.TryDate(bpr[16], out var effective) ? effective : null,
                trn?[2] is { Length: > 0 } trace ? trace : throw new DomainException("TRN02 (trace number) is missing.", "TRN"));
        }
        catch (DomainException e)
        {
            problems.Add(RemittanceProblems.Header(transaction.ControlNumber, e.Message));
            payment = new PaymentInfo(PaymentMethod.NonPayment, Money.Zero(Currency), null, trn?[2] is { Length: > 0 } t ? t : "ST" + transaction.ControlNumber);
        }

        string? payerName = null;
        string? payeeId = null;
        foreach (var loop in root.Loops("1000A").Take(1))
        {
            payerName = loop.Segment("N1")?[2];
        }

        foreach (var loop in root.Loops("1000B").Take(1))
        {
            var n1 = loop.Segment("N1");
            payeeId = n1 is not null && n1[3] == "XX" ? n1[4] : loop.Segment("REF", 1, "PQ")?[2] ?? loop.Segment("REF", 1, "TJ")?[2];
        }

        var production = segments.FirstOrDefault(s => s.Id == "DTM" && s[1] == "405");
        var payments = new List<ClaimPayment>();
        foreach (var clp in root.Loops("2100"))
        {
            try
            {
                payments.Add(ReadClaim(clp));
            }
            catch (Exception e) when (e is DomainException or FormatException)
            {
                problems.Add(clp.Segment("CLP") is { } s ? at(s, e.Message) : RemittanceProblems.Read($"CLP: {e.Message}"));
            }
        }

        var adjustments = new List<ProviderAdjustment>();
        foreach (var plb in segments.Where(s => s.Id == "PLB"))
        {
            try
            {
                for (var i = 3; i + 1 <= plb.ElementCount; i += 2)
                {
                    if (plb[i].Length == 0)
                    {
                        continue;
                    }

                    adjustments.Add(new ProviderAdjustment(plb[i, 1], Money.Usd(Amount(plb[i + 1], $"PLB{i + 1:00}")), plb[i, 2] is { Length: > 0 } r ? r : null));
                }
            }
            catch (Exception e) when (e is DomainException or FormatException)
            {
                problems.Add(at(plb, e.Message));
            }
        }

        var remittance = Remittance.Create(payerId, payment, payments, now, adjustments, payerName: payerName, rawMessageId: rawMessageId,
            payeeId: payeeId, productionDate: production is not null && X12Dates.TryDate(production[2], out var produced) ? produced : null,
            sourceReference: "ST " + transaction.ControlNumber);
        return new Remittance835Transaction(remittance, transaction.ControlNumber, problems);
    }

    private static ClaimPayment ReadClaim(X12Loop loop)
    {
        var clp = loop.Segment("CLP") ?? throw new DomainException("Loop 2100 without CLP.", "CLP");
        var lines = new List<ServiceLinePayment>();
        foreach (var svc in loop.Loops("2110"))
        {
            lines.Add(ReadLine(svc));
        }

        var remarks = new List<string>();
        if (loop.Segment("MOA") is { } moa)
        {
            for (var i = 3; i <= 7; i++)
            {
                if (moa[i].Length > 0)
                {
                    remarks.Add(moa[i]);
                }
            }
        }

        return new ClaimPayment
        {
            PatientControlNumber = clp[1].Length > 0 ? clp[1] : throw new DomainException("CLP01 (patient control number) is empty.", "CLP01"),
            Status = RemittanceCodeConversions.ClaimPaymentStatusFromX12(clp[2]),
            Charge = Money.Usd(Amount(clp[3], "CLP03")),
            Paid = Money.Usd(Amount(clp[4], "CLP04")),
            PatientResponsibility = clp[5].Length > 0 ? Money.Usd(Amount(clp[5], "CLP05")) : null,
            PayerClaimNumber = clp[7].Length > 0 ? clp[7] : null,
            Adjustments = Adjustments(loop.Segments("CAS")),
            ServiceLines = lines,
            RemarkCodes = remarks,
        };
    }

    private static ServiceLinePayment ReadLine(X12Loop loop)
    {
        var svc = loop.Segment("SVC") ?? throw new DomainException("Loop 2110 without SVC.", "SVC");
        var qualifier = svc[1, 1];
        var code = svc[1, 2];
        ProcedureCode? procedure = qualifier == "AD" && ProcedureCode.TryCreate(ProcedureCodeSystem.Cdt, code, out var cdt) ? cdt : null;
        var date = loop.Segment("DTM", 1, "472") ?? loop.Segment("DTM", 1, "150");
        return new ServiceLinePayment
        {
            Charge = Money.Usd(Amount(svc[2], "SVC02")),
            Paid = Money.Usd(Amount(svc[3], "SVC03")),
            Procedure = procedure,
            RawProcedureCode = string.Join(':', svc.Components(1)),
            Units = svc[5].Length > 0 && decimal.TryParse(svc[5], NumberStyles.Number, CultureInfo.InvariantCulture, out var units) ? (int)units : null,
            ServiceDate = date is not null && X12Dates.TryDate(date[2], out var served) ? served : null,
            LineControlNumber = loop.Segment("REF", 1, "6R")?[2],
            Allowed = loop.Segment("AMT", 1, "B6") is { } allowed ? Money.Usd(Amount(allowed[2], "AMT02")) : null,
            Adjustments = Adjustments(loop.Segments("CAS")),
            RemarkCodes = [.. loop.Segments("LQ").Where(lq => lq[1] == "HE" && lq[2].Length > 0).Select(lq => lq[2])],
        };
    }

    // CAS01 group, then up to six triplets (reason, amount, quantity) at 2-4, 5-7 … 17-19.
    private static List<Adjustment> Adjustments(IEnumerable<X12Segment> cases)
    {
        var adjustments = new List<Adjustment>();
        foreach (var cas in cases)
        {
            var group = RemittanceCodeConversions.AdjustmentGroupFromX12(cas[1]);
            for (var i = 2; i + 1 <= cas.ElementCount; i += 3)
            {
                if (cas[i].Length == 0)
                {
                    continue;
                }

                decimal? quantity = cas[i + 2].Length > 0 ? Amount(cas[i + 2], $"CAS{i + 2:00}") : null;
                adjustments.Add(new Adjustment(group, cas[i], Money.Usd(Amount(cas[i + 1], $"CAS{i + 1:00}")), quantity));
            }
        }

        return adjustments;
    }

    private static decimal Amount(string text, string element) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainException($"{element} '{text}' is not an amount.", element);
}
