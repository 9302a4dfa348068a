using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Remittances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "remittances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payer_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    payer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    raw_message_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payee_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    production_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_reference = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    problems = table.Column<string>(type: "jsonb", nullable: false),
                    provider_adjustments = table.Column<string>(type: "jsonb", nullable: false),
                    payment_method = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    payment_date = table.Column<DateOnly>(type: "date", nullable: true),
                    trace_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    payment_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    payment_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_remittances", x => x.id);
                    table.ForeignKey(
                        name: "fk_remittances_messages_raw_message_id",
                        column: x => x.raw_message_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_remittances_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "claim_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    patient_control_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    payer_claim_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: true),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    adjustments = table.Column<string>(type: "jsonb", nullable: false),
                    remark_codes = table.Column<string>(type: "jsonb", nullable: false),
                    remittance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_lines = table.Column<string>(type: "jsonb", nullable: false),
                    charge_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    charge_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    paid_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    paid_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    patient_responsibility_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    patient_responsibility_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_payments", x => x.id);
                    table.ForeignKey(
                        name: "fk_claim_payments_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claim_payments_remittances_remittance_id",
                        column: x => x.remittance_id,
                        principalTable: "remittances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_claim_payments_claim_id",
                table: "claim_payments",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_claim_payments_practice_id_claim_id",
                table: "claim_payments",
                columns: new[] { "practice_id", "claim_id" });

            migrationBuilder.CreateIndex(
                name: "ix_claim_payments_remittance_id_ordinal",
                table: "claim_payments",
                columns: new[] { "remittance_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_remittances_payer_id",
                table: "remittances",
                column: "payer_id");

            migrationBuilder.CreateIndex(
                name: "ix_remittances_practice_id_received_at",
                table: "remittances",
                columns: new[] { "practice_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_remittances_raw_message_id",
                table: "remittances",
                column: "raw_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_remittances_status",
                table: "remittances",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "claim_payments");

            migrationBuilder.DropTable(
                name: "remittances");
        }
    }
}
