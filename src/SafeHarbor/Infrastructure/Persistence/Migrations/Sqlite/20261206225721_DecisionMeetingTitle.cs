using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeHarbor.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionMeetingTitle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Decision_MeetingTitle",
                table: "Cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            // Decisions taken before the column existed name their meeting from the meetings table.
            migrationBuilder.Sql(
                "UPDATE \"Cases\" SET \"Decision_MeetingTitle\" = (SELECT m.\"Title\" FROM \"Meetings\" m WHERE m.\"Id\" = \"Cases\".\"Decision_MeetingId\") "
                + "WHERE \"Decision_MeetingId\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Decision_MeetingTitle",
                table: "Cases");
        }
    }
}
