using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Adapters.Dms.Reference;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Claims;

/// <summary>
/// Claims to ДМС insurers as registry files: a реестр оказанных услуг for claims, a запрос гарантийного письма for a
/// treatment plan. CSV with <c>;</c> in the insurer's encoding (windows-1251 for most), dates dd.MM.yyyy, FDI teeth,
/// 804н codes, amounts with a decimal comma; attachments listed per claim. Uploaded to the profile's file drop under a
/// name that carries the delivery's payload id, so a resend overwrites the same file instead of adding one.
/// A guarantee-letter request follows the insurer's <c>guaranteeLetters.request</c> layout in <c>mappings/dms</c> (XLSX,
/// XML or CSV, its columns, its file name) when the mapping has one; registries and requests without one use the hub's
/// default CSV layout.
/// </summary>
public sealed class DmsClaimProtocol(
    IHttpClientFactory clients, TimeProvider time, DmsMailOptions? mail = null, DmsMappingCatalog? mappings = null, Func<DmsReference?>? reference = null)
    : IClaimProtocol
{
    private const string RequestType = "dms-guarantee-letter-request";

    private static readonly string[] Columns =
    [
        "№ п/п", "Номер счёта", "Фамилия", "Имя", "Отчество", "Дата рождения", "№ полиса", "№ гарантийного письма", "Дата оказания",
        "Код услуги", "Наименование услуги", "Зуб", "Поверхности", "Количество", "Цена", "Сумма", "Диагноз", "Приложения",
    ];

    static DmsClaimProtocol() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public PayerProtocol Protocol => PayerProtocol.Dms;

    public Task<ClaimTransmission> BuildAsync(IReadOnlyList<ClaimSubmission> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            throw new ArgumentException("A registry needs at least one claim.", nameof(batch));
        }

        var first = batch[0];
        var dms = first.Payer.Dms ?? throw new ArgumentException($"Payer profile '{first.Payer.Id}' has no ДМС settings.", nameof(batch));
        foreach (var submission in batch)
        {
            if (submission.Practice.Inn is null)
            {
                var number = submission.Claim.PatientControlNumber;
                throw new ClaimBuildException(new Domain.Claims.TimelineReason(
                    $"Claim {number} cannot go into a ДМС registry: the clinic has no ИНН.", Domain.Claims.TimelineReasonCodes.DmsNoInn, [number]),
                    null, submission.Claim.Id);
            }
        }

        var plan = first.Predetermination;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (plan && reference?.Invoke() is { } known)
        {
            RefuseUnknownCodes(batch, known);
        }
        if (plan && RequestLayout(first.Payer) is { } layout)
        {
            var request = DmsGuaranteeRequest.Build(batch, today, reference?.Invoke());
            return Task.FromResult(new ClaimTransmission(RequestType, layout.File.ContentType, DmsGuaranteeRequest.Render(request, layout),
                SenderId: first.Practice.Inn!.Value.Value, ReceiverId: dms.InsurerCode,
                TransactionControlNumbers: [.. batch.Select(s => s.Claim.PatientControlNumber)]));
        }

        var text = new StringBuilder();
        text.Append(plan ? "Запрос гарантийного письма" : "Реестр оказанных медицинских услуг").Append("\r\n");
        text.Append("Страховая компания;").Append(Cell(first.Payer.DisplayName)).Append(";Код;").Append(Cell(dms.InsurerCode)).Append("\r\n");
        text.Append("Клиника;").Append(Cell(first.Practice.Name)).Append(";ИНН;").Append(first.Practice.Inn!.Value.Value).Append("\r\n");
        text.Append("Дата;").Append(Date(today)).Append("\r\n");
        text.Append(string.Join(';', Columns)).Append("\r\n");
        var row = 0;
        decimal total = 0;
        foreach (var submission in batch)
        {
            var claim = submission.Claim;
            var name = submission.Patient.Name;
            var attachments = string.Join(", ", claim.Attachments.Select(a => a.FileName is null ? a.ControlNumber : $"{a.ControlNumber} ({a.FileName})"));
            foreach (var line in claim.Lines.OrderBy(l => l.LineNumber))
            {
                var amount = line.Fee.Amount * line.Units;
                total += amount;
                var diagnosis = line.DiagnosisPointers.Count > 0 && line.DiagnosisPointers[0] <= claim.Diagnoses.Count
                    ? claim.Diagnoses[line.DiagnosisPointers[0] - 1].ToString()
                    : claim.Diagnoses.Count > 0 ? claim.Diagnoses[0].ToString() : "";
                string[] cells =
                [
                    (++row).ToString(CultureInfo.InvariantCulture), claim.PatientControlNumber, name.Last, name.First, name.Middle ?? "",
                    Date(submission.Patient.BirthDate), submission.Coverage.MemberId, line.PriorAuthorizationNumber ?? claim.PriorAuthorizationNumber ?? "",
                    plan || line.ServiceDate is null ? "" : Date(line.ServiceDate.Value), line.Procedure.Code, line.Description ?? "",
                    line.Tooth?.To(ToothSystem.Fdi).Value ?? "", line.Surfaces.Value, line.Units.ToString(CultureInfo.InvariantCulture),
                    Money(line.Fee.Amount), Money(amount), diagnosis, line.LineNumber == 1 ? attachments : "",
                ];
                text.Append(string.Join(';', cells.Select(Cell))).Append("\r\n");
            }
        }

        text.Append("Итого;;;;;;;;;;;;;;;").Append(Money(total)).Append(";;\r\n");
        var encoding = Encoding.GetEncoding(dms.OutboundEncoding);
        return Task.FromResult(new ClaimTransmission(plan ? RequestType : "dms-registry",
            $"text/csv; charset={encoding.WebName}", encoding.GetBytes(text.ToString()), SenderId: first.Practice.Inn!.Value.Value,
            ReceiverId: dms.InsurerCode, TransactionControlNumbers: [.. batch.Select(s => s.Claim.PatientControlNumber)]));
    }

    public async Task<ClaimReceipt> SendAsync(PayerProfile payer, ClaimTransmission content, string payloadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payer);
        ArgumentNullException.ThrowIfNull(content);
        var dms = payer.Dms ?? throw new InvalidOperationException($"Payer '{payer.Id}' has no ДМС settings.");
        var kind = content.TransactionType == RequestType ? "gp-request" : "reestr";
        var layout = kind == "gp-request" ? RequestLayout(payer) : null;
        var fileName = layout is not null && string.Equals(layout.File.ContentType, content.ContentType, StringComparison.Ordinal)
            ? DmsGuaranteeRequest.FileName(layout, dms.InsurerCode, content.TransactionControlNumbers?.FirstOrDefault() ?? payloadId,
                DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), payloadId)
            : $"{dms.InsurerCode}_{kind}_{payloadId}.csv";
        if (dms.Delivery == DmsDeliveryKind.Email)
        {
            return await DmsMail.SendAsync(mail ?? new DmsMailOptions(), payer, dms.DeliveryTarget, fileName, content, payloadId,
                kind == "gp-request" ? "Запрос гарантийного письма" : "Реестр оказанных услуг", cancellationToken);
        }

        if (!Uri.TryCreate(dms.DeliveryTarget, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Payer '{payer.Id}': the file drop '{dms.DeliveryTarget}' is not an HTTP(S) URL.");
        }

        var body = new ByteArrayContent(content.Content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(content.ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = body }.ForPayer(payer.Id, idempotent: false,
            kind == "gp-request" ? PayerOperations.GuaranteeLetterRequest : PayerOperations.ClaimSubmission);
        request.Headers.Add("X-File-Name", fileName);
        request.Headers.Add("X-Request-Id", payloadId);
        using var response = await clients.CreateClient(PayerHttp.ClientName).SendAsync(request, cancellationToken);
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            throw new PayerResponseException(payer.Id,
                $"Payer '{payer.Id}' refused the file {fileName}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        response.EnsureSuccessStatusCode();
        return new ClaimReceipt(fileName);
    }

    // The API refuses such plans at the door; a plan stored before the reference changed goes back to the practice here
    // rather than out with a service the insurer cannot match.
    private static void RefuseUnknownCodes(IReadOnlyList<ClaimSubmission> batch, DmsReference reference)
    {
        foreach (var submission in batch)
        {
            foreach (var line in submission.Claim.Lines.OrderBy(line => line.LineNumber))
            {
                if (!reference.TryNormaliseService(line.Procedure.Code, out var code) || !reference.IsKnownService(code))
                {
                    var (number, lineNumber) = (submission.Claim.PatientControlNumber, line.LineNumber.ToString(CultureInfo.InvariantCulture));
                    throw new ClaimBuildException(new Domain.Claims.TimelineReason(
                        $"Plan {number} line {lineNumber}: {line.Procedure.Code} is not in the hub's dental 804н "
                        + "reference, so the guarantee-letter request cannot name it.", Domain.Claims.TimelineReasonCodes.DmsUnknownService,
                        [number, lineNumber, line.Procedure.Code]), null, submission.Claim.Id);
                }
            }
        }
    }

    // The insurer's request layout, found as the registry generator finds the registry's: through the profile's mapping id.
    private DmsGuaranteeRequestLayout? RequestLayout(PayerProfile payer) =>
        payer.Dms is { } dms ? mappings?.Find(dms.RegistryMapping)?.GuaranteeLetters?.Request : null;

    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.GetCultureInfo("ru-RU")).Replace('\u00A0', ' ');

    // CSV quoting: a value with ; " or a line break is quoted, quotes doubled.
    private static string Cell(string? value)
    {
        var text = (value ?? "").Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        return text.IndexOfAny([';', '"']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
