using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeHarbor.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IncentiveCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Records already kept are at their first version, as a record is when recorded.
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "SupportMeasures",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "SupportMeasures",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WithdrawnBy",
                table: "SupportMeasures",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WithdrawnOn",
                table: "SupportMeasures",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "HeartTalks",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "HeartTalks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WithdrawnBy",
                table: "HeartTalks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WithdrawnOn",
                table: "HeartTalks",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Commendations",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Commendations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WithdrawnBy",
                table: "Commendations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WithdrawnOn",
                table: "Commendations",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "WithdrawnOn",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "HeartTalks");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "HeartTalks");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "HeartTalks");

            migrationBuilder.DropColumn(
                name: "WithdrawnOn",
                table: "HeartTalks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Commendations");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "Commendations");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "Commendations");

            migrationBuilder.DropColumn(
                name: "WithdrawnOn",
                table: "Commendations");
        }
    }
}
