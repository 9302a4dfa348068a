using System.Globalization;
using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Domain.Claims;
using Hl7.Fhir.Model;
using Info = Hl7.Fhir.Model.Claim.SupportingInformationComponent;

namespace DentalClaimsHub.Adapters.Fhir.Claims;

/// <summary>
/// <c>Claim.supportingInfo</c> in a fixed order — attachments, missing teeth, orthodontics, what the patient paid, then
/// per line its prosthesis and further teeth, then the note — numbered from 1, with the sequences each line refers to.
/// </summary>
internal sealed class FhirClaimSupportingInfo
{
    private const string Ucum = "http://unitsofmeasure.org";
    private const string Iso4217 = "urn:iso:std:iso:4217";

    private readonly Dictionary<int, List<int>> _byLine = [];

    private FhirClaimSupportingInfo()
    {
    }

    public List<Info> Entries { get; } = [];

    /// <summary>The supportingInfo sequences that belong to line <paramref name="lineNumber"/> (item.informationSequence).</summary>
    public IReadOnlyList<int> ForLine(int lineNumber) => _byLine.TryGetValue(lineNumber, out var list) ? list : [];

    public static FhirClaimSupportingInfo Of(ClaimSubmission submission)
    {
        var claim = submission.Claim;
        var info = new FhirClaimSupportingInfo();
        foreach (var attachment in claim.Attachments)
        {
            info.Add(Attachment(attachment));
        }

        foreach (var tooth in claim.MissingTeeth)
        {
            info.Add(new Info
            {
                Category = Category("missingtooth"),
                Code = FhirOralCodes.Tooth(tooth.Tooth),
                // The claim knows whether the tooth is missing or still to be extracted, not since when.
                Reason = new CodeableConcept(FhirClaimSystems.X12ToothStatus, tooth.ToX12Code(),
                    tooth.Status == MissingToothStatus.Missing ? "missing" : "to be extracted"),
            });
        }

        if (claim.Orthodontics is { } ortho)
        {
            // R4 has no orthodontic category; months go as `info` with our codes, the appliance date as the timing.
            var total = Months("orthodontic-months-total", ortho.TotalMonths);
            if (ortho.AppliancePlacedOn is { } placed)
            {
                total.Timing = Date(placed);
            }

            info.Add(total);
            info.Add(Months("orthodontic-months-remaining", ortho.RemainingMonths));
        }

        if (claim.PatientPaid is { } paid)
        {
            // R4 Claim has no field for it and supportingInfo takes no Money: a Quantity in ISO 4217 units (the MoneyQuantity pattern).
            info.Add(new Info
            {
                Category = Category("info"),
                Code = new CodeableConcept(FhirClaimSystems.ClaimInformation, "patient-paid"),
                Value = new Quantity { Value = paid.Amount, Unit = paid.Currency, System = Iso4217, Code = paid.Currency },
            });
        }

        foreach (var line in claim.Lines)
        {
            if (line.Prosthesis is { } prosthesis)
            {
                var entry = new Info
                {
                    Category = Category("prosthesis"),
                    Code = new CodeableConcept(FhirClaimSystems.X12Prosthesis, prosthesis == ProsthesisPlacement.Initial ? "I" : "R",
                        prosthesis == ProsthesisPlacement.Initial ? "initial placement" : "replacement"),
                };
                if (line.PriorPlacementDate is { } prior)
                {
                    entry.Timing = Date(prior);
                }

                info.Add(entry, line.LineNumber);
            }

            foreach (var tooth in line.AdditionalTeeth)
            {
                var category = Category("info");
                category.Coding.Add(new Coding(FhirClaimSystems.CarinSupportingInfoType, "additionalbodysite"));
                info.Add(new Info { Category = category, Code = FhirOralCodes.Tooth(tooth) }, line.LineNumber);
            }
        }

        if (claim.Note is { } note)
        {
            info.Add(new Info
            {
                Category = Category("info"),
                Code = new CodeableConcept(FhirClaimSystems.ClaimInformation, "note"),
                Value = new FhirString(note),
            });
        }

        return info;
    }

    private void Add(Info entry, int? lineNumber = null)
    {
        entry.Sequence = Entries.Count + 1;
        Entries.Add(entry);
        if (lineNumber is { } number)
        {
            if (!_byLine.TryGetValue(number, out var list))
            {
                _byLine[number] = list = [];
            }

            list.Add(entry.Sequence.Value);
        }
    }

    private static Info Attachment(ClaimAttachment attachment)
    {
        var value = new Hl7.Fhir.Model.Attachment { ContentType = attachment.ContentType };
        if (attachment.FileName is { } fileName)
        {
            value.Title = fileName;
        }

        if (attachment.SizeBytes <= int.MaxValue)
        {
            // R4 size is unsignedInt: the SDK's Size is the R5 integer64 and would be written as a JSON string.
            value.SizeUnsignedInt = (int)attachment.SizeBytes;
        }

        var entry = new Info
        {
            Category = Category("attachment"),
            Code = new CodeableConcept(FhirClaimSystems.X12ReportType, attachment.ReportType),
            Value = value,
        };
        // Attachment has no identifier in R4; the control number (PWK06) that ties the document to the claim rides in an extension.
        entry.Extension.Add(new Extension(FhirClaimSystems.AttachmentControlNumberExtension,
            new Identifier(FhirClaimSystems.AttachmentControlNumber, attachment.ControlNumber)));
        entry.Extension.Add(new Extension(FhirClaimSystems.AttachmentTransmissionExtension,
            new Coding(FhirClaimSystems.X12ReportTransmission, attachment.TransmissionCode)));
        return entry;
    }

    private static Info Months(string code, int months) => new()
    {
        Category = Category("info"),
        Code = new CodeableConcept(FhirClaimSystems.ClaimInformation, code),
        Value = new Quantity { Value = months, Unit = "months", System = Ucum, Code = "mo" },
    };

    private static CodeableConcept Category(string code) => new(FhirClaimSystems.InformationCategory, code);

    private static Date Date(DateOnly date) => new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
