using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ClaimTimelineLength : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "timeline_length",
                table: "claims",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Existing claims: the highest sequence number of their timeline, so the next entry continues it.
            migrationBuilder.Sql(
                "UPDATE claims AS c SET timeline_length = t.last FROM (SELECT claim_id, max(sequence) AS last FROM claim_timeline GROUP BY claim_id) AS t "
                + "WHERE t.claim_id = c.id;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "timeline_length",
                table: "claims");
        }
    }
}
