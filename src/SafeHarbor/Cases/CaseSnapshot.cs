namespace SafeHarbor.Cases;

/// <summary>What a command answers: the case's identity, where it now stands and its version for the next If-Match.</summary>
public sealed record CaseSnapshot(Guid Id, string Number, CaseStatus Status, string StatusName, int Version)
{
    public static CaseSnapshot Of(Case c) => new(c.Id, c.Number, c.Status, c.Status.Chinese(), c.Version);
}
