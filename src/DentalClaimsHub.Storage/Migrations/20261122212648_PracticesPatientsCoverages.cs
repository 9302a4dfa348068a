using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class PracticesPatientsCoverages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "practices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    time_zone_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    npi = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    tax_id = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    inn = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    ogrn = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "patients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    sex = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    address_line1 = table.Column<string>(type: "character varying(110)", maxLength: 110, nullable: true),
                    address_line2 = table.Column<string>(type: "character varying(110)", maxLength: 110, nullable: true),
                    address_city = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    address_region = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    address_postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    address_country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    external_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    middle_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    name_suffix = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patients", x => x.id);
                    table.ForeignKey(
                        name: "fk_patients_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "coverages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payer_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    member_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    group_number = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    group_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    plan_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    order = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    relationship = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    subscriber = table.Column<string>(type: "jsonb", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    dms = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coverages", x => x.id);
                    table.ForeignKey(
                        name: "fk_coverages_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_coverages_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_coverages_patient_id",
                table: "coverages",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_coverages_payer_id_member_id",
                table: "coverages",
                columns: new[] { "payer_id", "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_coverages_practice_id_patient_id",
                table: "coverages",
                columns: new[] { "practice_id", "patient_id" });

            migrationBuilder.CreateIndex(
                name: "ix_patients_practice_id_external_id",
                table: "patients",
                columns: new[] { "practice_id", "external_id" },
                unique: true,
                filter: "external_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_patients_practice_id_id",
                table: "patients",
                columns: new[] { "practice_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "coverages");

            migrationBuilder.DropTable(
                name: "patients");

            migrationBuilder.DropTable(
                name: "practices");
        }
    }
}
