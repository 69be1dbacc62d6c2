using SafeHarbor.Cases;
using SafeHarbor.Features.Dashboard;
using SafeHarbor.Features.Incentives;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Host;

/// <summary>The menu bar: which features' pages the user's roles may open.</summary>
public sealed class Navigation : INavigation
{
    public IReadOnlyList<MenuItem> Menu(Actor actor, PolicyVersion policy)
    {
        var items = new List<MenuItem> { new("首页", "/", "house") };
        if (!WebUi.IsAdministrator(actor))
        {
            items.Add(new("案件", "/Cases", "folder2-open"));
        }
        if (policy.RolesFor(Duty.Register).Any(actor.Has))
        {
            items.Add(new("登记问责事项", "/Cases/New", "plus-square"));
        }
        if (actor.SeesAllCases)
        {
            items.Add(new("党组会议", "/Meetings", "people"));
        }

        var after = new List<MenuItem>();
        if (actor.SeesAllCases)
        {
            after.Add(new("纠错整改", "/Correction", "wrench-adjustable"));
        }
        if (actor.SeesAllCases || actor.Has(Role.PolicyOwner))
        {
            after.Add(new("防错分析", "/Prevention", "shield-exclamation"));
        }
        if (actor.IsLeader && !actor.SeesAllCases)
        {
            after.Add(new("警示提醒", "/Prevention/Warnings", "bell"));
        }
        if (actor.Has(Role.Investigator) || actor.Has(Role.GuidanceGroup))
        {
            after.Add(new("举报核查", "/AbuseReports", "megaphone"));
        }
        if (actor.SeesAllCases || actor.Has(Role.Personnel))
        {
            after.Add(new("结果运用", "/ResultUses", "patch-check"));
        }
        if (actor.Has(Role.Personnel))
        {
            after.Add(new("考核", "/Assessment", "clipboard-data"));
        }
        if (IncentiveAccess.MayUseWorkspace(actor))
        {
            after.Add(new("关爱激励", "/Incentives", "heart"));
        }
        if (after.Count > 0)
        {
            items.Add(new("纠错与激励", "#", "arrow-repeat", after));
        }
        if (DashboardQuery.MayView(actor))
        {
            items.Add(new("统计分析", "/Dashboard", "bar-chart"));
        }
        if (actor.PersonId is { } me)
        {
            items.Add(new("我的", "#", "person-badge",
            [
                new("我的档案", $"/People/{me}", "person-vcard"),
                new("我的整改措施", "/Correction/Mine", "list-check"),
                new("我的考核", "/Assessment/Mine", "clipboard-check"),
                new("我的关爱激励", "/Incentives/Mine", "heart"),
            ]));
        }

        var system = new List<MenuItem>();
        if (actor.Has(Role.SystemAdmin))
        {
            system.Add(new("本局信息", "/Admin/Bureaus", "building"));
            system.Add(new("单位人员", "/Admin/People", "diagram-3"));
            system.Add(new("账号", "/Admin/Accounts", "person-gear"));
            system.Add(new("节假日", "/Admin/Calendar", "calendar3"));
        }
        if (actor.Has(Role.SecurityAdmin))
        {
            system.Add(new("安全策略", "/Admin/Security", "shield-lock"));
            system.Add(new("角色授权", "/Admin/Roles", "person-lock"));
        }
        if (actor.Has(Role.AuditAdmin))
        {
            system.Add(new("安全审计", "/Admin/AuditTrail", "journal-check"));
        }
        system.Add(new("容错免责办法", "/Admin/Policies", "journal-text"));
        items.Add(system.Count == 1 ? system[0] : new("系统管理", "#", "gear", system));
        return items;
    }
}
