using System.Net;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;
using static SafeHarbor.IntegrationTests.Pages.PageArrange;

namespace SafeHarbor.IntegrationTests.Pages;

/// <summary>
/// Who may open each page. Signed-in users outside a case's scope get 404, users in scope whom the
/// workflow offers none of the page's steps now get 403, anonymous visitors go to the login page.
/// </summary>
public sealed class RoleMatrixTests
{
    private static readonly string[] StaffAAndLeader = ["staffA", "leaderA"];

    [Theory, AllDatabases]
    public async Task The_home_page_is_open_to_every_signed_in_user_and_the_case_list_to_all_but_the_administrators(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var visitors = new Visitors(app);
        await app.CaseInStatusAsync(CaseStatus.Registered);

        await visitors.AssertAccessAsync("/", ok: Everyone);
        // Administrators read no case, not even an empty list (三员分立): refused with the reason.
        await visitors.AssertAccessAsync("/Cases", ok: [.. Bodies, .. Staff]);
        foreach (var admin in Admins)
        {
            Assert.Contains("不查阅案件内容", (await (await visitors.AsAsync(admin)).GetAsync("/Cases")).Text);
        }
        Assert.Equal("共 1 件", (await (await visitors.AsAsync("leaderA")).GetAsync("/Cases")).TextOf("[data-testid=total]"));
        Assert.Equal("共 0 件", (await (await visitors.AsAsync("staffB")).GetAsync("/Cases")).TextOf("[data-testid=total]"));
    }

    [Theory, AllDatabases]
    public async Task Registering_a_matter_is_for_the_discipline_committee_and_the_office_only(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var visitors = new Visitors(app);
        await visitors.AssertAccessAsync("/Cases/New", ok: ["inv", "inv2", "office"]);
    }

    [Theory, AllDatabases]
    public async Task The_case_page_is_open_to_the_procedure_bodies_the_subject_and_the_leader_of_its_unit_and_not_found_for_others(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var visitors = new Visitors(app);
        var c = await app.CaseInStatusAsync(CaseStatus.Registered);
        await visitors.AssertAccessAsync($"/Cases/{c.Id}", ok: [.. Bodies, .. StaffAAndLeader], notFound: OutsidersOfStaffA);
    }

    [Theory, AllDatabases]
    public async Task The_application_page_is_only_for_the_person_held_accountable_while_the_case_awaits_the_application(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var visitors = new Visitors(app);
        var c = await app.CaseInStatusAsync(CaseStatus.Registered);
        await visitors.AssertAccessAsync($"/Cases/{c.Id}/Apply", ok: ["staffA"], notFound: OutsidersOfStaffA);

        // The handler refuses as the page does: a body holding no applicant duty posts the form anyway.
        using var inv = await Browser.SignedInAsync(app, "inv");
        var token = FormFields.Of((await inv.GetAsync("/Cases/New")).Form("main form"))["__RequestVerificationToken"]!;
        var posted = await inv.PostAsync($"/Cases/{c.Id}/Apply", new FormFields()
            .Add("__RequestVerificationToken", token).Add("Version", "1").Add("Input.ApplicantKind", "Person")
            .Add("Input.Facts", "代为申请。").Add("Input.EffectAndLosses", "无。").Add("Input.RecoveryMeasures", "无。")
            .Add("Input.Claims[0].Code", "c1").Add("Input.Claims[0].Claimed", "true").Add("Input.Claims[0].Explanation", "理由。"));
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Equal("Registered", (await app.DetailAsync(c)).GetProperty("status").GetString());
    }

    [Theory, AllDatabases]
    public async Task The_verification_page_is_only_for_the_discipline_committee_once_the_application_is_in(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var visitors = new Visitors(app);
        var submitted = await app.CaseInStatusAsync(CaseStatus.Submitted);
        await visitors.AssertAccessAsync($"/Cases/{submitted.Id}/Verify", ok: ["inv", "inv2"], notFound: OutsidersOfStaffA);
        var verifying = await app.CaseInStatusAsync(CaseStatus.Verifying);
        await visitors.AssertAccessAsync($"/Cases/{verifying.Id}/Verify", ok: ["inv", "inv2"], notFound: OutsidersOfStaffA);
    }

    [Theory, AllDatabases]
    public async Task The_guidance_page_is_only_for_the_guidance_group_during_verification(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var visitors = new Visitors(app);
        var c = await app.CaseAwaitingGuidanceAsync();
        await visitors.AssertAccessAsync($"/Cases/{c.Id}/Guidance", ok: ["guide"], notFound: OutsidersOfStaffA);
    }

    [Theory, AllDatabases]
    public async Task The_supplement_page_is_only_for_the_applicant_while_material_is_awaited(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var visitors = new Visitors(app);
        var c = await app.CaseInStatusAsync(CaseStatus.AwaitingSupplement);
        await visitors.AssertAccessAsync($"/Cases/{c.Id}/Supplement", ok: ["staffA"], notFound: OutsidersOfStaffA);
    }

    [Theory, AllDatabases]
    public async Task The_feedback_page_is_for_the_office_to_issue_and_deliver_and_for_the_applicant_to_acknowledge(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var visitors = new Visitors(app);
        var decided = await app.CaseInStatusAsync(CaseStatus.Decided);
        await visitors.AssertAccessAsync($"/Cases/{decided.Id}/Feedback", ok: ["office"], notFound: OutsidersOfStaffA);
        var issued = await app.CaseInStatusAsync(CaseStatus.FeedbackIssued);
        await visitors.AssertAccessAsync($"/Cases/{issued.Id}/Feedback", ok: ["office"], notFound: OutsidersOfStaffA);
        var delivered = await app.CaseInStatusAsync(CaseStatus.Delivered);
        await visitors.AssertAccessAsync($"/Cases/{delivered.Id}/Feedback", ok: ["staffA"], notFound: OutsidersOfStaffA);
    }

    [Theory, AllDatabases]
    public async Task The_publication_page_is_only_for_the_office_after_an_exempted_case_is_acknowledged(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var visitors = new Visitors(app);
        var c = await app.CaseInStatusAsync(CaseStatus.Acknowledged);
        await visitors.AssertAccessAsync($"/Cases/{c.Id}/Publish", ok: ["office"], notFound: OutsidersOfStaffA);
    }

    [Theory, AllDatabases]
    public async Task The_archive_page_is_only_for_the_party_committee_once_the_case_is_closed(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var visitors = new Visitors(app);
        var published = await app.CaseInStatusAsync(CaseStatus.Published);
        await visitors.AssertAccessAsync($"/Cases/{published.Id}/Archive", ok: ["archivist"], notFound: OutsidersOfStaffA);
        var withdrawn = await app.CaseInStatusAsync(CaseStatus.Withdrawn);
        await visitors.AssertAccessAsync($"/Cases/{withdrawn.Id}/Archive", ok: ["archivist"], notFound: OutsidersOfStaffA);
    }

    [Theory, AllDatabases]
    public async Task The_withdrawal_page_is_only_for_the_applicant_before_the_determination(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var visitors = new Visitors(app);
        var c = await app.CaseInStatusAsync(CaseStatus.Submitted);
        await visitors.AssertAccessAsync($"/Cases/{c.Id}/Withdraw", ok: ["staffA"], notFound: OutsidersOfStaffA);
    }

    [Theory, AllDatabases]
    public async Task The_meeting_pages_are_for_the_procedure_bodies_only(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var visitors = new Visitors(app);
        var c = await app.CaseInStatusAsync(CaseStatus.Reported);
        var meeting = await new Support.Procedure(app).OpenMeetingAsync();
        await new Support.Procedure(app).ScheduleAsync(meeting, c);

        await visitors.AssertAccessAsync("/Meetings", ok: Bodies);
        await visitors.AssertAccessAsync($"/Meetings/{meeting}", ok: Bodies);
        await visitors.AssertAccessAsync($"/Meetings/{meeting}?handler=Quorum", ok: Bodies);
        Assert.Equal(HttpStatusCode.NotFound, (await (await visitors.AsAsync("office")).GetAsync($"/Meetings/{Guid.NewGuid()}")).Status);
    }

    [Theory, AllDatabases]
    public async Task A_step_page_is_refused_to_everyone_when_the_case_is_not_at_that_step(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var visitors = new Visitors(app);
        var registered = await app.CaseInStatusAsync(CaseStatus.Registered);
        var submitted = await app.CaseInStatusAsync(CaseStatus.Submitted);
        var reported = await app.CaseInStatusAsync(CaseStatus.Reported);
        var archived = await app.CaseInStatusAsync(CaseStatus.Archived);

        var cases = new (CaseRef Case, string Page)[]
        {
            (registered, "Verify"), (registered, "Feedback"), (registered, "Archive"), (registered, "Withdraw"), (registered, "Supplement"), (registered, "Guidance"),
            (submitted, "Publish"), (submitted, "Archive"), (submitted, "Supplement"),
            (reported, "Apply"), (reported, "Feedback"), (reported, "Publish"), (reported, "Archive"),
            (archived, "Apply"), (archived, "Verify"), (archived, "Guidance"), (archived, "Supplement"), (archived, "Feedback"),
            (archived, "Publish"), (archived, "Archive"), (archived, "Withdraw"),
        };
        foreach (var (c, page) in cases)
        {
            await visitors.AssertAccessAsync($"/Cases/{c.Id}/{page}", ok: [], notFound: OutsidersOfStaffA);
        }
        // A reported case's verification page stays open to the discipline committee for 重新核实 only.
        await visitors.AssertAccessAsync($"/Cases/{reported.Id}/Verify", ok: ["inv", "inv2"], notFound: OutsidersOfStaffA);
        var reopen = await (await visitors.AsAsync("inv")).GetAsync($"/Cases/{reported.Id}/Verify");
        Assert.NotNull(reopen.Find("textarea[name='Reopen.Reason']"));
        Assert.Null(reopen.Find("textarea[name='Report.Text']"));

        // After applying, the application page stays open to the applicant for more evidence, without the form.
        await visitors.AssertAccessAsync($"/Cases/{submitted.Id}/Apply", ok: ["staffA"], notFound: OutsidersOfStaffA);
        var upload = await (await visitors.AsAsync("staffA")).GetAsync($"/Cases/{submitted.Id}/Apply");
        Assert.Null(upload.Find("textarea[name='Input.Facts']"));
        Assert.NotNull(upload.Find("[data-upload-url]"));

        // An archived case is still read by everyone in scope.
        await visitors.AssertAccessAsync($"/Cases/{archived.Id}", ok: [.. Bodies, .. StaffAAndLeader], notFound: OutsidersOfStaffA);
    }
}
