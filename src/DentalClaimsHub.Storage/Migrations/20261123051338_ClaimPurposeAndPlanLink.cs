using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DentalClaimsHub.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ClaimPurposeAndPlanLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "request_claim_id",
                table: "pre_authorizations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "purpose",
                table: "claims",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "Claim");

            migrationBuilder.CreateIndex(
                name: "ix_pre_authorizations_request_claim_id",
                table: "pre_authorizations",
                column: "request_claim_id",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_pre_authorizations_claims_request_claim_id",
                table: "pre_authorizations",
                column: "request_claim_id",
                principalTable: "claims",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_pre_authorizations_claims_request_claim_id",
                table: "pre_authorizations");

            migrationBuilder.DropIndex(
                name: "ix_pre_authorizations_request_claim_id",
                table: "pre_authorizations");

            migrationBuilder.DropColumn(
                name: "request_claim_id",
                table: "pre_authorizations");

            migrationBuilder.DropColumn(
                name: "purpose",
                table: "claims");
        }
    }
}
