namespace Rapporteur.Store.Names;

/// <summary>What a judgement, merge or split did.</summary>
public abstract record JudgementOutcome;
