namespace Rapporteur.Core.Domain;

/// <summary>A letter from a UN mechanism to a state about cases, and the replies.</summary>
public sealed record Communication
{
    public required string Reference { get; init; }
    public required string Kind { get; init; }
    public required string State { get; init; }
    public required DateOnly Sent { get; init; }
    public DateOnly? ReplyDue { get; init; }
    public IReadOnlyList<DateOnly> Replies { get; init; } = [];
    public IReadOnlyList<string> Cases { get; init; } = [];

    /// <summary>Days until the reply is due (negative when overdue); null when no reply is due or one came.</summary>
    public int? DaysToReply(DateOnly today) => ReplyDue is { } due && Replies.Count == 0 ? due.DayNumber - today.DayNumber : null;
}
