namespace Rapporteur.Store.Names;

/// <summary>Nothing was recorded: an argument names no person or spelling, or the request makes no sense.</summary>
public sealed record NotJudged(string Reason) : JudgementOutcome;
