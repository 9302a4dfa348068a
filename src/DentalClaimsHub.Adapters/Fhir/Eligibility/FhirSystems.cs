namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>Code systems and identifier systems used by the eligibility mappings.</summary>
public static class FhirSystems
{
    /// <summary>ADA CDT procedure codes.</summary>
    public const string Cdt = "http://www.ada.org/cdt";

    /// <summary>X12 service type codes (EB03/EQ01), used for benefit categories.</summary>
    public const string X12ServiceType = "https://codesystem.x12.org/005010/1365";

    /// <summary>HL7 example benefit categories; its dental codes equal the X12 service types.</summary>
    public const string BenefitCategory = "http://terminology.hl7.org/CodeSystem/ex-benefitcategory";

    /// <summary>US National Provider Identifier.</summary>
    public const string Npi = "http://hl7.org/fhir/sid/us-npi";

    /// <summary>NUCC health care provider taxonomy.</summary>
    public const string Taxonomy = "http://nucc.org/provider-taxonomy";

    /// <summary>Our payer ids (payer profile ids).</summary>
    public const string PayerId = "urn:dentalclaimshub:payer";

    /// <summary>Our patient ids.</summary>
    public const string PatientId = "urn:dentalclaimshub:patient";

    /// <summary>HL7 subscriber relationship codes.</summary>
    public const string SubscriberRelationship = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";

    /// <summary>HL7 coverage class codes (group, plan).</summary>
    public const string CoverageClass = "http://terminology.hl7.org/CodeSystem/coverage-class";
}
