using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class StoredFilesContentProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows stored so far are plain ("None"); the hub's start-up sweep encrypts them (SQL cannot reach the key ring).
            migrationBuilder.AddColumn<string>(
                name: "content_protection",
                table: "messages",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "content_protection",
                table: "dms_registries",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "None");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "content_protection",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "content_protection",
                table: "dms_registries");
        }
    }
}
