namespace Rapporteur.Store.Names;

/// <summary>An organisation as resolution last found it across documents: a display name and its acronym. Derived, like persons.</summary>
public sealed class OrganizationEntityRow
{
    public long Id { get; set; }
    public required string DisplayName { get; set; }
    public string? Acronym { get; set; }
    public List<OrganizationNameRow> Names { get; set; } = [];
}
