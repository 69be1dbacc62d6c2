using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeHarbor.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MeetingAgendaItems_Meeting_MeetingId",
                table: "MeetingAgendaItems");

            migrationBuilder.DropForeignKey(
                name: "FK_MeetingMembers_Meeting_MeetingId",
                table: "MeetingMembers");

            migrationBuilder.DropForeignKey(
                name: "FK_MeetingRecusals_Meeting_MeetingId",
                table: "MeetingRecusals");

            migrationBuilder.DropForeignKey(
                name: "FK_MeetingVotes_Meeting_MeetingId",
                table: "MeetingVotes");

            migrationBuilder.DropPrimaryKey(
                name: "PK_SupplementRequest",
                table: "SupplementRequest");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PublicationRecord",
                table: "PublicationRecord");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Meeting",
                table: "Meeting");

            migrationBuilder.DropPrimaryKey(
                name: "PK_GuidanceRequest",
                table: "GuidanceRequest");

            migrationBuilder.DropPrimaryKey(
                name: "PK_FeedbackNotice",
                table: "FeedbackNotice");

            migrationBuilder.DropPrimaryKey(
                name: "PK_EvidenceFile",
                table: "EvidenceFile");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ArchiveRecord",
                table: "ArchiveRecord");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AbuseReport",
                table: "AbuseReport");

            migrationBuilder.RenameTable(
                name: "SupplementRequest",
                newName: "SupplementRequests");

            migrationBuilder.RenameTable(
                name: "PublicationRecord",
                newName: "PublicationRecords");

            migrationBuilder.RenameTable(
                name: "Meeting",
                newName: "Meetings");

            migrationBuilder.RenameTable(
                name: "GuidanceRequest",
                newName: "GuidanceRequests");

            migrationBuilder.RenameTable(
                name: "FeedbackNotice",
                newName: "FeedbackNotices");

            migrationBuilder.RenameTable(
                name: "EvidenceFile",
                newName: "EvidenceFiles");

            migrationBuilder.RenameTable(
                name: "ArchiveRecord",
                newName: "ArchiveRecords");

            migrationBuilder.RenameTable(
                name: "AbuseReport",
                newName: "AbuseReports");

            migrationBuilder.RenameIndex(
                name: "IX_SupplementRequest_CaseId",
                table: "SupplementRequests",
                newName: "IX_SupplementRequests_CaseId");

            migrationBuilder.RenameIndex(
                name: "IX_GuidanceRequest_CaseId",
                table: "GuidanceRequests",
                newName: "IX_GuidanceRequests_CaseId");

            migrationBuilder.RenameIndex(
                name: "IX_EvidenceFile_CaseId",
                table: "EvidenceFiles",
                newName: "IX_EvidenceFiles_CaseId");

            migrationBuilder.RenameIndex(
                name: "IX_ArchiveRecord_ArchiveNumber",
                table: "ArchiveRecords",
                newName: "IX_ArchiveRecords_ArchiveNumber");

            migrationBuilder.RenameIndex(
                name: "IX_AbuseReport_PersonId",
                table: "AbuseReports",
                newName: "IX_AbuseReports_PersonId");

            migrationBuilder.RenameIndex(
                name: "IX_AbuseReport_CaseId",
                table: "AbuseReports",
                newName: "IX_AbuseReports_CaseId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SupplementRequests",
                table: "SupplementRequests",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PublicationRecords",
                table: "PublicationRecords",
                column: "CaseId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Meetings",
                table: "Meetings",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_GuidanceRequests",
                table: "GuidanceRequests",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_FeedbackNotices",
                table: "FeedbackNotices",
                column: "CaseId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_EvidenceFiles",
                table: "EvidenceFiles",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ArchiveRecords",
                table: "ArchiveRecords",
                column: "CaseId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AbuseReports",
                table: "AbuseReports",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_MeetingAgendaItems_Meetings_MeetingId",
                table: "MeetingAgendaItems",
                column: "MeetingId",
                principalTable: "Meetings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MeetingMembers_Meetings_MeetingId",
                table: "MeetingMembers",
                column: "MeetingId",
                principalTable: "Meetings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MeetingRecusals_Meetings_MeetingId",
                table: "MeetingRecusals",
                column: "MeetingId",
                principalTable: "Meetings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MeetingVotes_Meetings_MeetingId",
                table: "MeetingVotes",
                column: "MeetingId",
                principalTable: "Meetings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MeetingAgendaItems_Meetings_MeetingId",
                table: "MeetingAgendaItems");

            migrationBuilder.DropForeignKey(
                name: "FK_MeetingMembers_Meetings_MeetingId",
                table: "MeetingMembers");

            migrationBuilder.DropForeignKey(
                name: "FK_MeetingRecusals_Meetings_MeetingId",
                table: "MeetingRecusals");

            migrationBuilder.DropForeignKey(
                name: "FK_MeetingVotes_Meetings_MeetingId",
                table: "MeetingVotes");

            migrationBuilder.DropPrimaryKey(
                name: "PK_SupplementRequests",
                table: "SupplementRequests");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PublicationRecords",
                table: "PublicationRecords");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Meetings",
                table: "Meetings");

            migrationBuilder.DropPrimaryKey(
                name: "PK_GuidanceRequests",
                table: "GuidanceRequests");

            migrationBuilder.DropPrimaryKey(
                name: "PK_FeedbackNotices",
                table: "FeedbackNotices");

            migrationBuilder.DropPrimaryKey(
                name: "PK_EvidenceFiles",
                table: "EvidenceFiles");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ArchiveRecords",
                table: "ArchiveRecords");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AbuseReports",
                table: "AbuseReports");

            migrationBuilder.RenameTable(
                name: "SupplementRequests",
                newName: "SupplementRequest");

            migrationBuilder.RenameTable(
                name: "PublicationRecords",
                newName: "PublicationRecord");

            migrationBuilder.RenameTable(
                name: "Meetings",
                newName: "Meeting");

            migrationBuilder.RenameTable(
                name: "GuidanceRequests",
                newName: "GuidanceRequest");

            migrationBuilder.RenameTable(
                name: "FeedbackNotices",
                newName: "FeedbackNotice");

            migrationBuilder.RenameTable(
                name: "EvidenceFiles",
                newName: "EvidenceFile");

            migrationBuilder.RenameTable(
                name: "ArchiveRecords",
                newName: "ArchiveRecord");

            migrationBuilder.RenameTable(
                name: "AbuseReports",
                newName: "AbuseReport");

            migrationBuilder.RenameIndex(
                name: "IX_SupplementRequests_CaseId",
                table: "SupplementRequest",
                newName: "IX_SupplementRequest_CaseId");

            migrationBuilder.RenameIndex(
                name: "IX_GuidanceRequests_CaseId",
                table: "GuidanceRequest",
                newName: "IX_GuidanceRequest_CaseId");

            migrationBuilder.RenameIndex(
                name: "IX_EvidenceFiles_CaseId",
                table: "EvidenceFile",
                newName: "IX_EvidenceFile_CaseId");

            migrationBuilder.RenameIndex(
                name: "IX_ArchiveRecords_ArchiveNumber",
                table: "ArchiveRecord",
                newName: "IX_ArchiveRecord_ArchiveNumber");

            migrationBuilder.RenameIndex(
                name: "IX_AbuseReports_PersonId",
                table: "AbuseReport",
                newName: "IX_AbuseReport_PersonId");

            migrationBuilder.RenameIndex(
                name: "IX_AbuseReports_CaseId",
                table: "AbuseReport",
                newName: "IX_AbuseReport_CaseId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SupplementRequest",
                table: "SupplementRequest",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PublicationRecord",
                table: "PublicationRecord",
                column: "CaseId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Meeting",
                table: "Meeting",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_GuidanceRequest",
                table: "GuidanceRequest",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_FeedbackNotice",
                table: "FeedbackNotice",
                column: "CaseId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_EvidenceFile",
                table: "EvidenceFile",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ArchiveRecord",
                table: "ArchiveRecord",
                column: "CaseId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AbuseReport",
                table: "AbuseReport",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_MeetingAgendaItems_Meeting_MeetingId",
                table: "MeetingAgendaItems",
                column: "MeetingId",
                principalTable: "Meeting",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MeetingMembers_Meeting_MeetingId",
                table: "MeetingMembers",
                column: "MeetingId",
                principalTable: "Meeting",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MeetingRecusals_Meeting_MeetingId",
                table: "MeetingRecusals",
                column: "MeetingId",
                principalTable: "Meeting",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MeetingVotes_Meeting_MeetingId",
                table: "MeetingVotes",
                column: "MeetingId",
                principalTable: "Meeting",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
