namespace Rapporteur.Store.Names;

/// <summary>
/// A person as resolution last found them: a display name and the gender their names state.
/// Derived, not typed: recomputed from the person suggestions and the judgements each time
/// names are resolved; an id is kept for the person that holds most of the same spellings.
/// </summary>
public sealed class PersonEntityRow
{
    public long Id { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>"female", "male" or "unknown".</summary>
    public required string Gender { get; set; }
    public List<PersonNameRow> Names { get; set; } = [];
}
