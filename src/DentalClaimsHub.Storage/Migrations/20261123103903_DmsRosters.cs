using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class DmsRosters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dms_memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payer_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    policy_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    policy_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name_key = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    last_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    first_name = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    middle_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    sex = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    program_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    program_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    franchise_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    exclusions = table.Column<string[]>(type: "text[]", nullable: false),
                    contract_number = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    policyholder = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    clinic = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    phone = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    attached_from = table.Column<DateOnly>(type: "date", nullable: true),
                    detached_from = table.Column<DateOnly>(type: "date", nullable: true),
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dms_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_dms_memberships_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "roster_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payer_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    encoding = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    document_number = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    document_date = table.Column<DateOnly>(type: "date", nullable: true),
                    contract_number = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    as_of = table.Column<DateOnly>(type: "date", nullable: true),
                    rows_read = table.Column<int>(type: "integer", nullable: false),
                    bytes_read = table.Column<long>(type: "bigint", nullable: false),
                    allow_partial = table.Column<bool>(type: "boolean", nullable: false),
                    zip_password = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    attached = table.Column<int>(type: "integer", nullable: false),
                    detached = table.Column<int>(type: "integer", nullable: false),
                    changed = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    duplicates = table.Column<int>(type: "integer", nullable: false),
                    error_count = table.Column<int>(type: "integer", nullable: false),
                    errors = table.Column<string>(type: "jsonb", nullable: false),
                    failure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    failure_row = table.Column<int>(type: "integer", nullable: true),
                    purge_after = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    purged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roster_imports", x => x.id);
                    table.ForeignKey(
                        name: "fk_roster_imports_practices_practice_id",
                        column: x => x.practice_id,
                        principalTable: "practices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "roster_import_chunks",
                columns: table => new
                {
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    practice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    @protected = table.Column<byte[]>(name: "protected", type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roster_import_chunks", x => new { x.import_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_roster_import_chunks_roster_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "roster_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dms_memberships_import_id",
                table: "dms_memberships",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_dms_memberships_practice_id_payer_id_policy_key_name_key",
                table: "dms_memberships",
                columns: new[] { "practice_id", "payer_id", "policy_key", "name_key" });

            migrationBuilder.CreateIndex(
                name: "ix_roster_imports_practice_id_payer_id_sha256",
                table: "roster_imports",
                columns: new[] { "practice_id", "payer_id", "sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_roster_imports_purge_after",
                table: "roster_imports",
                column: "purge_after",
                filter: "purged_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_roster_imports_status_received_at",
                table: "roster_imports",
                columns: new[] { "status", "received_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "dms_memberships");

            migrationBuilder.DropTable(
                name: "roster_import_chunks");

            migrationBuilder.DropTable(
                name: "roster_imports");
        }
    }
}
