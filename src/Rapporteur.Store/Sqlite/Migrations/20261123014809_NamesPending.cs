using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapporteur.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NamesPending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "names_pending",
                columns: table => new
                {
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_names_pending", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_names_pending_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every document inserted, by any path, waits for the next resolution of names.
            migrationBuilder.Sql("""
                CREATE TRIGGER documents_names_pending AFTER INSERT ON documents BEGIN
                    INSERT INTO names_pending ("DocumentId") VALUES (new."Id");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS documents_names_pending;");
            migrationBuilder.DropTable(
                name: "names_pending");
        }
    }
}
