using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rapporteur.Store;

/// <summary>
/// Inserts rows of one mapped type through a single prepared command, reading the table, the
/// columns and the value conversions from the EF model, so it writes exactly what EF would.
/// Used where EF's per-entity tracking and per-statement preparation cost more than the insert.
/// A key the database generates is read back; a key the model says is never generated is written.
/// </summary>
public sealed class RowInserter<T> : IDisposable where T : class
{
    private readonly DbCommand command;
    private readonly (IProperty Property, DbParameter Parameter)[] columns;
    private readonly IProperty key;
    private readonly bool generated;
    private readonly List<T> pending = [];

    // Statements sent in one round trip at most: bounds the memory a long flush holds.
    private const int BatchLimit = 1000;

    public RowInserter(RapporteurDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        key = entity.FindPrimaryKey()!.Properties[0];
        generated = key.ValueGenerated != ValueGenerated.Never;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p != key || !generated).ToArray();
        command = db.Database.GetDbConnection().CreateCommand();
        var names = properties.Select(p => "\"" + p.GetColumnName(table) + "\"");
        var placeholders = properties.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var returning = generated ? $" RETURNING \"{key.GetColumnName(table)}\"" : "";
        command.CommandText = $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", placeholders)}){returning}";
        columns = new (IProperty, DbParameter)[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            // The provider's own type for the column: PostgreSQL prepares a statement only once every parameter has a type.
            var parameter = properties[i].GetRelationalTypeMapping().CreateParameter(command, "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, properties[i].IsNullable);
            command.Parameters.Add(parameter);
            columns[i] = (properties[i], parameter);
        }
        // Compiled once, bound and stepped for every row.
        command.Prepare();
    }

    /// <summary>Inserts the row inside the given transaction and sets its generated key.</summary>
    public async Task InsertAsync(T row, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        command.Transaction = transaction;
        foreach (var (property, parameter) in columns)
        {
            parameter.Value = ProviderValue(property, row);
        }
        if (!generated)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        var id = await command.ExecuteScalarAsync(cancellationToken);
        key.PropertyInfo!.SetValue(row, Convert.ChangeType(id, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Queues a row for <see cref="FlushAsync"/>: on a server that takes batches (PostgreSQL) every
    /// queued row goes in one round trip; elsewhere each is stepped through the prepared command.
    /// </summary>
    public void Add(T row)
    {
        ArgumentNullException.ThrowIfNull(row);
        pending.Add(row);
    }

    /// <summary>Inserts the queued rows inside the given transaction, in order, and sets their generated keys.</summary>
    public async Task FlushAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        try
        {
            if (pending.Count <= 1 || !transaction.Connection!.CanCreateBatch)
            {
                foreach (var row in pending)
                {
                    await InsertAsync(row, transaction, cancellationToken);
                }
                return;
            }
            for (var from = 0; from < pending.Count; from += BatchLimit)
            {
                await FlushAsync(pending.GetRange(from, Math.Min(BatchLimit, pending.Count - from)), transaction, cancellationToken);
            }
        }
        finally
        {
            pending.Clear();
        }
    }

    private async Task FlushAsync(List<T> rows, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var batch = transaction.Connection!.CreateBatch();
        batch.Transaction = transaction;
        foreach (var row in rows)
        {
            var statement = batch.CreateBatchCommand();
            statement.CommandText = command.CommandText;
            foreach (var (property, parameter) in columns)
            {
                // The mapping converts the model's value as it creates the parameter.
                statement.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, parameter.ParameterName, property.PropertyInfo!.GetValue(row), property.IsNullable));
            }
            batch.BatchCommands.Add(statement);
        }
        if (!generated)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"The insert of a {typeof(T).Name} returned no key.");
            }
            key.PropertyInfo!.SetValue(row, Convert.ChangeType(reader.GetValue(0), key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
            await reader.NextResultAsync(cancellationToken);
        }
    }

    private static object ProviderValue(IProperty property, T row)
    {
        var value = property.PropertyInfo!.GetValue(row);
        var converter = property.GetTypeMapping().Converter;
        if (converter is not null && value is not null)
        {
            value = converter.ConvertToProvider(value);
        }
        return value ?? DBNull.Value;
    }

    public void Dispose() => command.Dispose();
}
