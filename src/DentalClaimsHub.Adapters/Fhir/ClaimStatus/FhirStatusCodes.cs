namespace DentalClaimsHub.Adapters.Fhir.ClaimStatus;

/// <summary>The HL7 code systems a status Task and its answer use.</summary>
public static class FhirStatusCodes
{
    /// <summary>Financial task codes (<c>poll</c>, <c>status</c>, <c>cancel</c>, <c>release</c>, <c>reprocess</c>).</summary>
    public const string FinancialTask = "http://terminology.hl7.org/CodeSystem/financialtaskcode";

    /// <summary>"Retrieve the processing status of the target resource."</summary>
    public const string StatusTask = "status";

    /// <summary>Adjudication categories of ClaimResponse items and totals (<c>submitted</c>, <c>benefit</c>…).</summary>
    public const string Adjudication = "http://terminology.hl7.org/CodeSystem/adjudication";
}
