using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ClaimPatientPaid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "patient_paid",
                table: "claims",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "patient_paid",
                table: "claims");
        }
    }
}
