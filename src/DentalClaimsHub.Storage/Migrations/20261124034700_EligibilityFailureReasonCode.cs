using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class EligibilityFailureReasonCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "failure_reason_args",
                table: "eligibility_checks",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "failure_reason_code",
                table: "eligibility_checks",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "failure_reason_args",
                table: "eligibility_checks");

            migrationBuilder.DropColumn(
                name: "failure_reason_code",
                table: "eligibility_checks");
        }
    }
}
