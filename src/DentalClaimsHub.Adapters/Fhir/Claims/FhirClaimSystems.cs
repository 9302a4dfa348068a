namespace DentalClaimsHub.Adapters.Fhir.Claims;

/// <summary>
/// Code, identifier and extension systems the claim mapping adds to <see cref="Eligibility.FhirSystems"/>. The <c>urn:</c>
/// ones are ours; the others are the published HL7, ADA, X12 and Russian NSI systems.
/// </summary>
public static class FhirClaimSystems
{
    /// <summary>Our patient control number (X12 CLM01), the number the payer echoes.</summary>
    public const string PatientControlNumber = "urn:dentalclaimshub:patient-control-number";

    /// <summary>The payer's claim number (277CA REF*1K, 835 CLP07) a replacement or void refers to.</summary>
    public const string PayerClaimNumber = "urn:dentalclaimshub:payer-claim-number";

    /// <summary>The other payer's id on a coordination-of-benefits coverage (837D 2330B NM109).</summary>
    public const string OtherPayerId = "urn:dentalclaimshub:other-payer-id";

    /// <summary>Extension on <c>Claim.item</c>: our line control number (X12 REF*6R), as an Identifier.</summary>
    public const string LineControlNumberExtension = "urn:dentalclaimshub:fhir:line-control-number";

    /// <summary>Identifier system of <see cref="LineControlNumberExtension"/>.</summary>
    public const string LineControlNumber = "urn:dentalclaimshub:line-control-number";

    /// <summary>Extension on <c>Claim.item</c>: the line's prior authorisation or predetermination number (X12 2400 REF*G1/G3).</summary>
    public const string LinePriorAuthorizationExtension = "urn:dentalclaimshub:fhir:line-prior-authorization";

    /// <summary>Extension on the other coverage's <c>Claim.insurance</c>: what that payer already paid (837D 2320 AMT*D), as Money.</summary>
    public const string OtherPayerPaidExtension = "urn:dentalclaimshub:fhir:other-payer-paid";

    /// <summary>Extension on <c>Claim.supportingInfo</c>: the attachment control number (X12 PWK06), as an Identifier.</summary>
    public const string AttachmentControlNumberExtension = "urn:dentalclaimshub:fhir:attachment-control-number";

    /// <summary>Extension on <c>Claim.supportingInfo</c>: how the attachment reaches the payer (X12 PWK02), as a Coding.</summary>
    public const string AttachmentTransmissionExtension = "urn:dentalclaimshub:fhir:attachment-transmission";

    /// <summary>Identifier system of <see cref="AttachmentControlNumberExtension"/>.</summary>
    public const string AttachmentControlNumber = "urn:dentalclaimshub:attachment-control-number";

    /// <summary>Our codes for supporting information R4 has no category code for (orthodontic months, the note).</summary>
    public const string ClaimInformation = "urn:dentalclaimshub:claim-information";

    /// <summary>HL7 claim type (<c>oral</c>).</summary>
    public const string ClaimType = "http://terminology.hl7.org/CodeSystem/claim-type";

    /// <summary>HL7 process priority (<c>normal</c>).</summary>
    public const string ProcessPriority = "http://terminology.hl7.org/CodeSystem/processpriority";

    /// <summary>HL7 related-claim relationship (<c>prior</c>).</summary>
    public const string RelatedClaimRelationship = "http://terminology.hl7.org/CodeSystem/related-claim-relationship";

    /// <summary>HL7 claim care-team role (<c>primary</c>).</summary>
    public const string CareTeamRole = "http://terminology.hl7.org/CodeSystem/claimcareteamrole";

    /// <summary>HL7 claim information category (<c>attachment</c>, <c>missingtooth</c>, <c>prosthesis</c>, <c>info</c>…).</summary>
    public const string InformationCategory = "http://terminology.hl7.org/CodeSystem/claiminformationcategory";

    /// <summary>
    /// CARIN Blue Button supporting-info types; its <c>additionalbodysite</c> is how the oral EOB carries teeth past the
    /// first one, so the claim does the same.
    /// </summary>
    public const string CarinSupportingInfoType = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType";

    /// <summary>ICD-10-CM (US payers).</summary>
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

    /// <summary>WHO ICD-10 (МКБ-10, payers outside the US).</summary>
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";

    /// <summary>
    /// Номенклатура медицинских услуг (приказ № 804н) in the Ministry of Health NSI register, by its OID.
    /// </summary>
    public const string Nomenclature804n = "urn:oid:1.2.643.5.1.13.13.11.1070";

    /// <summary>FDI (ISO 3950) teeth and quadrants, the R4 example set: 0 oral cavity, 1–4 quadrants, 11–48 teeth.</summary>
    public const string FdiTooth = "http://terminology.hl7.org/CodeSystem/ex-tooth";

    /// <summary>FDI tooth surfaces (M O I D B V L).</summary>
    public const string FdiSurface = "http://terminology.hl7.org/CodeSystem/FDI-surface";

    /// <summary>ADA Universal tooth designation (1–32, A–T).</summary>
    public const string AdaUniversalTooth = "http://terminology.hl7.org/CodeSystem/ADAUniversalToothDesignationSystem";

    /// <summary>ADA area of the oral cavity (the X12 SV304 codes 00, 01, 02, 10, 20, 30, 40).</summary>
    public const string AdaOralArea = "http://terminology.hl7.org/CodeSystem/ADAAreaOralCavitySystem";

    /// <summary>CMS place of service codes (X12 CLM05-1).</summary>
    public const string PlaceOfService = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";

    /// <summary>HL7 v3 ActCode, for the accident type (MVA, WPA).</summary>
    public const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    /// <summary>X12 related-causes codes (CLM11: AA, EM, OA).</summary>
    public const string X12RelatedCauses = "https://codesystem.x12.org/005010/1362";

    /// <summary>X12 report type codes of attachments (PWK01: RB, DG, OZ…).</summary>
    public const string X12ReportType = "https://codesystem.x12.org/005010/755";

    /// <summary>X12 report transmission codes (PWK02: EL, BM, FX, FT, AA).</summary>
    public const string X12ReportTransmission = "https://codesystem.x12.org/005010/756";

    /// <summary>X12 prosthesis, crown or inlay codes (SV305: I initial, R replacement).</summary>
    public const string X12Prosthesis = "https://codesystem.x12.org/005010/1358";

    /// <summary>X12 tooth status codes (DN202: M missing, E to be extracted).</summary>
    public const string X12ToothStatus = "https://codesystem.x12.org/005010/1368";

    /// <summary>US tax id (EIN) of the billing practice.</summary>
    public const string UsTaxId = "urn:oid:2.16.840.1.113883.4.4";

    /// <summary>ИНН (taxpayer number) of a Russian clinic.</summary>
    public const string Inn = "urn:oid:1.2.643.100.4";

    /// <summary>ОГРН (state registration number) of a Russian clinic.</summary>
    public const string Ogrn = "urn:oid:1.2.643.100.1";
}
