namespace Rapporteur.Core.Names;

/// <summary>One organisation name as a document writes it: "International Partnership for Human Rights (IPHR)", "IPHR".</summary>
public sealed record OrganizationRecord(long DocumentId, string Name);
