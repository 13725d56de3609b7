using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rapporteur.Store.Jobs;

/// <summary>
/// Claims rows with a single `UPDATE … RETURNING "Id"` statement in a transaction of its own:
/// the queue's jobs and the watched feeds are taken this way, so that two workers never take the same row.
/// </summary>
internal static class RowClaim
{
    /// <summary>The claimed row's id, or null when the statement matched nothing.</summary>
    public static async Task<long?> ClaimAsync(RapporteurDb db, string sql, IEnumerable<(string Name, object Value)> parameters, CancellationToken cancellationToken) =>
        await ClaimManyAsync(db, sql, parameters, cancellationToken) is [var id, ..] ? id : null;

    /// <summary>The ids of every row the statement claimed, none when it matched nothing.</summary>
    public static async Task<IReadOnlyList<long>> ClaimManyAsync(RapporteurDb db, string sql, IEnumerable<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        var ids = new List<long>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    /// <summary>A value as the model stores it in that property's column (enum names, times as the provider keeps them).</summary>
    public static object ToProvider<T>(RapporteurDb db, string property, object value) =>
        db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
}
