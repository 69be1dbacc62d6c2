namespace SafeHarbor.PolicyRules;

/// <summary>Who carries out a step. The policy maps the role-based duties to account roles.</summary>
public enum Duty
{
    /// <summary>The unit or person concerned: a subject of the matter before applying, the applicant after.</summary>
    Applicant,
    Register,
    Verify,
    Guide,
    Vote,
    Secretariat,
    Archive,
}

/// <summary>Outcomes of a determination (Art. 5(3), Art. 11(5)).</summary>
public enum Outcome
{
    Exempted,
    Mitigated,
    NotExempted,
}

public static class DutyNames
{
    public static string Chinese(this Duty duty) => duty switch
    {
        Duty.Applicant => "申请人（问责对象本人或单位负责人）",
        Duty.Register => "问责事项登记",
        Duty.Verify => "调查核实",
        Duty.Guide => "指导",
        Duty.Vote => "集体研究表决",
        Duty.Secretariat => "会务与反馈",
        Duty.Archive => "存档备案",
        _ => duty.ToString(),
    };

    public static string Chinese(this Outcome outcome) => outcome switch
    {
        Outcome.Exempted => "予以容错免责",
        Outcome.Mitigated => "从轻或减轻处理",
        Outcome.NotExempted => "不予容错免责",
        _ => outcome.ToString(),
    };
}
