using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapporteur.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DocumentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text index over documents, kept in step by triggers inside the same transaction
            // as the rows, so a crash can never leave the index and the table disagreeing.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE documents_fts USING fts5(
                    title, text, content='documents', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
                    INSERT INTO documents_fts(rowid, title, text) VALUES (new.Id, new.Title, new.Text);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
                    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.Id, old.Title, old.Text);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
                    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.Id, old.Title, old.Text);
                    INSERT INTO documents_fts(rowid, title, text) VALUES (new.Id, new.Title, new.Text);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS documents_fts_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS documents_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS documents_fts_insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS documents_fts;");
        }
    }
}
