namespace Rapporteur.Core.Names;

/// <summary>A spelling of a person in one record: which record (by its index in the input) and the text as written.</summary>
public readonly record struct RecordSpelling(int Record, string Spelling);
