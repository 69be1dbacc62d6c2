using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeHarbor.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AfterDecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ErrorKind",
                table: "Cases",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssessmentPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentPeriods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentSchemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitTypes = table.Column<string>(type: "TEXT", nullable: false),
                    PostKeyword = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    LeadersOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExcellentLine = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    CompetentLine = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    BasicLine = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    ExcellentQuotaPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtectedByUses = table.Column<string>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSchemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CauseAnalyses",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CauseAnalyses", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "Commendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AwardedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AwardedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commendations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CorrectionTalks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Interviewee = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IntervieweePersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TalkerPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TalkerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Points = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionTalks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HeartTalks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TalkerPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TalkerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Topics = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeartTalks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PreventionThresholds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Months = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    SetBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    SetOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreventionThresholds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RectificationPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosureSummary = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderLetters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Addressee = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Points = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderLetters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResultRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MatterTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UseCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    UseArticle = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    UseText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Mitigation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskPoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    BusinessField = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ErrorKind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    IdentifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskPoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProvidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportMeasures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WarningNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    RiskPointId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentIndicators",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MaxScore = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentIndicators", x => new { x.SchemeId, x.Code });
                    table.ForeignKey(
                        name: "FK_AssessmentIndicators_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentDeductions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentDeductions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentDeductions_PersonAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "PersonAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentScores",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentScores", x => new { x.AssessmentId, x.Code });
                    table.ForeignKey(
                        name: "FK_AssessmentScores_PersonAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "PersonAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CheckedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    Satisfactory = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpChecks_RectificationPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "RectificationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RectificationMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationMeasures_RectificationPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "RectificationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskPointUnits",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskPointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskPointUnits", x => new { x.RiskPointId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_RiskPointUnits_RiskPoints_RiskPointId",
                        column: x => x.RiskPointId,
                        principalTable: "RiskPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WarningRecipients",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WarningNoticeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningRecipients", x => new { x.WarningNoticeId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_WarningRecipients_WarningNotices_WarningNoticeId",
                        column: x => x.WarningNoticeId,
                        principalTable: "WarningNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentDeductions_AssessmentId",
                table: "AssessmentDeductions",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentPeriods_Kind_Year_Quarter",
                table: "AssessmentPeriods",
                columns: new[] { "Kind", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Commendations_PersonId",
                table: "Commendations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Commendations_UnitId",
                table: "Commendations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionTalks_CaseId",
                table: "CorrectionTalks",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpChecks_PlanId",
                table: "FollowUpChecks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_HeartTalks_PersonId",
                table: "HeartTalks",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonAssessments_PeriodId_PersonId",
                table: "PersonAssessments",
                columns: new[] { "PeriodId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RectificationMeasures_OwnerPersonId",
                table: "RectificationMeasures",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationMeasures_PlanId",
                table: "RectificationMeasures",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationPlans_CaseId",
                table: "RectificationPlans",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderLetters_CaseId",
                table: "ReminderLetters",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultRecords_CaseId_UseCode_PersonId_UnitId",
                table: "ResultRecords",
                columns: new[] { "CaseId", "UseCode", "PersonId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultRecords_PersonId",
                table: "ResultRecords",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultRecords_UnitId",
                table: "ResultRecords",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportMeasures_PersonId",
                table: "SupportMeasures",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportMeasures_UnitId",
                table: "SupportMeasures",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_WarningRecipients_UnitId",
                table: "WarningRecipients",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentDeductions");

            migrationBuilder.DropTable(
                name: "AssessmentIndicators");

            migrationBuilder.DropTable(
                name: "AssessmentPeriods");

            migrationBuilder.DropTable(
                name: "AssessmentScores");

            migrationBuilder.DropTable(
                name: "CauseAnalyses");

            migrationBuilder.DropTable(
                name: "Commendations");

            migrationBuilder.DropTable(
                name: "CorrectionTalks");

            migrationBuilder.DropTable(
                name: "FollowUpChecks");

            migrationBuilder.DropTable(
                name: "HeartTalks");

            migrationBuilder.DropTable(
                name: "PreventionThresholds");

            migrationBuilder.DropTable(
                name: "RectificationMeasures");

            migrationBuilder.DropTable(
                name: "ReminderLetters");

            migrationBuilder.DropTable(
                name: "ResultRecords");

            migrationBuilder.DropTable(
                name: "RiskPointUnits");

            migrationBuilder.DropTable(
                name: "SupportMeasures");

            migrationBuilder.DropTable(
                name: "WarningRecipients");

            migrationBuilder.DropTable(
                name: "AssessmentSchemes");

            migrationBuilder.DropTable(
                name: "PersonAssessments");

            migrationBuilder.DropTable(
                name: "RectificationPlans");

            migrationBuilder.DropTable(
                name: "RiskPoints");

            migrationBuilder.DropTable(
                name: "WarningNotices");

            migrationBuilder.DropColumn(
                name: "ErrorKind",
                table: "Cases");
        }
    }
}
