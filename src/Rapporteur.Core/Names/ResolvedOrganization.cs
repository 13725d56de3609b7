namespace Rapporteur.Core.Names;

/// <summary>One organisation across documents: its name, its acronym when one is known, and every record that names it.</summary>
public sealed record ResolvedOrganization(string Name, string? Acronym, IReadOnlyList<int> Records);
