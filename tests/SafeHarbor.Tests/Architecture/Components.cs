namespace SafeHarbor.Tests.Architecture;

public enum Layer
{
    /// <summary>Cases, Calendar, PolicyRules, Documents, Audit, …: the shared model; uses only other building blocks.</summary>
    BuildingBlock,

    /// <summary>Persistence, Security, Web: technical services; never a feature.</summary>
    Infrastructure,

    /// <summary>A folder of Features: one stage or article, with its endpoints, pages and use cases.</summary>
    Feature,

    /// <summary>The composition root (web app, command line, demo data): may use everything, used by nothing.</summary>
    Host,
}

/// <summary>A part of the application the dependency rules speak of: a building block, an infrastructure area, a feature or the host.</summary>
public sealed record Component(string Name, Layer Layer)
{
    public const string Root = "SafeHarbor";

    /// <summary>
    /// The component a type belongs to, by its namespace: SafeHarbor.Features.X.… is feature X,
    /// SafeHarbor.Infrastructure.X.… infrastructure X, SafeHarbor.Host.… the host, SafeHarbor.Features.Shared
    /// (and the pages' root) the shell all pages share (layout, error page), any other
    /// SafeHarbor.X.… building block X. Null for types outside the application (framework, packages).
    /// </summary>
    public static Component? Of(TypeName type)
    {
        var parts = type.Namespace.Split('.');
        if (parts[0] != Root || parts.Length < 2)
        {
            return null;
        }
        return parts[1] switch
        {
            "Features" when parts.Length > 2 => new Component($"Features.{parts[2]}", Layer.Feature),
            "Infrastructure" when parts.Length > 2 => new Component($"Infrastructure.{parts[2]}", Layer.Infrastructure),
            "Host" => new Component("Host", Layer.Host),
            // The pages' _ViewStart at the root of Features belongs to the shell all pages share.
            "Features" => new Component("Features.Shared", Layer.Feature),
            "Infrastructure" => new Component(parts[1], Layer.Infrastructure),
            _ => new Component(parts[1], Layer.BuildingBlock),
        };
    }
}

/// <summary>The application as a graph of components: an edge wherever a type of one uses a type of another.</summary>
public sealed class ComponentGraph
{
    private readonly Dictionary<Component, HashSet<Component>> edges = [];
    private readonly Dictionary<(Component, Component), Dependency> examples = [];

    public ComponentGraph(IEnumerable<Dependency> dependencies)
    {
        foreach (var d in dependencies)
        {
            if (Component.Of(d.From) is not { } from || Component.Of(d.To) is not { } to)
            {
                continue;
            }
            edges.TryAdd(from, []);
            edges.TryAdd(to, []);
            if (from != to && edges[from].Add(to))
            {
                examples[(from, to)] = d;
            }
        }
    }

    public IReadOnlyCollection<Component> Components => edges.Keys;

    public IEnumerable<(Component From, Component To, Dependency Example)> Edges =>
        examples.Select(e => (e.Key.Item1, e.Key.Item2, e.Value));

    /// <summary>Every group of components that reach each other (strongly connected, more than one), each listed with the edges inside it.</summary>
    public IReadOnlyList<IReadOnlyList<Component>> Cycles()
    {
        // Tarjan's algorithm; the graph has a few dozen nodes, so recursion depth is no concern.
        var index = new Dictionary<Component, int>();
        var low = new Dictionary<Component, int>();
        var stack = new Stack<Component>();
        var onStack = new HashSet<Component>();
        var found = new List<IReadOnlyList<Component>>();

        void Visit(Component v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in edges[v].OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }
            if (low[v] == index[v])
            {
                var group = new List<Component>();
                Component w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    group.Add(w);
                }
                while (w != v);
                if (group.Count > 1)
                {
                    found.Add([.. group.OrderBy(c => c.Name, StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var v in edges.Keys.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }
        return found;
    }

    /// <summary>A cycle as a reader can fix it: each edge inside the group with one type that makes it.</summary>
    public string Describe(IReadOnlyList<Component> cycle) =>
        string.Join(Environment.NewLine, Edges.Where(e => cycle.Contains(e.From) && cycle.Contains(e.To))
            .OrderBy(e => e.From.Name, StringComparer.Ordinal).ThenBy(e => e.To.Name, StringComparer.Ordinal)
            .Select(e => $"  {e.From.Name} → {e.To.Name} (e.g. {e.Example})"));
}
