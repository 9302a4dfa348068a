using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class DmsMembershipsBulkInsert : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_dms_memberships_practices_practice_id",
                table: "dms_memberships");

            migrationBuilder.DropIndex(
                name: "ix_dms_memberships_import_id",
                table: "dms_memberships");

            migrationBuilder.DropIndex(
                name: "ix_dms_memberships_practice_id_payer_id_policy_key_name_key",
                table: "dms_memberships");

            migrationBuilder.CreateIndex(
                name: "ix_dms_memberships_practice_id_payer_id_policy_key",
                table: "dms_memberships",
                columns: new[] { "practice_id", "payer_id", "policy_key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dms_memberships_practice_id_payer_id_policy_key",
                table: "dms_memberships");

            migrationBuilder.CreateIndex(
                name: "ix_dms_memberships_import_id",
                table: "dms_memberships",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_dms_memberships_practice_id_payer_id_policy_key_name_key",
                table: "dms_memberships",
                columns: new[] { "practice_id", "payer_id", "policy_key", "name_key" });

            migrationBuilder.AddForeignKey(
                name: "fk_dms_memberships_practices_practice_id",
                table: "dms_memberships",
                column: "practice_id",
                principalTable: "practices",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
