using System.Globalization;
using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.X12.Eligibility;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Adapters.X12.Claims;

/// <summary>The body of one 837D transaction set (BHT to the last 2400 loop) for one claim.</summary>
internal sealed class Claim837Transaction(
    X12EnvelopeWriter envelope, X12Delimiters delimiters, ClaimSubmission submission, X12Identifiers ids, Claim837Submitter submitter,
    DateTimeOffset now)
{
    private readonly Claim _claim = submission.Claim;

    public void Write(string transactionControlNumber)
    {
        var at = now.UtcDateTime;
        Write("BHT", "0019", "00", transactionControlNumber + _claim.PatientControlNumber, Date(DateOnly.FromDateTime(at)),
            at.ToString("HHmm", CultureInfo.InvariantCulture), "CH");

        // 1000A submitter, 1000B receiver
        Write("NM1", "41", "2", X12Text.Clean(submitter.Name, 60), "", "", "", "", "46", ids.SenderId);
        var (first, second) = (submitter.Phone, submitter.Email) switch
        {
            ({ Length: > 0 } phone, { Length: > 0 } email) => (("TE", phone), ("EM", email)),
            ({ Length: > 0 } phone, _) => (("TE", phone), default),
            (_, { Length: > 0 } email) => (("EM", email), default((string, string))),
            _ => throw new ClaimBuildException(new Domain.Claims.TimelineReason(
                "The hub's 837 submitter contact (Hub:X12:Submitter) has neither a phone nor an e-mail (1000A PER).",
                Domain.Claims.TimelineReasonCodes.X12NoSubmitterContact)),
        };
        Write("PER", "IC", X12Text.Clean(submitter.ContactName, 60), first.Item1, first.Item2, second.Item1 ?? "", second.Item2 ?? "");
        Write("NM1", "40", "2", X12Text.Clean(submission.Payer.DisplayName, 60), "", "", "", "", "46", ids.ReceiverId);

        // 2000A billing provider
        Write("HL", "1", "", "20", "1");
        var practice = submission.Practice;
        Write("NM1", "85", "2", X12Text.Clean(practice.Name, 60), "", "", "", "", "XX", practice.Npi!.Value.Value);
        WriteAddress(practice.Address!);
        Write("REF", "EI", practice.TaxId!);
        // 2010AB: only when payments go somewhere other than the billing address (a lockbox, a post-office box).
        if (practice.PayToAddress is { } payTo)
        {
            Write("NM1", "87", "2");
            WriteAddress(payTo);
        }

        WriteSubscriber();
        if (submission.PatientIsDependent)
        {
            WritePatient();
        }

        WriteClaim();
        WriteRendering();
        WriteOtherCoverage();
        foreach (var line in _claim.Lines.OrderBy(l => l.LineNumber))
        {
            WriteLine(line);
        }
    }

    // 2000B SBR, 2010BA subscriber, 2010BB payer
    private void WriteSubscriber()
    {
        var coverage = submission.Coverage;
        var dependent = submission.PatientIsDependent;
        Write("HL", "2", "1", "22", dependent ? "1" : "0");
        Write("SBR", Responsibility(), dependent ? "" : "18", X12Text.Clean(coverage.GroupNumber, 50),
            dependent ? "" : X12Text.Clean(coverage.GroupName, 60), "", "", "", "", FilingIndicator);
        if (dependent)
        {
            Write(PersonName("IL", coverage.Subscriber!.Name, "MI", X12Text.Clean(coverage.Subscriber.MemberId, 80)));
        }
        else
        {
            var patient = submission.Patient;
            Write(PersonName("IL", patient.Name, "MI", X12Text.Clean(coverage.MemberId, 80)));
            if (patient.Address is { } address)
            {
                WriteAddress(address);
            }

            Write(Demographics(patient.BirthDate, patient.Sex));
        }

        Write("NM1", "PR", "2", X12Text.Clean(submission.Payer.DisplayName, 60), "", "", "", "", "PI", ids.PayerId);
    }

    // 2000C patient, 2010CA name, address and demographics
    private void WritePatient()
    {
        var patient = submission.Patient;
        Write("HL", "3", "2", "23", "0");
        Write("PAT", submission.Coverage.Relationship.ToX12Code());
        Write(PersonName("QC", patient.Name, "", ""));
        WriteAddress(patient.Address!);
        Write(Demographics(patient.BirthDate, patient.Sex));
    }

    // 2300 CLM and the claim-level segments in guide order
    private void WriteClaim()
    {
        var c = delimiters.Component;
        var frequency = ((int)_claim.Frequency).ToString(CultureInfo.InvariantCulture);
        var clm = new string[19];
        Array.Fill(clm, "");
        clm[0] = _claim.PatientControlNumber;
        clm[1] = Amount(_claim.Total.Amount);
        clm[4] = $"{_claim.PlaceOfService}{c}B{c}{frequency}";
        clm[5] = "Y";
        clm[6] = "A";
        clm[7] = "Y";
        clm[8] = "Y";
        if (_claim.Accident is { } accident)
        {
            clm[10] = accident.StateCode is { Length: > 0 } state
                ? $"{accident.ToX12Code()}{c}{c}{c}{state}"
                : accident.ToX12Code();
        }

        if (submission.Predetermination)
        {
            clm[18] = "PB";
        }

        Write("CLM", clm);
        var dates = _claim.Lines.Select(l => l.ServiceDate).Distinct().ToList();
        if (!submission.Predetermination && dates is [{ } single])
        {
            Write("DTP", "472", "D8", Date(single));
        }

        if (_claim.Accident is { } happened)
        {
            Write("DTP", "439", "D8", Date(happened.Date));
        }

        if (_claim.Orthodontics?.AppliancePlacedOn is { } placed)
        {
            Write("DTP", "452", "D8", Date(placed));
        }

        if (_claim.Orthodontics is { } ortho)
        {
            Write("DN1", Number(ortho.TotalMonths), Number(ortho.RemainingMonths));
        }

        foreach (var missing in _claim.MissingTeeth)
        {
            Write("DN2", Universal(missing.Tooth), missing.ToX12Code(), "", "", "", "JP");
        }

        foreach (var attachment in _claim.Attachments)
        {
            Write("PWK", attachment.ReportType, attachment.TransmissionCode, "", "", "AC", X12Text.Clean(attachment.ControlNumber, 80));
        }

        // 005010X224A2 2300 AMT*F5: required when the patient has paid any amount toward the claim.
        if (_claim.PatientPaid is { IsZero: false } paid)
        {
            Write("AMT", "F5", Amount(paid.Amount));
        }

        WriteReference("G3", _claim.PredeterminationNumber);
        WriteReference("G1", _claim.PriorAuthorizationNumber);
        if (_claim.Frequency != ClaimFrequency.Original)
        {
            WriteReference("F8", _claim.OriginalPayerClaimNumber);
        }

        if (X12Text.Clean(_claim.Note, 80) is { Length: > 0 } note)
        {
            Write("NTE", "ADD", note);
        }

        if (_claim.Diagnoses.Count > 0)
        {
            Write("HI", [.. _claim.Diagnoses.Select((d, i) => $"{(i == 0 ? "ABK" : "ABF")}{c}{d.ToString().Replace(".", "", StringComparison.Ordinal)}")]);
        }
    }

    // 2310B rendering provider, only when someone other than the billing practice treated
    private void WriteRendering()
    {
        if (_claim.RenderingProvider is not { Npi: { } npi } rendering || npi.Value == submission.Practice.Npi?.Value)
        {
            return;
        }

        Write(rendering.Person is { } person
            ? PersonName("82", person, "XX", npi.Value)
            : X12Text.Segment("NM1", "82", "2", X12Text.Clean(rendering.OrganizationName, 60), "", "", "", "", "XX", npi.Value));
        if (rendering.TaxonomyCode is { Length: > 0 } taxonomy)
        {
            Write("PRV", "PE", "PXC", taxonomy);
        }
    }

    // 2320 other subscriber information, 2330A other subscriber, 2330B other payer
    private void WriteOtherCoverage()
    {
        if (submission.Other is not { } other)
        {
            return;
        }

        var coverage = other.Coverage;
        var self = coverage.Relationship == SubscriberRelationship.Self || coverage.Subscriber is null;
        Write("SBR", other.ResponsibilityIsPrimary ? "P" : "S", self ? "18" : coverage.Relationship.ToX12Code(),
            X12Text.Clean(coverage.GroupNumber, 50), "", "", "", "", "", FilingIndicator);
        if (other.PaidAmount is { } paid)
        {
            Write("AMT", "D", Amount(paid.Amount));
        }

        Write("OI", "", "", "Y", "", "", "Y");
        var name = self ? submission.Patient.Name : coverage.Subscriber!.Name;
        var memberId = self ? coverage.MemberId : coverage.Subscriber!.MemberId;
        Write(PersonName("IL", name, "MI", X12Text.Clean(memberId, 80)));
        Write("NM1", "PR", "2", X12Text.Clean(other.PayerName, 60), "", "", "", "", "PI", X12Text.Clean(other.PayerIdentifier, 80));
    }

    // 2400 service line
    private void WriteLine(ClaimLine line)
    {
        var c = delimiters.Component;
        Write("LX", Number(line.LineNumber));
        var sv3 = new[]
        {
            $"AD{c}{line.Procedure.Code}",
            Amount(line.Fee.Amount),
            "",
            line.Area is { } area ? area.ToX12Code() : "",
            line.Prosthesis switch { ProsthesisPlacement.Initial => "I", ProsthesisPlacement.Replacement => "R", _ => "" },
            Number(line.Units),
        };
        // 005010X224A2 SV311: required when 2300 HI reports diagnoses; up to four pointers into HI, as components.
        var pointers = line.DiagnosisPointers.Where(p => p <= _claim.Diagnoses.Count).Take(4).ToList();
        if (_claim.Diagnoses.Count > 0 && pointers.Count > 0)
        {
            sv3 = [.. sv3, "", "", "", "", string.Join(c, pointers.Select(p => Number(p)))];
        }

        Write("SV3", sv3);
        if (line.Tooth is { } tooth)
        {
            var surfaces = string.Join(c, line.Surfaces.Value.Select(s => s.ToString()));
            Write("TOO", "JP", Universal(tooth), surfaces);
        }

        foreach (var more in line.AdditionalTeeth)
        {
            Write("TOO", "JP", Universal(more));
        }

        if (!submission.Predetermination && line.ServiceDate is { } date)
        {
            Write("DTP", "472", "D8", Date(date));
        }

        if (line.Prosthesis == ProsthesisPlacement.Replacement && line.PriorPlacementDate is { } prior)
        {
            Write("DTP", "441", "D8", Date(prior));
        }

        WriteReference("G1", line.PriorAuthorizationNumber);
        WriteReference("6R", line.LineControlNumber);
    }

    private string FilingIndicator => submission.Payer.X12?.Options.ClaimFilingIndicator ?? "CI";

    private string Responsibility() =>
        submission.Other?.ResponsibilityIsPrimary == true || submission.Coverage.Order == CoverageOrder.Secondary ? "S" : "P";

    private void WriteReference(string qualifier, string? value)
    {
        if (X12Text.Clean(value, 50) is { Length: > 0 } clean)
        {
            Write("REF", qualifier, clean);
        }
    }

    private void WriteAddress(Address address)
    {
        Write("N3", X12Text.Clean(address.Line1, 55), X12Text.Clean(address.Line2, 55));
        var domestic = address.CountryCode == "US";
        Write("N4", X12Text.Clean(address.City, 30), domestic ? X12Text.Clean(address.Region, 2) : "",
            X12Text.Clean(address.PostalCode, 15).Replace("-", "", StringComparison.Ordinal), domestic ? "" : address.CountryCode);
    }

    private static X12Segment PersonName(string entity, PersonName name, string idQualifier, string id) =>
        X12Text.Segment("NM1", entity, "1", X12Text.Clean(name.Last, 60), X12Text.Clean(name.First, 35), X12Text.Clean(name.Middle, 25), "",
            X12Text.Clean(name.Suffix, 10), idQualifier, id);

    private static X12Segment Demographics(DateOnly birthDate, Sex sex) =>
        X12Segment.Create("DMG", "D8", Date(birthDate), sex switch { Sex.Female => "F", Sex.Male => "M", _ => "U" });

    private static string Universal(ToothNumber tooth) => tooth.To(ToothSystem.Universal).Value;

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // X12 type R: no trailing zeros, no thousands separator, a leading minus for negatives.
    private static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private void Write(X12Segment segment) => envelope.Write(segment);

    private void Write(string id, params string[] elements) => envelope.Write(X12Segment.Create(delimiters, id, TrimTrailing(elements)));

    private static string[] TrimTrailing(string[] elements)
    {
        var count = elements.Length;
        while (count > 0 && elements[count - 1].Length == 0)
        {
            count--;
        }

        return elements[..count];
    }
}
