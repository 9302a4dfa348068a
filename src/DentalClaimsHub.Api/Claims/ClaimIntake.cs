using System.Globalization;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Providers;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Api.Claims;

/// <summary>What a claim is checked against: whose it is, the payer's conventions, and the practice's today.</summary>
/// <param name="PracticeId">The practice (tenant) submitting.</param>
/// <param name="PatientId">The patient, already registered.</param>
/// <param name="CoverageId">The coverage billed, already registered.</param>
/// <param name="PayerId">The coverage's payer profile id.</param>
/// <param name="Currency">The payer's currency; every fee is in it.</param>
/// <param name="Codes">CDT for US payers, 804н for ДМС insurers.</param>
/// <param name="Teeth">Universal for US payers, FDI elsewhere.</param>
/// <param name="Today">The practice's local date: nothing on a claim may be later.</param>
/// <param name="Now">The instant of intake (UTC).</param>
/// <param name="Actor">Who submits, for the claim's timeline (the API key id).</param>
/// <param name="Purpose">A claim for payment, or a treatment plan for a predetermination (no service dates needed).</param>
public sealed record ClaimIntakeContext(
    Guid PracticeId, Guid PatientId, Guid CoverageId, string PayerId, string Currency, ProcedureCodeSystem Codes, ToothSystem Teeth,
    DateOnly Today, DateTimeOffset Now, string Actor, ClaimPurpose Purpose = ClaimPurpose.Claim);

/// <summary>
/// Turns a <see cref="ClaimRequest"/> into a draft <see cref="Claim"/>, reporting every problem at once under the JSON
/// path of the field that has it (<c>$.lines[2].tooth</c>): formats first (codes, teeth, surfaces, areas, money, dates),
/// then the domain's rules (site rules per CDT code, pointers, prosthesis dates, line and diagnosis limits), then the
/// total against the lines.
/// </summary>
public static class ClaimIntake
{
    public static Claim? TryBuild(ClaimRequest request, ClaimIntakeContext context, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var root = JsonPath.Root;
        var diagnoses = Diagnoses(request.Diagnoses, errors);
        var lines = Lines(request.Lines, context, errors);
        var orthodontics = Orthodontics(request.Orthodontics, context, errors);
        var accident = Accident(request.Accident, errors);
        var missingTeeth = MissingTeeth(request.MissingTeeth, context, errors);
        var attachments = Attachments(request.Attachments, errors);
        var rendering = request.RenderingProvider is { } named ? ProviderValidation.TryCreate(named, root.Property("renderingProvider"), errors) : null;
        errors.Required(root.Property("total"), request.Total, "Give the claim total; it must equal the sum of the line fees.");
        if (request.PatientPaid is { } paid && (paid < 0 || decimal.Round(paid, 2) != paid))
        {
            errors.Add(root.Property("patientPaid"), "A non-negative amount with at most two decimals.");
        }

        if (!errors.IsEmpty)
        {
            return null;
        }

        var claim = errors.Try(root.Property("patientControlNumber"), () => Claim.Create(context.PracticeId, context.PatientId,
            context.CoverageId, context.PayerId, context.Currency, context.Actor, context.Now, request.PatientControlNumber,
            renderingProvider: rendering, purpose: context.Purpose,
            placeOfService: string.IsNullOrWhiteSpace(request.PlaceOfService) ? "11" : request.PlaceOfService));
        if (claim is null)
        {
            return null;
        }

        var now = context.Now;
        Apply(errors, root.Property("diagnoses"), () => claim.SetDiagnoses(diagnoses!, now));
        for (var i = 0; i < lines!.Count; i++)
        {
            var line = lines[i];
            Apply(errors, root.Property("lines").Index(i), () => claim.AddLine(line, now));
        }

        if (request.SecondaryCoverageId is { } secondary)
        {
            Apply(errors, root.Property("secondaryCoverageId"), () => claim.SetSecondaryCoverage(secondary, now));
        }

        Apply(errors, root.Property("orthodontics"), () => claim.SetOrthodontics(orthodontics, now));
        Apply(errors, root.Property("accident"), () => claim.SetAccident(accident, now));
        Apply(errors, root.Property("missingTeeth"), () => claim.SetMissingTeeth(missingTeeth!, now));
        for (var i = 0; i < attachments!.Count; i++)
        {
            var attachment = attachments[i];
            Apply(errors, root.Property("attachments").Index(i), () => claim.AddAttachment(attachment, now));
        }

        Apply(errors, root.Property("priorAuthorizationNumber"),
            () => claim.SetAuthorizations(PatientValidation.Blank(request.PriorAuthorizationNumber), PatientValidation.Blank(request.PredeterminationNumber), now));
        Apply(errors, root.Property("note"), () => claim.SetNote(PatientValidation.Blank(request.Note), now));
        Apply(errors, root.Property("patientPaid"),
            () => claim.SetPatientPaid(request.PatientPaid is { } amount ? new Money(amount, context.Currency) : null, now));
        if (!errors.IsEmpty)
        {
            return null;
        }

        foreach (var violation in claim.CheckRules(context.Today))
        {
            errors.Add(PathOf(violation.Field), violation.Message);
        }

        if (errors.IsEmpty && request.Total is { } total && total != claim.Total.Amount)
        {
            errors.Add(root.Property("total"), string.Create(CultureInfo.InvariantCulture,
                $"The total {total:0.00} does not equal the sum of the line fees, {claim.Total.Amount:0.00}."));
        }

        return errors.IsEmpty ? claim : null;
    }

    // Domain fields name lines by their 1-based number ("lines[2].tooth"); the request's JSON indexes from 0.
    public static string PathOf(string field)
    {
        if (field.StartsWith("lines[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is var close and > 6
            && int.TryParse(field.AsSpan(6, close - 6), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return JsonPath.Root.Property("lines").Index(number - 1) + field[(close + 1)..];
        }

        return JsonPath.Root.Property(field);
    }

    private static List<Icd10Code>? Diagnoses(IReadOnlyList<string>? codes, ValidationErrors errors)
    {
        var parsed = new List<Icd10Code>();
        if (codes is { Count: > Claim.MaxDiagnoses })
        {
            errors.Add("$.diagnoses", $"At most {Claim.MaxDiagnoses} diagnosis codes, got {codes.Count}.");
            return null;
        }

        for (var i = 0; i < (codes?.Count ?? 0); i++)
        {
            if (Icd10Code.TryParse(codes![i], out var code))
            {
                parsed.Add(code);
            }
            else
            {
                errors.Add(JsonPath.Root.Property("diagnoses").Index(i), "Not an ICD-10 code (such as K02.52).");
            }
        }

        return parsed;
    }

    private static List<ClaimLineDetails>? Lines(IReadOnlyList<ClaimLineRequest>? items, ClaimIntakeContext context, ValidationErrors errors)
    {
        if (items is not { Count: > 0 })
        {
            errors.Add("$.lines", "A claim needs at least one line.");
            return null;
        }

        if (items.Count > Claim.MaxLines)
        {
            errors.Add("$.lines", $"A dental claim holds at most {Claim.MaxLines} lines, this one has {items.Count}.");
            return null;
        }

        var lines = new List<ClaimLineDetails>();
        for (var i = 0; i < items.Count; i++)
        {
            if (Line(items[i], JsonPath.Root.Property("lines").Index(i), context, errors) is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static ClaimLineDetails? Line(ClaimLineRequest item, string path, ClaimIntakeContext context, ValidationErrors errors)
    {
        var before = errors.Count;
        if (!ProcedureCode.TryCreate(context.Codes, item.Code, out var code))
        {
            errors.Add(path.Property("code"), context.Codes == ProcedureCodeSystem.Cdt
                ? "Not a CDT code (D followed by four digits)." : "Not a Номенклатура (804н) code (such as A16.07.002).");
        }

        var tooth = DentalFields.Tooth(item.Tooth, context.Teeth, path.Property("tooth"), errors);
        var additional = new List<ToothNumber>();
        for (var t = 0; t < (item.AdditionalTeeth?.Count ?? 0); t++)
        {
            if (DentalFields.Tooth(item.AdditionalTeeth![t], context.Teeth, path.Property("additionalTeeth").Index(t), errors) is { } extra)
            {
                additional.Add(extra);
            }
        }

        var surfaces = DentalFields.Surfaces(item.Surfaces, path.Property("surfaces"), errors);

        OralCavityArea? area = null;
        if (!string.IsNullOrWhiteSpace(item.Area))
        {
            if (OralCavityAreaCodes.TryFromX12Code(item.Area, out var parsedArea))
            {
                area = parsedArea;
            }
            else
            {
                errors.Add(path.Property("area"), "An area of the oral cavity: 00, 01, 02, 10, 20, 30 or 40.");
            }
        }

        ProsthesisPlacement? prosthesis = item.Prosthesis?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "initial" => ProsthesisPlacement.Initial,
            "replacement" => ProsthesisPlacement.Replacement,
            _ => Invalid<ProsthesisPlacement>(errors, path.Property("prosthesis"), "Either 'initial' or 'replacement'."),
        };
        NotAfter(item.PriorPlacementDate, context.Today, path.Property("priorPlacementDate"), errors);
        var units = item.Units ?? 1;
        if (units is < 1 or > 99)
        {
            errors.Add(path.Property("units"), "Between 1 and 99.");
        }

        if (item.Fee is not { } fee)
        {
            errors.Add(path.Property("fee"), "Give the fee charged for this line.");
        }
        else if (fee < 0 || decimal.Round(fee, 2) != fee)
        {
            errors.Add(path.Property("fee"), "A non-negative amount with at most two decimals.");
        }

        if (context.Purpose == ClaimPurpose.Claim)
        {
            errors.Required(path.Property("serviceDate"), item.ServiceDate, "Give the date the service was performed.");
        }

        return errors.Count != before ? null : new ClaimLineDetails
        {
            Procedure = code,
            Fee = new Money(item.Fee!.Value, context.Currency),
            Units = units,
            ServiceDate = item.ServiceDate,
            Tooth = tooth,
            AdditionalTeeth = additional,
            Surfaces = surfaces,
            Area = area,
            Prosthesis = prosthesis,
            PriorPlacementDate = item.PriorPlacementDate,
            DiagnosisPointers = item.DiagnosisPointers ?? [],
            PriorAuthorizationNumber = PatientValidation.Blank(item.PriorAuthorizationNumber),
            LineControlNumber = PatientValidation.Blank(item.LineControlNumber),
        };
    }

    private static OrthodonticInfo? Orthodontics(OrthodonticsRequest? request, ClaimIntakeContext context, ValidationErrors errors)
    {
        if (request is null)
        {
            return null;
        }

        const string path = "$.orthodontics";
        errors.Required(path.Property("totalMonths"), request.TotalMonths).Required(path.Property("remainingMonths"), request.RemainingMonths);
        NotAfter(request.AppliancePlacedOn, context.Today, path.Property("appliancePlacedOn"), errors);
        return request is { TotalMonths: { } total, RemainingMonths: { } remaining }
            ? errors.Try(path, () => new OrthodonticInfo(total, remaining, request.AppliancePlacedOn))
            : null;
    }

    private static AccidentInfo? Accident(AccidentRequest? request, ValidationErrors errors)
    {
        if (request is null)
        {
            return null;
        }

        const string path = "$.accident";
        AccidentCause? cause = request.Cause?.Trim().ToLowerInvariant() switch
        {
            "auto" => AccidentCause.AutoAccident,
            "employment" => AccidentCause.Employment,
            "other" => AccidentCause.OtherAccident,
            _ => Invalid<AccidentCause>(errors, path.Property("cause"), "One of 'auto', 'employment' or 'other'."),
        };
        errors.Required(path.Property("date"), request.Date, "Give the date of the accident.");
        return cause is { } known && request.Date is { } date
            ? errors.Try(path, () => new AccidentInfo(known, date, PatientValidation.Blank(request.State), PatientValidation.Blank(request.Country)))
            : null;
    }

    private static List<MissingTooth>? MissingTeeth(IReadOnlyList<MissingToothRequest>? items, ClaimIntakeContext context, ValidationErrors errors)
    {
        var teeth = new List<MissingTooth>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var path = JsonPath.Root.Property("missingTeeth").Index(i);
            var tooth = DentalFields.Tooth(items![i].Tooth, context.Teeth, path.Property("tooth"), errors);
            errors.Required(path.Property("tooth"), items[i].Tooth);
            MissingToothStatus? status = items[i].Status?.Trim().ToLowerInvariant() switch
            {
                "missing" => MissingToothStatus.Missing,
                "to-be-extracted" => MissingToothStatus.ToBeExtracted,
                _ => Invalid<MissingToothStatus>(errors, path.Property("status"), "Either 'missing' or 'to-be-extracted'."),
            };
            if (tooth is { } number && status is { } known)
            {
                teeth.Add(new MissingTooth(number, known));
            }
        }

        return teeth;
    }

    private static List<ClaimAttachment>? Attachments(IReadOnlyList<AttachmentRequest>? items, ValidationErrors errors)
    {
        var attachments = new List<ClaimAttachment>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var path = JsonPath.Root.Property("attachments").Index(i);
            var item = items![i];
            AttachmentTransmission? transmission = TryParseTransmission(item.Transmission, out var parsed)
                ? parsed
                : Invalid<AttachmentTransmission>(errors, path.Property("transmission"), TransmissionRule);
            if (transmission is { } how && errors.Try(path, () => new ClaimAttachment(item.ReportType ?? "", how, item.ControlNumber ?? "",
                    item.ContentType ?? "application/octet-stream", item.SizeBytes ?? 0, item.StorageKey ?? item.ControlNumber ?? "",
                    PatientValidation.Blank(item.FileName))) is { } attachment)
            {
                attachments.Add(attachment);
            }
        }

        return attachments;
    }

    /// <summary>What a transmission name must be.</summary>
    public const string TransmissionRule = "One of 'electronic', 'mail', 'fax', 'file-transfer' or 'available-on-request'.";

    /// <summary>Reads how a document reaches the payer, as the API names it (PWK02 EL, BM, FX, FT, AA).</summary>
    public static bool TryParseTransmission(string? text, out AttachmentTransmission transmission)
    {
        transmission = text?.Trim().ToLowerInvariant() switch
        {
            "electronic" => AttachmentTransmission.Electronic,
            "mail" => AttachmentTransmission.Mail,
            "fax" => AttachmentTransmission.Fax,
            "file-transfer" => AttachmentTransmission.FileTransfer,
            "available-on-request" => AttachmentTransmission.AvailableOnRequest,
            _ => 0,
        };
        return transmission != 0;
    }

    private static void NotAfter(DateOnly? date, DateOnly today, string path, ValidationErrors errors)
    {
        if (date is { } value && value > today)
        {
            errors.Add(path, $"{value:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd} at the practice).");
        }
    }

    private static T? Invalid<T>(ValidationErrors errors, string path, string message)
        where T : struct
    {
        errors.Add(path, message);
        return null;
    }

    private static void Apply(ValidationErrors errors, string path, Action change) =>
        errors.Try<object?>(path, () =>
        {
            change();
            return null;
        });
}
