using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class PracticePayToAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "pay_to_address_city",
                table: "practices",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pay_to_address_country_code",
                table: "practices",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pay_to_address_line1",
                table: "practices",
                type: "character varying(110)",
                maxLength: 110,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pay_to_address_line2",
                table: "practices",
                type: "character varying(110)",
                maxLength: 110,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pay_to_address_postal_code",
                table: "practices",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pay_to_address_region",
                table: "practices",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "pay_to_address_city",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "pay_to_address_country_code",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "pay_to_address_line1",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "pay_to_address_line2",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "pay_to_address_postal_code",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "pay_to_address_region",
                table: "practices");
        }
    }
}
