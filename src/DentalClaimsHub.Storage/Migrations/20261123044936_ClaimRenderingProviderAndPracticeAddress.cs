using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ClaimRenderingProviderAndPracticeAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rendering_provider_id",
                table: "claims");

            migrationBuilder.AddColumn<string>(
                name: "address_city",
                table: "practices",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_country_code",
                table: "practices",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_line1",
                table: "practices",
                type: "character varying(110)",
                maxLength: 110,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_line2",
                table: "practices",
                type: "character varying(110)",
                maxLength: 110,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_postal_code",
                table: "practices",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_region",
                table: "practices",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rendering_provider",
                table: "claims",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "address_city",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "address_country_code",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "address_line1",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "address_line2",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "address_postal_code",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "address_region",
                table: "practices");

            migrationBuilder.DropColumn(
                name: "rendering_provider",
                table: "claims");

            migrationBuilder.AddColumn<Guid>(
                name: "rendering_provider_id",
                table: "claims",
                type: "uuid",
                nullable: true);
        }
    }
}
