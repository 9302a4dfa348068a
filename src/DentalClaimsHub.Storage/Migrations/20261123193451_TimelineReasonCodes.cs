using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class TimelineReasonCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "reason_args",
                table: "claim_timeline",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "reason_code",
                table: "claim_timeline",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            // Entries written before reasons had codes: read the code back from the English sentence the hub wrote, so the
            // work queue groups them in SQL and the console words them per language. A sentence that does not match keeps no code.
            migrationBuilder.Sql("""
                UPDATE claim_timeline SET reason_code = 'ta1', reason_args = ARRAY[
                    coalesce((regexp_match(reason, '^TA1 rejected interchange (\S+)'))[1], ''),
                    coalesce((regexp_match(reason, 'note code (\w+)'))[1], '')]
                WHERE reason_code IS NULL AND reason LIKE 'TA1 rejected interchange %';
                UPDATE claim_timeline SET reason_code = '999', reason_args = ARRAY[
                    coalesce((regexp_match(reason, '^999 rejected transaction set (\S+)'))[1], ''),
                    coalesce((regexp_match(reason, 'IK5 (\w)'))[1], 'R'),
                    coalesce((regexp_match(reason, 'IK5 \w: (.*)\)$'))[1], '')]
                WHERE reason_code IS NULL AND reason LIKE '999 rejected transaction set %';
                UPDATE claim_timeline SET reason_code = '277ca', reason_args = ARRAY[
                    coalesce((regexp_match(reason, '^277CA ([A-Z]\d:\d+)'))[1], ''),
                    coalesce((regexp_match(reason, '^277CA [A-Z]\d:\d+:(\w+)'))[1], '')]
                WHERE reason_code IS NULL AND reason ~ '^277CA [A-Z]\d:\d+';
                UPDATE claim_timeline SET reason_code = '277', reason_args = ARRAY[
                    coalesce((regexp_match(reason, '^277 ([A-Z]\d:\d+)'))[1], ''),
                    coalesce((regexp_match(reason, '^277 [A-Z]\d:\d+:(\w+)'))[1], '')]
                WHERE reason_code IS NULL AND reason ~ '^277 [A-Z]\d:\d+';
                UPDATE claim_timeline SET reason_code = 'fhir-error', reason_args = ARRAY[
                    CASE WHEN reason = 'ClaimResponse error: no reason given' THEN '' ELSE substr(reason, 22) END]
                WHERE reason_code IS NULL AND reason LIKE 'ClaimResponse error: %';
                UPDATE claim_timeline SET reason_code = '835', reason_args = ARRAY[
                    coalesce((regexp_match(reason, '\m((?:CO|PR|OA|PI|CR)-[A-Z0-9]{1,5})\M'))[1], ''),
                    coalesce(array_to_string(ARRAY(SELECT m[1] FROM regexp_matches(reason, '\m((?:CO|PR|OA|PI|CR)-[A-Z0-9]{1,5})\M', 'g') AS m), ','), ''),
                    '', '', '', '']
                WHERE reason_code IS NULL AND "to" = 'Denied' AND reason LIKE 'Denied (CLP02 4)%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reason_args",
                table: "claim_timeline");

            migrationBuilder.DropColumn(
                name: "reason_code",
                table: "claim_timeline");
        }
    }
}
