using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeHarbor.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProvisionalDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DueProvisionalReason",
                table: "SupplementRequests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WorkingDays",
                table: "SupplementRequests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CountedFrom",
                table: "RectificationMeasures",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DueProvisionalReason",
                table: "RectificationMeasures",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicationDeadlineProvisionalReason",
                table: "Cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupplementDueProvisionalReason",
                table: "Cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WasRefusedAsLate",
                table: "Cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Until now a late application was refused the moment it was filed, so every application filed after
            // its deadline was refused as late; from now on the refusal is recorded, not derived from the dates.
            migrationBuilder.Sql(
                "UPDATE \"Cases\" SET \"WasRefusedAsLate\" = TRUE WHERE \"Application_SubmittedOn\" IS NOT NULL AND \"Application_SubmittedOn\" > \"ApplicationDeadline\";");

            migrationBuilder.CreateTable(
                name: "DeadlineNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DismissedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineNotices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineNotices_PersonId_DismissedAt",
                table: "DeadlineNotices",
                columns: new[] { "PersonId", "DismissedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineNotices");

            migrationBuilder.DropColumn(
                name: "DueProvisionalReason",
                table: "SupplementRequests");

            migrationBuilder.DropColumn(
                name: "WorkingDays",
                table: "SupplementRequests");

            migrationBuilder.DropColumn(
                name: "CountedFrom",
                table: "RectificationMeasures");

            migrationBuilder.DropColumn(
                name: "DueProvisionalReason",
                table: "RectificationMeasures");

            migrationBuilder.DropColumn(
                name: "ApplicationDeadlineProvisionalReason",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SupplementDueProvisionalReason",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WasRefusedAsLate",
                table: "Cases");
        }
    }
}
