using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapporteur.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndexedPerCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // New documents enter the index once per commit (Fts5SearchIndex.IndexAsync), in the same
            // transaction as their rows; deletes and edits of a document's text still go through triggers.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS documents_fts_insert;");
            // Only a change of what is indexed touches the index.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS documents_fts_update;");
            migrationBuilder.Sql("""
                CREATE TRIGGER documents_fts_update AFTER UPDATE OF "Title", "Text" ON documents BEGIN
                    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.Id, old.Title, old.Text);
                    INSERT INTO documents_fts(rowid, title, text) VALUES (new.Id, new.Title, new.Text);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS documents_fts_update;");
            migrationBuilder.Sql("""
                CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
                    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.Id, old.Title, old.Text);
                    INSERT INTO documents_fts(rowid, title, text) VALUES (new.Id, new.Title, new.Text);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
                    INSERT INTO documents_fts(rowid, title, text) VALUES (new.Id, new.Title, new.Text);
                END;
                """);
        }
    }
}
