using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.Shared;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Applications;

/// <summary>The application (Art. 5(1)): the conditions in the policy's own words, the deadline in working days, evidence upload.</summary>
public sealed partial class ApplyModel(PageServices services) : CasePageBase(services)
{
    public sealed class ClaimField
    {
        public string Code { get; set; } = "";
        public bool Claimed { get; set; }
        public string? Explanation { get; set; }
    }

    public sealed class InputModel
    {
        public SubjectKind ApplicantKind { get; set; } = SubjectKind.Person;
        public Guid? ApplicantUnitId { get; set; }
        public string? Facts { get; set; }
        public string? EffectAndLosses { get; set; }
        public string? RecoveryMeasures { get; set; }
        public List<ClaimField> Claims { get; set; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Units held accountable that this user leads: the user may apply in their name.</summary>
    public IReadOnlyList<(Guid Id, string Name)> LedUnits { get; private set; } = [];

    public bool IsPersonSubject { get; private set; }

    protected override IReadOnlyCollection<CaseAction> Steps => [CaseAction.Apply, CaseAction.UploadEvidence];

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        var units = Case.Subjects.Where(s => s.Kind == SubjectKind.Unit && Actor.Leads(s.Id)).Select(s => s.Id).ToList();
        LedUnits = (await Services.Db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        IsPersonSubject = Case.Subjects.Any(s => s.Kind == SubjectKind.Person && s.Id == Actor.PersonId);
        if (!IsPersonSubject && LedUnits.Count > 0 && Request.Method == "GET")
        {
            Input.ApplicantKind = SubjectKind.Unit;
            Input.ApplicantUnitId = LedUnits[0].Id;
        }
        // One row per policy item, in the policy's order, keeping what the user already entered.
        var entered = Input.Claims.ToDictionary(c => c.Code);
        Input.Claims = Policy.AllItems.Select(i => entered.GetValueOrDefault(i.Code) ?? new ClaimField { Code = i.Code }).ToList();
    }

    public PolicyItem ItemFor(string code) => Policy.FindItem(code)!;

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var claimed = Input.Claims.Where(c => c.Claimed).ToList();
        return StepAsync(async actor =>
        {
            var snapshot = await SubmitApplication.HandleAsync(Id, ExpectedVersion, new SubmitApplication.SubmitRequest(
                Input.ApplicantKind, Input.ApplicantKind == SubjectKind.Unit ? Input.ApplicantUnitId : null,
                Input.Facts, Input.EffectAndLosses, Input.RecoveryMeasures,
                claimed.Select(c => new ClaimInput(c.Code, c.Explanation)).ToList()), actor, Services.Runner, ct);
            return snapshot.Status == CaseStatus.Refused
                ? "申请已超过期限，系统已按第五条第（一）项作出不予受理决定，理由已记录在案。"
                : null;
        }, "容错免责申请已提交，等待局机关纪委调查核实。", ct,
        // The handler numbers claims among those ticked; the form numbers every policy item.
        mapErrorKey: key => ClaimIndex().Replace(key, m =>
        {
            var index = int.Parse(m.Groups[1].Value);
            return index < claimed.Count ? $"claims[{Input.Claims.IndexOf(claimed[index])}]" : m.Value;
        }));
    }

    [GeneratedRegex(@"^claims\[(\d+)\]")]
    private static partial Regex ClaimIndex();
}
