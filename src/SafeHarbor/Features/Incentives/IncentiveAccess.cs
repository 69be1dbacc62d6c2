using SafeHarbor.Cases;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Incentives;

/// <summary>
/// Who records and who reads the care and incentive records of Art. 13.
/// <list type="bullet">
/// <item>人事科 (Personnel), 局党组成员 and 局办公室 read everything and record heart-to-heart talks with anyone.</item>
/// <item>人事科 alone records commendations, special awards and support measures.</item>
/// <item>A leader (<see cref="Actor.IsLeader"/>) records talks with, and reads the records of, the people and
/// units they oversee (<see cref="Actor.OverseenUnitIds"/>: their unit and every unit below it).</item>
/// <item>Everyone reads their own commendations and support measures, and those given to their own unit.
/// Of a talk with themselves a person sees that it was held, when and by whom, not the record's topics
/// and follow-up: those are the organisation's working notes on the person (谈心谈话记录 are cadre
/// management material), written to plan the follow-up, not a letter to the person, who knows what was said.</item>
/// <item>The person who held a talk, and the one who recorded it, read it in full.</item>
/// <item>Who may record a record corrects it and withdraws it (撤销) when entered in error; only 人事科 sees withdrawn records.</item>
/// </list>
/// Administrators (三员) hold none of these roles and are no person: they read nothing here.
/// </summary>
public static class IncentiveAccess
{
    /// <summary>The kinds of support measure (Art. 13: 政策、待遇倾斜，心理关怀，排忧解难).</summary>
    public static readonly IReadOnlyList<string> SupportKinds = ["政策倾斜", "待遇保障", "心理关怀", "排忧解难", "其他"];

    /// <summary>人事科, 局党组成员 and 局办公室: every record of the bureau.</summary>
    public static bool ReadsAll(Actor actor) =>
        actor.Has(Role.Personnel) || actor.Has(Role.PartyGroupMember) || actor.Has(Role.PartyGroupOffice);

    /// <summary>A leader with units to oversee.</summary>
    public static bool IsOverseeingLeader(Actor actor) => actor.IsLeader && actor.OverseenUnitIds.Count > 0;

    /// <summary>The /Incentives pages and the yearly report: the bureau-wide readers and the leaders (for their units).</summary>
    public static bool MayUseWorkspace(Actor actor) => ReadsAll(actor) || IsOverseeingLeader(actor);

    public static bool MayRecordTalks(Actor actor) => ReadsAll(actor) || IsOverseeingLeader(actor);

    /// <summary>Commendations, special awards and support measures are recorded by 人事科.</summary>
    public static bool MayRecordAwards(Actor actor) => actor.Has(Role.Personnel);

    /// <summary>A talk with a person of this unit.</summary>
    public static bool MayRecordTalkIn(Actor actor, Guid unitId) =>
        ReadsAll(actor) || (IsOverseeingLeader(actor) && actor.OverseenUnitIds.Contains(unitId));

    /// <summary>
    /// Corrects or withdraws a talk: whoever may record a talk with the person, and sees its content. A leader is
    /// no recorder of talks with himself (he oversees his own unit, but a talk with him is the organisation's note on him).
    /// </summary>
    public static bool MayChangeTalk(Actor actor, HeartTalk talk, Guid personUnitId) =>
        MayRecordTalkIn(actor, personUnitId) && SeesTalkContent(actor, talk, personUnitId);

    /// <summary><see cref="MayChangeTalk(Actor, HeartTalk, Guid)"/> of a talk as the actor read it.</summary>
    public static bool MayChangeTalk(Actor actor, IncentiveQueries.TalkView talk) =>
        MayRecordTalkIn(actor, talk.UnitId) && !talk.ContentWithheld;

    /// <summary>Corrects or withdraws commendations, special awards and support measures: 人事科, who records them.</summary>
    public static bool MayChangeAwards(Actor actor) => MayRecordAwards(actor);

    /// <summary>
    /// Sees withdrawn records (on asking): 人事科, who keeps the records of Art. 13. Everyone else sees only the records
    /// in force, and a withdrawn record counts nowhere.
    /// </summary>
    public static bool SeesWithdrawn(Actor actor) => actor.Has(Role.Personnel);

    /// <summary>Reads the records of a person (their profile); a person always reads their own.</summary>
    public static bool MayReadPerson(Actor actor, Guid personId, Guid personUnitId) =>
        ReadsAll(actor) || actor.PersonId == personId || (actor.IsLeader && actor.OverseenUnitIds.Contains(personUnitId));

    /// <summary>Reads the topics and follow-up of a talk, not only that it was held.</summary>
    public static bool SeesTalkContent(Actor actor, HeartTalk talk, Guid personUnitId) =>
        ReadsAll(actor)
        || (actor.PersonId is { } me && talk.TalkerPersonId == me)
        || (actor.UserId != Guid.Empty && talk.RecordedBy == actor.UserId)
        || (actor.PersonId != talk.PersonId && actor.IsLeader && actor.OverseenUnitIds.Contains(personUnitId));

    /// <summary>分局、综合支队、县区局 and the offices below them: the enforcement units (Art. 2).</summary>
    public static bool IsEnforcementUnit(UnitType type) => type is UnitType.Branch or UnitType.Detachment or UnitType.CountyBureau;

    /// <summary>Front-line enforcement staff: of an enforcement unit, or on an enforcement post (岗位含“执法”).</summary>
    public static bool IsFrontLine(UnitType unitType, string? post) =>
        IsEnforcementUnit(unitType) || (post ?? "").Contains("执法", StringComparison.Ordinal);

    public static string ActingAs(Actor actor) =>
        actor.Has(Role.Personnel) ? Role.Personnel.Chinese()
        : actor.Has(Role.PartyGroupMember) ? Role.PartyGroupMember.Chinese()
        : actor.Has(Role.PartyGroupOffice) ? Role.PartyGroupOffice.Chinese()
        : "单位负责人";
}

public static class CommendationKindNames
{
    public static string Chinese(this CommendationKind kind) => kind switch
    {
        CommendationKind.Regular => "平时激励",
        CommendationKind.Special => "专项表彰奖励",
        _ => kind.ToString(),
    };
}

