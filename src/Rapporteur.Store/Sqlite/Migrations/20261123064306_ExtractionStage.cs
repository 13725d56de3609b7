using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapporteur.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExtractionStage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "extraction_pending",
                columns: table => new
                {
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimedUntil = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_extraction_pending", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_extraction_pending_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every document inserted, by any path, waits for the extraction stage.
            migrationBuilder.Sql("""
                CREATE TRIGGER documents_extraction_pending AFTER INSERT ON documents BEGIN
                    INSERT INTO extraction_pending ("DocumentId") VALUES (new."Id");
                END;
                """);

            // A document waits for names from the commit that stores its suggestions, not from its own insert.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS documents_names_pending;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER documents_names_pending AFTER INSERT ON documents BEGIN
                    INSERT INTO names_pending ("DocumentId") VALUES (new."Id");
                END;
                """);
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS documents_extraction_pending;");
            migrationBuilder.DropTable(
                name: "extraction_pending");
        }
    }
}
