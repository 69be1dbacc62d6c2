namespace SafeHarbor;

/// <summary>
/// The articles or clauses of 信市监〔2022〕131号 a class, or a test, carries out: "5(2)" for 第五条第（二）项,
/// "8" for a whole article. docs/articles.md is generated from these, so a class can move or be renamed
/// without the map of the measures going stale; nothing reads them at run time. In the root namespace so
/// that any part of the app (and the test projects) can carry one without depending on another part.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ArticleAttribute(params string[] clauses) : Attribute
{
    public IReadOnlyList<string> Clauses { get; } = clauses;
}
