namespace Rapporteur.Store.Names;

/// <summary>One name of an organisation in one document, with the span where it is first written.</summary>
public sealed class OrganizationNameRow
{
    public long Id { get; set; }
    public long EntityId { get; set; }
    public OrganizationEntityRow? Entity { get; set; }
    public required string Name { get; set; }
    public long DocumentId { get; set; }
    public int EvidenceStart { get; set; }
    public int EvidenceLength { get; set; }
}
