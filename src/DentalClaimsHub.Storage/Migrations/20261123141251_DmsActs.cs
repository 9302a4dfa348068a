using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class DmsActs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dms_acts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payer_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: true),
                    remittance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    billed = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    accepted = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    refused = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    problems = table.Column<string>(type: "jsonb", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dms_acts", x => x.id);
                    table.ForeignKey(
                        name: "fk_dms_acts_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dms_act_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    act_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    row = table.Column<int>(type: "integer", nullable: false),
                    registry_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    claim_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    line_reference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    service_date = table.Column<DateOnly>(type: "date", nullable: true),
                    service_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    tooth = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    billed = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    accepted = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    refused = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    reason_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    reason_text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    adjustment_reason = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: true),
                    claim_line_number = table.Column<int>(type: "integer", nullable: true),
                    match_problem = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    work_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    work_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    worked_by = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    worked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dms_act_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_dms_act_lines_dms_acts_act_id",
                        column: x => x.act_id,
                        principalTable: "dms_acts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dms_act_lines_act_id",
                table: "dms_act_lines",
                column: "act_id");

            migrationBuilder.CreateIndex(
                name: "ix_dms_act_lines_claim_id",
                table: "dms_act_lines",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_dms_act_lines_practice_id_work_status",
                table: "dms_act_lines",
                columns: new[] { "practice_id", "work_status" });

            migrationBuilder.CreateIndex(
                name: "ix_dms_acts_practice_id_payer_id_number",
                table: "dms_acts",
                columns: new[] { "practice_id", "payer_id", "number" },
                unique: true,
                filter: "number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dms_acts_practice_id_payer_id_sha256",
                table: "dms_acts",
                columns: new[] { "practice_id", "payer_id", "sha256" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dms_act_lines");

            migrationBuilder.DropTable(
                name: "dms_acts");
        }
    }
}
