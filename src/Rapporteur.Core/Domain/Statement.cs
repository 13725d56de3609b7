namespace Rapporteur.Core.Domain;

/// <summary>What a person or organisation said about a case, with the quote's span.</summary>
public sealed record Statement(string? Speaker, string? Organization, DatePoint? Date, Evidence Quote);
