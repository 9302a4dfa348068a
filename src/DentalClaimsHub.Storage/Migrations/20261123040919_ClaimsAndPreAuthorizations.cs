using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ClaimsAndPreAuthorizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coverage_id = table.Column<Guid>(type: "uuid", nullable: false),
                    secondary_coverage_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payer_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    rendering_provider_id = table.Column<Guid>(type: "uuid", nullable: true),
                    patient_control_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payer_claim_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    frequency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    original_claim_id = table.Column<Guid>(type: "uuid", nullable: true),
                    original_payer_claim_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    place_of_service = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    orthodontics = table.Column<string>(type: "jsonb", nullable: true),
                    accident = table.Column<string>(type: "jsonb", nullable: true),
                    prior_authorization_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    predetermination_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    state = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attachments = table.Column<string>(type: "jsonb", nullable: false),
                    diagnoses = table.Column<string>(type: "jsonb", nullable: false),
                    missing_teeth = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_claims_claims_original_claim_id",
                        column: x => x.original_claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claims_coverages_coverage_id",
                        column: x => x.coverage_id,
                        principalTable: "coverages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claims_coverages_secondary_coverage_id",
                        column: x => x.secondary_coverage_id,
                        principalTable: "coverages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_claims_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claims_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pre_authorizations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coverage_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payer_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    reference_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    payer_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lines = table.Column<string>(type: "jsonb", nullable: false),
                    limit_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    limit_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pre_authorizations", x => x.id);
                    table.ForeignKey(
                        name: "fk_pre_authorizations_coverages_coverage_id",
                        column: x => x.coverage_id,
                        principalTable: "coverages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pre_authorizations_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pre_authorizations_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "claim_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_number = table.Column<int>(type: "integer", nullable: false),
                    line_control_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    tooth = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    surfaces = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    area = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    prosthesis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    prior_placement_date = table.Column<DateOnly>(type: "date", nullable: true),
                    units = table.Column<int>(type: "integer", nullable: false),
                    service_date = table.Column<DateOnly>(type: "date", nullable: true),
                    prior_authorization_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    additional_teeth = table.Column<string>(type: "jsonb", nullable: false),
                    diagnosis_pointers = table.Column<string>(type: "jsonb", nullable: false),
                    fee_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    fee_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    procedure_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    procedure_system = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_claim_lines_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "claim_timeline",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    to = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    raw_message_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_timeline", x => x.id);
                    table.ForeignKey(
                        name: "fk_claim_timeline_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_claim_lines_claim_id_line_number",
                table: "claim_lines",
                columns: new[] { "claim_id", "line_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claim_timeline_claim_id_sequence",
                table: "claim_timeline",
                columns: new[] { "claim_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claims_coverage_id",
                table: "claims",
                column: "coverage_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_original_claim_id",
                table: "claims",
                column: "original_claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_patient_id",
                table: "claims",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_payer_claim_number",
                table: "claims",
                column: "payer_claim_number");

            migrationBuilder.CreateIndex(
                name: "ix_claims_payer_id_patient_control_number",
                table: "claims",
                columns: new[] { "payer_id", "patient_control_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claims_practice_id_state_created_at",
                table: "claims",
                columns: new[] { "practice_id", "state", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_secondary_coverage_id",
                table: "claims",
                column: "secondary_coverage_id");

            migrationBuilder.CreateIndex(
                name: "ix_pre_authorizations_coverage_id",
                table: "pre_authorizations",
                column: "coverage_id");

            migrationBuilder.CreateIndex(
                name: "ix_pre_authorizations_patient_id",
                table: "pre_authorizations",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_pre_authorizations_payer_id_reference_number",
                table: "pre_authorizations",
                columns: new[] { "payer_id", "reference_number" });

            migrationBuilder.CreateIndex(
                name: "ix_pre_authorizations_practice_id_status_created_at",
                table: "pre_authorizations",
                columns: new[] { "practice_id", "status", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "claim_lines");

            migrationBuilder.DropTable(
                name: "claim_timeline");

            migrationBuilder.DropTable(
                name: "pre_authorizations");

            migrationBuilder.DropTable(
                name: "claims");
        }
    }
}
