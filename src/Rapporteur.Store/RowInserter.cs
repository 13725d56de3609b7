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
            var value = property.PropertyInfo!.GetValue(row);
            var converter = property.GetTypeMapping().Converter;
            if (converter is not null && value is not null)
            {
                value = converter.ConvertToProvider(value);
            }
            parameter.Value = value ?? DBNull.Value;
        }
        if (!generated)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        var id = await command.ExecuteScalarAsync(cancellationToken);
        key.PropertyInfo!.SetValue(row, Convert.ChangeType(id, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => command.Dispose();
}
