using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeHarbor.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DocumentJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Instance = table.Column<int>(type: "INTEGER", nullable: false),
                    DocxSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    PdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PdfSize = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentJobs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentJobs_CaseId_Kind_Instance_DocxSha256",
                table: "DocumentJobs",
                columns: new[] { "CaseId", "Kind", "Instance", "DocxSha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentJobs_Status_RequestedAt",
                table: "DocumentJobs",
                columns: new[] { "Status", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentJobs");
        }
    }
}
