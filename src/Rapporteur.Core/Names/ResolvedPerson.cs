using Rapporteur.Core.Domain;

namespace Rapporteur.Core.Names;

/// <summary>One person across documents: a display name, the gender the names state, and every spelling with its record.</summary>
public sealed record ResolvedPerson(string Name, Gender Gender, IReadOnlyList<RecordSpelling> Spellings);
