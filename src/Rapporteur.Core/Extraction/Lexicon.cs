using System.Collections.Frozen;
using System.Reflection;
using System.Text.RegularExpressions;
using Rapporteur.Core.Domain;

namespace Rapporteur.Core.Extraction;

/// <summary>A gazetteer entry: what kind of place, in which country.</summary>
public sealed record Place(string Name, string Kind, string Country);

/// <summary>
/// The general vocabulary extraction works from, loaded once from the data files beside the
/// code (Lexicons/): given names, places, nationality words, event triggers, role nouns,
/// organisation head words. Per language, so Russian can follow with files of its own.
/// </summary>
public sealed class Lexicon
{
    private static readonly Lazy<Lexicon> English = new(() => Load("en"));

    public static Lexicon Default => English.Value;

    public required FrozenDictionary<string, Gender> GivenNames { get; init; }
    public required FrozenDictionary<string, Place> Places { get; init; }
    public required FrozenDictionary<string, string> Demonyms { get; init; }
    public required FrozenDictionary<string, OrganizationKind> OrgHeads { get; init; }
    /// <summary>Event words by type, each row with the openings its matches must start with (<see cref="LiteralLeads"/>).</summary>
    public required IReadOnlyList<(EventType Type, Regex Pattern, System.Buffers.SearchValues<string>? Leads)> Triggers { get; init; }
    public required Regex StatementVerbs { get; init; }
    /// <summary>Role nouns by role label, each row with the openings its matches must start with (<see cref="LiteralLeads"/>).</summary>
    public required IReadOnlyList<(string Role, Regex Pattern, System.Buffers.SearchValues<string>? Leads)> Roles { get; init; }

    public static Lexicon Load(string language)
    {
        var given = new Dictionary<string, Gender>(StringComparer.Ordinal);
        foreach (var f in Rows($"{language}/given-names.tsv"))
        {
            var gender = f.Length > 1 ? f[1] switch { "m" => Gender.Male, "f" => Gender.Female, _ => Gender.Unknown } : Gender.Unknown;
            given.TryAdd(f[0], gender);
        }
        var places = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var f in Rows("places.tsv"))
        {
            if (f.Length >= 3)
            {
                places.TryAdd(f[0], new Place(f[0], f[1], f[2]));
            }
        }
        var demonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Rows($"{language}/demonyms.tsv"))
        {
            if (f.Length >= 2)
            {
                demonyms.TryAdd(f[0], f[1]);
            }
        }
        var heads = new Dictionary<string, OrganizationKind>(StringComparer.Ordinal);
        foreach (var f in Rows($"{language}/org-heads.txt"))
        {
            heads.TryAdd(f[0], f.Length > 1 ? KindOf(f[1]) : OrganizationKind.Other);
        }
        var triggers = new List<(EventType, Regex, System.Buffers.SearchValues<string>?)>();
        foreach (var f in Rows($"{language}/event-triggers.tsv"))
        {
            triggers.Add((TypeOf(f[0]), WordPattern(f[1], longAlternation: false), LiteralLeads.Of(f[1])));
        }
        var verbs = Rows($"{language}/statement-verbs.txt").Select(f => f[0]).ToList();
        var roles = Rows($"{language}/role-nouns.tsv")
            .Select(f => (f[1], WordPattern(f[0], longAlternation: false), LiteralLeads.Of(f[0])))
            .ToList();
        return new Lexicon
        {
            GivenNames = given.ToFrozenDictionary(StringComparer.Ordinal),
            Places = places.ToFrozenDictionary(StringComparer.Ordinal),
            Demonyms = demonyms.ToFrozenDictionary(StringComparer.Ordinal),
            OrgHeads = heads.ToFrozenDictionary(StringComparer.Ordinal),
            // Rows of one type together, in the order each type first appears: extraction relies on it.
            Triggers = [.. triggers.GroupBy(t => t.Item1).SelectMany(rows => rows)],
            StatementVerbs = WordPattern(string.Join('|', verbs), longAlternation: true),
            Roles = roles,
        };
    }

    /// <summary>
    /// A lexicon pattern matched at word boundaries, case-insensitively. A row of a few words runs
    /// fastest compiled. A long alternation of words that start with common letters (the
    /// statement verbs, some fifty) makes the backtracking engine retry every branch at every
    /// word, while the automaton engine scans the text once, about twice as fast (measured after
    /// warm-up on 4 KB articles); patterns with lookarounds, which it cannot run, stay compiled.
    /// </summary>
    private static Regex WordPattern(string alternatives, bool longAlternation)
    {
        var pattern = @"\b(?:" + alternatives + @")\b";
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        try
        {
            if (!longAlternation)
            {
                return new Regex(pattern, options | RegexOptions.Compiled);
            }
            return new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, options | RegexOptions.Compiled);
        }
    }

    public static EventType TypeOf(string label) => label switch
    {
        "travel_ban" => EventType.TravelBan,
        "ngo_closure" => EventType.NgoClosure,
        "call_to_action" => EventType.CallToAction,
        _ => Enum.Parse<EventType>(label, ignoreCase: true),
    };

    public static string LabelOf(EventType type) => type switch
    {
        EventType.TravelBan => "travel_ban",
        EventType.NgoClosure => "ngo_closure",
        EventType.CallToAction => "call_to_action",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static string LabelOf(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Ngo => "ngo",
        OrganizationKind.Media => "media",
        OrganizationKind.StateBody => "state_body",
        OrganizationKind.Court => "court",
        OrganizationKind.Intergovernmental => "intergovernmental",
        OrganizationKind.PoliticalParty => "political_party",
        _ => "other",
    };

    private static OrganizationKind KindOf(string label) => label switch
    {
        "ngo" => OrganizationKind.Ngo,
        "media" => OrganizationKind.Media,
        "state_body" => OrganizationKind.StateBody,
        "court" => OrganizationKind.Court,
        "intergovernmental" => OrganizationKind.Intergovernmental,
        "political_party" => OrganizationKind.PoliticalParty,
        _ => OrganizationKind.Other,
    };

    private static IEnumerable<string[]> Rows(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Lexicons/" + name);
        if (stream is null)
        {
            yield break;
        }
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            yield return line.Split('\t');
        }
    }
}
