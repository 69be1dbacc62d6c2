using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Cases;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.ResultUses;

/// <summary>
/// One use of a determination (结果运用, Art. 11) for one unit or person and one matter, e.g. "no
/// deduction in the annual comprehensive target assessment". Assessments and reviews consult these.
/// </summary>
public sealed class ResultRecord : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string CaseNumber { get; set; }
    public required string MatterTitle { get; set; }
    public SubjectKind SubjectKind { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? UnitId { get; set; }
    public required string SubjectName { get; set; }
    public required string UseCode { get; set; }
    public required string UseArticle { get; set; }
    public required string UseText { get; set; }
    public Outcome Outcome { get; set; }
    public string? Mitigation { get; set; }
    public DateOnly DecidedOn { get; set; }
}

public static class ResultRecordOrder
{
    /// <summary>
    /// Records in the order of the article's items (（一） to （五）) as the policies list the uses; a use no
    /// policy lists any more comes last. (The article strings do not sort: 三 comes before 二 by code point.)
    /// </summary>
    public static IEnumerable<ResultRecord> InArticleOrder(this IEnumerable<ResultRecord> records, PolicyRules.PolicyCatalog policies)
    {
        var order = policies.All.SelectMany(p => p.ResultUses).Select(u => u.Code).Distinct().ToList();
        return records.OrderBy(r => order.IndexOf(r.UseCode) is >= 0 and var i ? i : int.MaxValue).ThenBy(r => r.UseCode, StringComparer.Ordinal);
    }
}

internal sealed class ResultRecordConfiguration : IEntityTypeConfiguration<ResultRecord>
{
    public void Configure(EntityTypeBuilder<ResultRecord> b)
    {
        b.ToTable("ResultRecords");
        b.Property(x => x.CaseNumber).HasMaxLength(20);
        b.Property(x => x.MatterTitle).HasMaxLength(200);
        b.Property(x => x.SubjectKind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.SubjectName).HasMaxLength(100);
        b.Property(x => x.UseCode).HasMaxLength(50);
        b.Property(x => x.UseArticle).HasMaxLength(50);
        b.Property(x => x.UseText).HasMaxLength(500);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Mitigation).HasMaxLength(2000);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.UnitId);
        b.HasIndex(x => new { x.CaseId, x.UseCode, x.PersonId, x.UnitId }).IsUnique();
    }
}
