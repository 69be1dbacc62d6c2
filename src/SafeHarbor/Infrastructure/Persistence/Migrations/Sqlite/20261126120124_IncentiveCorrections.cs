using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeHarbor.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "SupportMeasures",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WithdrawnBy",
                table: "SupportMeasures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WithdrawnOn",
                table: "SupportMeasures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "HeartTalks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "HeartTalks",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WithdrawnBy",
                table: "HeartTalks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WithdrawnOn",
                table: "HeartTalks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Commendations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Commendations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WithdrawnBy",
                table: "Commendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WithdrawnOn",
                table: "Commendations",
                type: "TEXT",
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
