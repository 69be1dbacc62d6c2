using System;
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
            migrationBuilder.CreateTable(
                name: "AbuseReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: true),
                    ConcludedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConcludedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AbuseReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArchiveRecords",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArchiveNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Retention = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ArchivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ArchivedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ManifestJson = table.Column<string>(type: "TEXT", nullable: false),
                    AuditChainHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveRecords", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

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
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActingAs = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Details = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "AuditHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditHeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PolicyId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    BusinessField = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ErrorKind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    WorkItem = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AccountabilityStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApplicationDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApplicationDeadlineProvisionalReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RegisteredBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Application_ApplicantKind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Application_ApplicantPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Application_ApplicantUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Application_ApplicantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Application_SubmittedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Application_SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Application_SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Application_Facts = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    Application_EffectAndLosses = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: true),
                    Application_RecoveryMeasures = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: true),
                    SupplementDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SupplementDueProvisionalReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsRepeat = table.Column<bool>(type: "INTEGER", nullable: false),
                    RepeatExplanation = table.Column<string>(type: "TEXT", nullable: true),
                    Report_Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Report_Recommendation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Report_SubmittedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Report_SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Decision_Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Decision_Reasons = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    Decision_Mitigation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Decision_MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Decision_DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Decision_AdviceAtDecision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Decision_DepartureReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosingReason = table.Column<string>(type: "TEXT", nullable: true),
                    ArchiveNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ArchivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WasRefusedAsLate = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
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
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
                name: "Counters",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Counters", x => new { x.Name, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "DeadlineNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DismissedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineNotices", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sm3 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UploadedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackNotices",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResultText = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeliveryMethod = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApplicantComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackNotices", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "GuidanceRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RepliedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidanceRequests", x => x.Id);
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
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeartTalks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IssuedDocuments",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Instance = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuedDocuments", x => new { x.CaseId, x.Kind, x.Instance });
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AttendanceRecorded = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
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
                name: "PublicationRecords",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationRecords", x => x.CaseId);
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
                name: "SupplementRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Items = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueProvisionalReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplementRequests", x => x.Id);
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
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportMeasures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Units_Units_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "CaseClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseClaims_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseFindings_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseSubjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSubjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseSubjects_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingAgendaItems",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAgendaItems", x => new { x.MeetingId, x.CaseId });
                    table.ForeignKey(
                        name: "FK_MeetingAgendaItems_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingMembers",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false),
                    AbsenceReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingMembers", x => new { x.MeetingId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_MeetingMembers_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRecusals",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRecusals", x => new { x.MeetingId, x.CaseId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_MeetingRecusals_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingVotes",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CastAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingVotes", x => new { x.MeetingId, x.CaseId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_MeetingVotes_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
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
                    CountedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueProvisionalReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
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
                name: "Persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Post = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsLeader = table.Column<bool>(type: "INTEGER", nullable: false),
                    InLeadershipTeam = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Persons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Persons_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "IX_AbuseReports_CaseId",
                table: "AbuseReports",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AbuseReports_PersonId",
                table: "AbuseReports",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveRecords_ArchiveNumber",
                table: "ArchiveRecords",
                column: "ArchiveNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

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
                name: "IX_AuditEntries_CaseId",
                table: "AuditEntries",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseClaims_CaseId",
                table: "CaseClaims",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFindings_CaseId",
                table: "CaseFindings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Number",
                table: "Cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status",
                table: "Cases",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_CaseSubjects_CaseId",
                table: "CaseSubjects",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseSubjects_PersonId",
                table: "CaseSubjects",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseSubjects_UnitId",
                table: "CaseSubjects",
                column: "UnitId");

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
                name: "IX_DeadlineNotices_PersonId_DismissedAt",
                table: "DeadlineNotices",
                columns: new[] { "PersonId", "DismissedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentJobs_CaseId_Kind_Instance_DocxSha256",
                table: "DocumentJobs",
                columns: new[] { "CaseId", "Kind", "Instance", "DocxSha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentJobs_Status_RequestedAt",
                table: "DocumentJobs",
                columns: new[] { "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_CaseId",
                table: "EvidenceFiles",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpChecks_PlanId",
                table: "FollowUpChecks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceRequests_CaseId",
                table: "GuidanceRequests",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_HeartTalks_PersonId",
                table: "HeartTalks",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_Number",
                table: "IssuedDocuments",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonAssessments_PeriodId_PersonId",
                table: "PersonAssessments",
                columns: new[] { "PeriodId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Persons_UnitId",
                table: "Persons",
                column: "UnitId");

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
                name: "IX_SupplementRequests_CaseId",
                table: "SupplementRequests",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportMeasures_PersonId",
                table: "SupportMeasures",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportMeasures_UnitId",
                table: "SupportMeasures",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Units_Name",
                table: "Units",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_ParentId",
                table: "Units",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_WarningRecipients_UnitId",
                table: "WarningRecipients",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AbuseReports");

            migrationBuilder.DropTable(
                name: "ArchiveRecords");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AssessmentDeductions");

            migrationBuilder.DropTable(
                name: "AssessmentIndicators");

            migrationBuilder.DropTable(
                name: "AssessmentPeriods");

            migrationBuilder.DropTable(
                name: "AssessmentScores");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "AuditHeads");

            migrationBuilder.DropTable(
                name: "CaseClaims");

            migrationBuilder.DropTable(
                name: "CaseFindings");

            migrationBuilder.DropTable(
                name: "CaseSubjects");

            migrationBuilder.DropTable(
                name: "CauseAnalyses");

            migrationBuilder.DropTable(
                name: "Commendations");

            migrationBuilder.DropTable(
                name: "CorrectionTalks");

            migrationBuilder.DropTable(
                name: "Counters");

            migrationBuilder.DropTable(
                name: "DeadlineNotices");

            migrationBuilder.DropTable(
                name: "DocumentJobs");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "FeedbackNotices");

            migrationBuilder.DropTable(
                name: "FollowUpChecks");

            migrationBuilder.DropTable(
                name: "GuidanceRequests");

            migrationBuilder.DropTable(
                name: "HeartTalks");

            migrationBuilder.DropTable(
                name: "IssuedDocuments");

            migrationBuilder.DropTable(
                name: "MeetingAgendaItems");

            migrationBuilder.DropTable(
                name: "MeetingMembers");

            migrationBuilder.DropTable(
                name: "MeetingRecusals");

            migrationBuilder.DropTable(
                name: "MeetingVotes");

            migrationBuilder.DropTable(
                name: "Persons");

            migrationBuilder.DropTable(
                name: "PreventionThresholds");

            migrationBuilder.DropTable(
                name: "PublicationRecords");

            migrationBuilder.DropTable(
                name: "RectificationMeasures");

            migrationBuilder.DropTable(
                name: "ReminderLetters");

            migrationBuilder.DropTable(
                name: "ResultRecords");

            migrationBuilder.DropTable(
                name: "RiskPointUnits");

            migrationBuilder.DropTable(
                name: "SupplementRequests");

            migrationBuilder.DropTable(
                name: "SupportMeasures");

            migrationBuilder.DropTable(
                name: "WarningRecipients");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "AssessmentSchemes");

            migrationBuilder.DropTable(
                name: "PersonAssessments");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "Units");

            migrationBuilder.DropTable(
                name: "RectificationPlans");

            migrationBuilder.DropTable(
                name: "RiskPoints");

            migrationBuilder.DropTable(
                name: "WarningNotices");
        }
    }
}
