using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>Adds a person to an existing unit.</summary>
public static class CreatePerson
{
    public sealed record Request(string? Name, Guid UnitId, string? Post, bool IsLeader, bool InLeadershipTeam);

    public static Task<OrganisationViews.PersonView> HandleAsync(Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var unit = await ctx.Db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == r.UnitId, ct);
            new Validation()
                .Name(r.Name, "name", "姓名", 50)
                .RequireText(r.Post, "post", "职务", 100)
                .Require(unit is not null, "unitId", "所在单位不存在。")
                .ThrowIfInvalid();
            var person = new Person { Id = Guid.NewGuid(), Name = r.Name!.Trim(), UnitId = r.UnitId, Post = r.Post!.Trim(), IsLeader = r.IsLeader, InLeadershipTeam = r.InLeadershipTeam };
            ctx.Db.Persons.Add(person);
            ctx.Audit("CreatePerson", nameof(Person), person.Id.ToString(), null, Role.SystemAdmin.Chinese(), new { person.Name, unit = unit!.Name, person.Post });
            return new OrganisationViews.PersonView(person.Id, person.Name, person.UnitId, unit.Name, person.Post, person.IsLeader, person.InLeadershipTeam);
        }, ct);
}
