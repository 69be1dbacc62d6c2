using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeHarbor.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Bureaus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Units_Name",
                table: "Units");

            migrationBuilder.DropIndex(
                name: "IX_IssuedDocuments_Number",
                table: "IssuedDocuments");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Counters",
                table: "Counters");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Number",
                table: "Cases");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditHeads",
                table: "AuditHeads");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AssessmentPeriods_Kind_Year_Quarter",
                table: "AssessmentPeriods");

            migrationBuilder.DropIndex(
                name: "IX_ArchiveRecords_ArchiveNumber",
                table: "ArchiveRecords");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "AuditHeads");

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "WarningNotices",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "Units",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "SupportMeasures",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "SupplementRequests",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "RiskPoints",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "ResultRecords",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "ReminderLetters",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "RectificationPlans",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "PublicationRecords",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "PreventionThresholds",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "Persons",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "PersonAssessments",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "Meetings",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "IssuedDocuments",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "HeartTalks",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "GuidanceRequests",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "FeedbackNotices",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "EvidenceFiles",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "DocumentJobs",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "DeadlineNotices",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "Counters",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "CorrectionTalks",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "Commendations",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "CauseAnalyses",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "Cases",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "AuditHeads",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "AuditEntries",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "AssessmentSchemes",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "AssessmentPeriods",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "AspNetUsers",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "ArchiveRecords",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddColumn<Guid>(
                name: "BureauId",
                table: "AbuseReports",
                type: "uuid",
                nullable: false,
                defaultValue: MigrationData.LegacyBureauId);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Counters",
                table: "Counters",
                columns: new[] { "BureauId", "Name", "Year" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditHeads",
                table: "AuditHeads",
                column: "BureauId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries",
                columns: new[] { "BureauId", "Sequence" });

            migrationBuilder.CreateTable(
                name: "Bureaus",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ShortName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PartyGroup = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Office = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Discipline = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PartyCommittee = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GuidanceGroup = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bureaus", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bureaus_Bureaus_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Bureaus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.Sql(MigrationData.LegacyBureauSql(postgres: true));

            migrationBuilder.CreateIndex(
                name: "IX_WarningNotices_BureauId",
                table: "WarningNotices",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_Units_BureauId",
                table: "Units",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_Units_BureauId_Name",
                table: "Units",
                columns: new[] { "BureauId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportMeasures_BureauId",
                table: "SupportMeasures",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplementRequests_BureauId",
                table: "SupplementRequests",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskPoints_BureauId",
                table: "RiskPoints",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultRecords_BureauId",
                table: "ResultRecords",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderLetters_BureauId",
                table: "ReminderLetters",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationPlans_BureauId",
                table: "RectificationPlans",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationRecords_BureauId",
                table: "PublicationRecords",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_PreventionThresholds_BureauId",
                table: "PreventionThresholds",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_BureauId",
                table: "Persons",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonAssessments_BureauId",
                table: "PersonAssessments",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_BureauId",
                table: "Meetings",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_BureauId",
                table: "IssuedDocuments",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_BureauId_Number",
                table: "IssuedDocuments",
                columns: new[] { "BureauId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HeartTalks_BureauId",
                table: "HeartTalks",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceRequests_BureauId",
                table: "GuidanceRequests",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackNotices_BureauId",
                table: "FeedbackNotices",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_BureauId",
                table: "EvidenceFiles",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentJobs_BureauId",
                table: "DocumentJobs",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineNotices_BureauId",
                table: "DeadlineNotices",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_Counters_BureauId",
                table: "Counters",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionTalks_BureauId",
                table: "CorrectionTalks",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_Commendations_BureauId",
                table: "Commendations",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_CauseAnalyses_BureauId",
                table: "CauseAnalyses",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_BureauId",
                table: "Cases",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_BureauId_Number",
                table: "Cases",
                columns: new[] { "BureauId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditHeads_BureauId",
                table: "AuditHeads",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_BureauId",
                table: "AuditEntries",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSchemes_BureauId",
                table: "AssessmentSchemes",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentPeriods_BureauId",
                table: "AssessmentPeriods",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentPeriods_BureauId_Kind_Year_Quarter",
                table: "AssessmentPeriods",
                columns: new[] { "BureauId", "Kind", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_BureauId",
                table: "AspNetUsers",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveRecords_BureauId",
                table: "ArchiveRecords",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveRecords_BureauId_ArchiveNumber",
                table: "ArchiveRecords",
                columns: new[] { "BureauId", "ArchiveNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AbuseReports_BureauId",
                table: "AbuseReports",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_Bureaus_Code",
                table: "Bureaus",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bureaus_ParentId",
                table: "Bureaus",
                column: "ParentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Bureaus");

            migrationBuilder.DropIndex(
                name: "IX_WarningNotices_BureauId",
                table: "WarningNotices");

            migrationBuilder.DropIndex(
                name: "IX_Units_BureauId",
                table: "Units");

            migrationBuilder.DropIndex(
                name: "IX_Units_BureauId_Name",
                table: "Units");

            migrationBuilder.DropIndex(
                name: "IX_SupportMeasures_BureauId",
                table: "SupportMeasures");

            migrationBuilder.DropIndex(
                name: "IX_SupplementRequests_BureauId",
                table: "SupplementRequests");

            migrationBuilder.DropIndex(
                name: "IX_RiskPoints_BureauId",
                table: "RiskPoints");

            migrationBuilder.DropIndex(
                name: "IX_ResultRecords_BureauId",
                table: "ResultRecords");

            migrationBuilder.DropIndex(
                name: "IX_ReminderLetters_BureauId",
                table: "ReminderLetters");

            migrationBuilder.DropIndex(
                name: "IX_RectificationPlans_BureauId",
                table: "RectificationPlans");

            migrationBuilder.DropIndex(
                name: "IX_PublicationRecords_BureauId",
                table: "PublicationRecords");

            migrationBuilder.DropIndex(
                name: "IX_PreventionThresholds_BureauId",
                table: "PreventionThresholds");

            migrationBuilder.DropIndex(
                name: "IX_Persons_BureauId",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_PersonAssessments_BureauId",
                table: "PersonAssessments");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_BureauId",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_IssuedDocuments_BureauId",
                table: "IssuedDocuments");

            migrationBuilder.DropIndex(
                name: "IX_IssuedDocuments_BureauId_Number",
                table: "IssuedDocuments");

            migrationBuilder.DropIndex(
                name: "IX_HeartTalks_BureauId",
                table: "HeartTalks");

            migrationBuilder.DropIndex(
                name: "IX_GuidanceRequests_BureauId",
                table: "GuidanceRequests");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackNotices_BureauId",
                table: "FeedbackNotices");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceFiles_BureauId",
                table: "EvidenceFiles");

            migrationBuilder.DropIndex(
                name: "IX_DocumentJobs_BureauId",
                table: "DocumentJobs");

            migrationBuilder.DropIndex(
                name: "IX_DeadlineNotices_BureauId",
                table: "DeadlineNotices");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Counters",
                table: "Counters");

            migrationBuilder.DropIndex(
                name: "IX_Counters_BureauId",
                table: "Counters");

            migrationBuilder.DropIndex(
                name: "IX_CorrectionTalks_BureauId",
                table: "CorrectionTalks");

            migrationBuilder.DropIndex(
                name: "IX_Commendations_BureauId",
                table: "Commendations");

            migrationBuilder.DropIndex(
                name: "IX_CauseAnalyses_BureauId",
                table: "CauseAnalyses");

            migrationBuilder.DropIndex(
                name: "IX_Cases_BureauId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_BureauId_Number",
                table: "Cases");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditHeads",
                table: "AuditHeads");

            migrationBuilder.DropIndex(
                name: "IX_AuditHeads_BureauId",
                table: "AuditHeads");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_BureauId",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AssessmentSchemes_BureauId",
                table: "AssessmentSchemes");

            migrationBuilder.DropIndex(
                name: "IX_AssessmentPeriods_BureauId",
                table: "AssessmentPeriods");

            migrationBuilder.DropIndex(
                name: "IX_AssessmentPeriods_BureauId_Kind_Year_Quarter",
                table: "AssessmentPeriods");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_BureauId",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_ArchiveRecords_BureauId",
                table: "ArchiveRecords");

            migrationBuilder.DropIndex(
                name: "IX_ArchiveRecords_BureauId_ArchiveNumber",
                table: "ArchiveRecords");

            migrationBuilder.DropIndex(
                name: "IX_AbuseReports_BureauId",
                table: "AbuseReports");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "WarningNotices");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "SupportMeasures");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "SupplementRequests");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "RiskPoints");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "ResultRecords");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "ReminderLetters");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "RectificationPlans");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "PublicationRecords");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "PreventionThresholds");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "PersonAssessments");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "IssuedDocuments");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "HeartTalks");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "GuidanceRequests");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "FeedbackNotices");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "DocumentJobs");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "DeadlineNotices");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "Counters");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "CorrectionTalks");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "Commendations");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "CauseAnalyses");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "AuditHeads");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "AssessmentSchemes");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "AssessmentPeriods");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "ArchiveRecords");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "AbuseReports");

            migrationBuilder.AddColumn<int>(
                name: "Id",
                table: "AuditHeads",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Counters",
                table: "Counters",
                columns: new[] { "Name", "Year" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditHeads",
                table: "AuditHeads",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries",
                column: "Sequence");

            migrationBuilder.CreateIndex(
                name: "IX_Units_Name",
                table: "Units",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_Number",
                table: "IssuedDocuments",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Number",
                table: "Cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentPeriods_Kind_Year_Quarter",
                table: "AssessmentPeriods",
                columns: new[] { "Kind", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveRecords_ArchiveNumber",
                table: "ArchiveRecords",
                column: "ArchiveNumber",
                unique: true);
        }
    }
}
