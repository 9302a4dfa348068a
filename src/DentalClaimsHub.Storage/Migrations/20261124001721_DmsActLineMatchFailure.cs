using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class DmsActLineMatchFailure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "match_failure",
                table: "dms_act_lines",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            // Lines imported before: the importer's two English wordings tell which failure it was.
            migrationBuilder.Sql(
                "UPDATE dms_act_lines SET match_failure = CASE WHEN match_problem LIKE 'no claim %' THEN 'no-claim' ELSE 'no-line' END "
                + "WHERE match_problem IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "match_failure",
                table: "dms_act_lines");
        }
    }
}
