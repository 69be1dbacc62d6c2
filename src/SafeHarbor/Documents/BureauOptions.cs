namespace SafeHarbor.Documents;

/// <summary>The bureau's names as its documents print them (configuration section <c>Bureau</c>).</summary>
public sealed class BureauOptions
{
    public string Name { get; set; } = "青禾市市场监督管理局";

    /// <summary>发文机关代字, the start of every document number (青市监〔2026〕3号).</summary>
    public string ShortName { get; set; } = "青市监";
    public string PartyGroup { get; set; } = "中共青禾市市场监督管理局党组";
    public string Office { get; set; } = "青禾市市场监督管理局办公室";
    public string Discipline { get; set; } = "中共青禾市市场监督管理局机关纪律检查委员会";
    public string PartyCommittee { get; set; } = "中共青禾市市场监督管理局机关委员会";
    public string GuidanceGroup { get; set; } = "市纪委监委驻青禾市市场监督管理局纪检监察组";
}
