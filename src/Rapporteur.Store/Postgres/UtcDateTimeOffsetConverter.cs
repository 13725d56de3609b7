using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Rapporteur.Store.Postgres;

/// <summary>Writes every DateTimeOffset as UTC: timestamptz holds an instant, and Npgsql refuses any other offset.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
