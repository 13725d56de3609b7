using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapporteur.Store.Postgres.Migrations
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
                    DocumentId = table.Column<long>(type: "bigint", nullable: false),
                    ClaimedBy = table.Column<string>(type: "text", nullable: true),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                CREATE FUNCTION documents_extraction_pending() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO extraction_pending ("DocumentId") VALUES (NEW."Id");
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER documents_extraction_pending AFTER INSERT ON documents
                    FOR EACH ROW EXECUTE FUNCTION documents_extraction_pending();
                """);

            // A document waits for names from the commit that stores its suggestions, not from its
            // own insert: a resolution running meanwhile cannot take the row away before they exist.
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS documents_names_pending ON documents;
                DROP FUNCTION IF EXISTS documents_names_pending();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION documents_names_pending() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO names_pending ("DocumentId") VALUES (NEW."Id");
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER documents_names_pending AFTER INSERT ON documents
                    FOR EACH ROW EXECUTE FUNCTION documents_names_pending();
                """);
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS documents_extraction_pending ON documents;
                DROP FUNCTION IF EXISTS documents_extraction_pending();
                """);
            migrationBuilder.DropTable(
                name: "extraction_pending");
        }
    }
}
