using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class EligibilityProceduresProviderFailure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "failure_code",
                table: "eligibility_checks",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "procedures",
                table: "eligibility_checks",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "provider",
                table: "eligibility_checks",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retry_at",
                table: "eligibility_checks",
                type: "timestamp with time zone",
                nullable: true);

            // Failures used to be stored as "code: detail" in one column.
            migrationBuilder.Sql("""
                UPDATE eligibility_checks
                   SET failure_code = split_part(failure_reason, ': ', 1),
                       failure_reason = substr(failure_reason, strpos(failure_reason, ': ') + 2)
                 WHERE failure_reason ~ '^[a-z_]+: ';
                UPDATE eligibility_checks SET failure_code = 'payer_error' WHERE failure_reason IS NOT NULL AND failure_code IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "failure_code",
                table: "eligibility_checks");

            migrationBuilder.DropColumn(
                name: "procedures",
                table: "eligibility_checks");

            migrationBuilder.DropColumn(
                name: "provider",
                table: "eligibility_checks");

            migrationBuilder.DropColumn(
                name: "retry_at",
                table: "eligibility_checks");
        }
    }
}
