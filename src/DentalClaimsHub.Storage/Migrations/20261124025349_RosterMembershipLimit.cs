using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class RosterMembershipLimit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "limit_amount",
                table: "dms_memberships",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "limit_amount",
                table: "dms_memberships");
        }
    }
}
