using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.ResultUses;

/// <summary>
/// 结果运用 (Art. 11): the records each determination to exempt or mitigate created, filtered by person or unit;
/// the coverage check ("is this person or unit covered for this matter and this purpose?") answered in the
/// words of <see cref="GetCoverage"/> with the records behind the answer; and the way to the
/// cadre review of a person.
/// </summary>
public sealed class IndexModel(Actor actor, SafeHarborDb db, PolicyCatalog policies) : ResultUsePage(actor, db, policies)
{
    /// <summary>The coverage question, as the form (GET) sends it.</summary>
    public sealed class CoverageQuestion
    {
        /// <summary>Person or Unit.</summary>
        public SubjectKind Kind { get; set; } = SubjectKind.Person;
        public Guid? PersonId { get; set; }
        public Guid? UnitId { get; set; }

        /// <summary>One of the subject's matters, or none for all of them.</summary>
        public Guid? CaseId { get; set; }

        /// <summary>Any other matter, by its number (wins over <see cref="CaseId"/>).</summary>
        public string? CaseNumber { get; set; }
        public string? Use { get; set; }

        /// <summary>Set by the 查询 button: the question is asked, not only the form refreshed.</summary>
        public bool Ask { get; set; }
    }

    /// <summary>One matter of one subject with all the uses it carries.</summary>
    public sealed record RecordRow(
        Guid CaseId, string CaseNumber, string MatterTitle, SubjectKind Kind, Guid? PersonId, string SubjectName,
        Outcome Outcome, string OutcomeName, string? Mitigation, DateOnly DecidedOn, IReadOnlyList<string> Uses);

    public sealed record MatterChoice(Guid Id, string Number, string Title);

    [BindProperty(SupportsGet = true)] public Guid? PersonId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public CoverageQuestion Q { get; set; } = new();

    public IReadOnlyList<RecordRow> Records { get; private set; } = [];
    public int RecordCount { get; private set; }
    public IReadOnlyList<MatterChoice> Matters { get; private set; } = [];
    public ResultUseQueries.Coverage? Answer { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        EnsureAllowed();
        await LoadChoicesAsync(ct);
        Matters = await MattersAsync(ct);
        if (Q.Ask)
        {
            await AskAsync(ct);
        }
        await LoadRecordsAsync(ct);
        return Page();
    }

    private Guid? SubjectPerson => Q.Kind == SubjectKind.Person ? Q.PersonId : null;
    private Guid? SubjectUnit => Q.Kind == SubjectKind.Unit ? Q.UnitId : null;

    /// <summary>The matters of the chosen subject, for the matter picker.</summary>
    private async Task<IReadOnlyList<MatterChoice>> MattersAsync(CancellationToken ct)
    {
        IQueryable<Case> cases;
        if (SubjectPerson is { } person)
        {
            cases = Db.Cases.AsNoTracking().Where(c => c.Subjects.Any(s => s.PersonId == person));
        }
        else if (SubjectUnit is { } unit)
        {
            cases = Db.Cases.AsNoTracking().Where(c => c.Subjects.Any(s => s.Kind == SubjectKind.Unit && s.UnitId == unit));
        }
        else
        {
            return [];
        }
        return (await cases.Select(c => new { c.Id, c.Number, c.Title }).ToListAsync(ct))
            .OrderByDescending(c => c.Number, StringComparer.Ordinal)
            .Select(c => new MatterChoice(c.Id, c.Number, c.Title)).ToList();
    }

    private async Task AskAsync(CancellationToken ct)
    {
        var caseId = Q.CaseId;
        if (!string.IsNullOrWhiteSpace(Q.CaseNumber))
        {
            var number = Q.CaseNumber.Trim();
            caseId = await Db.Cases.AsNoTracking().Where(c => c.Number == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
            if (caseId is null)
            {
                ModelState.AddModelError("Q.CaseNumber", $"找不到案件编号为 {number} 的事项。");
                return;
            }
        }
        if (SubjectPerson is null && SubjectUnit is null)
        {
            ModelState.AddModelError(Q.Kind == SubjectKind.Unit ? "Q.UnitId" : "Q.PersonId", Q.Kind == SubjectKind.Unit ? "请选择单位。" : "请选择人员。");
            return;
        }
        try
        {
            Answer = await GetCoverage.HandleAsync(SubjectPerson, SubjectUnit, caseId, Q.Use, Db, Policies, ct);
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.NotFound)
        {
            ModelState.AddModelError(e.Code == "use-unknown" ? "Q.Use" : string.Empty, e.Code == "use-unknown" ? "请选择用途。" : e.Message);
        }
    }

    private async Task LoadRecordsAsync(CancellationToken ct)
    {
        var query = Db.Set<ResultRecord>().AsNoTracking();
        if (PersonId is { } person)
        {
            query = query.Where(r => r.PersonId == person);
        }
        if (UnitId is { } unit)
        {
            // The unit as a subject, and the people of the unit.
            var people = Db.Persons.Where(p => p.UnitId == unit).Select(p => (Guid?)p.Id);
            query = query.Where(r => r.UnitId == unit || people.Contains(r.PersonId));
        }
        var records = await query.ToListAsync(ct);
        RecordCount = records.Count;
        var order = Uses.Select(u => u.Code).ToList();
        Records = records
            .GroupBy(r => (r.CaseId, r.SubjectKind, r.PersonId, r.UnitId))
            .Select(g =>
            {
                var first = g.First();
                return new RecordRow(
                    first.CaseId, first.CaseNumber, first.MatterTitle, first.SubjectKind, first.PersonId, first.SubjectName,
                    first.Outcome, OutcomeName(first.Outcome), first.Mitigation, first.DecidedOn,
                    g.OrderBy(r => order.IndexOf(r.UseCode) is >= 0 and var i ? i : int.MaxValue)
                        .Select(r => $"{r.UseArticle} {Uses.FirstOrDefault(u => u.Code == r.UseCode)?.Title ?? r.UseText}").ToList());
            })
            .OrderByDescending(r => r.DecidedOn).ThenByDescending(r => r.CaseNumber, StringComparer.Ordinal).ThenBy(r => r.SubjectName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>As <see cref="ResultUseQueries.RecordView.OutcomeName"/> names it.</summary>
    public static string OutcomeName(Outcome outcome) => outcome switch
    {
        Outcome.Exempted => "予以容错免责",
        Outcome.Mitigated => "从轻或减轻处理",
        _ => "不予容错免责",
    };

    /// <summary>The use a record answers with, by its code.</summary>
    public string UseTitle(string code) => Uses.FirstOrDefault(u => u.Code == code)?.Title ?? code;
}
