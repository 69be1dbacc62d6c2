using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>Adds a unit (unique name; the parent, if any, must exist).</summary>
public static class CreateUnit
{
    public sealed record Request(string? Name, UnitType Type, Guid? ParentId);

    public static Task<OrganisationViews.UnitView> HandleAsync(Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var v = new Validation()
                .Name(r.Name, "name", "单位名称", 100)
                .Require(Enum.IsDefined(r.Type), "type", "单位类型不正确。")
                .Require(r.ParentId is null || await ctx.Db.Units.AnyAsync(u => u.Id == r.ParentId, ct), "parentId", "上级单位不存在。");
            v.Require(r.Name is null || !await ctx.Db.Units.AnyAsync(u => u.Name == r.Name.Trim(), ct), "name", "已有同名单位。");
            v.ThrowIfInvalid();
            var unit = new Unit { Id = Guid.NewGuid(), Name = r.Name!.Trim(), Type = r.Type, ParentId = r.ParentId };
            ctx.Db.Units.Add(unit);
            ctx.Audit("CreateUnit", nameof(Unit), unit.Id.ToString(), null, Role.SystemAdmin.Chinese(), new { unit.Name, type = unit.Type.Chinese() });
            return new OrganisationViews.UnitView(unit.Id, unit.Name, unit.Type, unit.Type.Chinese(), unit.ParentId);
        }, ct);
}
