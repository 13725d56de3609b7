using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapporteur.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DocumentMentions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_mentions",
                columns: table => new
                {
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Mentions = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_mentions", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_document_mentions_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Mentions stored before are copied to their own table; the old column is no longer read.
            migrationBuilder.Sql("""
                INSERT INTO document_mentions ("DocumentId", "Mentions")
                SELECT "Id", "Mentions" FROM documents WHERE "Mentions" <> '[]';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE documents SET "Mentions" = (SELECT m."Mentions" FROM document_mentions m WHERE m."DocumentId" = documents."Id")
                WHERE "Id" IN (SELECT "DocumentId" FROM document_mentions);
                """);
            migrationBuilder.DropTable(
                name: "document_mentions");
        }
    }
}
