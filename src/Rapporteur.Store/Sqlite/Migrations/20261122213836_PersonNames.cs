using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapporteur.Store.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<string>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    Record = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "name_judgements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    A = table.Column<string>(type: "TEXT", nullable: false),
                    B = table.Column<string>(type: "TEXT", nullable: false),
                    ANormalised = table.Column<string>(type: "TEXT", nullable: false),
                    BNormalised = table.Column<string>(type: "TEXT", nullable: false),
                    AKey = table.Column<string>(type: "TEXT", nullable: false),
                    BKey = table.Column<string>(type: "TEXT", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_name_judgements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_entities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    Gender = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_entities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_names",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntityId = table.Column<long>(type: "INTEGER", nullable: false),
                    Spelling = table.Column<string>(type: "TEXT", nullable: false),
                    Normalised = table.Column<string>(type: "TEXT", nullable: false),
                    Script = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    SurnameKey = table.Column<string>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    SuggestionId = table.Column<long>(type: "INTEGER", nullable: true),
                    EvidenceStart = table.Column<int>(type: "INTEGER", nullable: false),
                    EvidenceLength = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_names", x => x.Id);
                    table.ForeignKey(
                        name: "FK_person_names_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_person_names_person_entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "person_entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The audit log is append-only: the database itself refuses to change or remove an entry.
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
                    SELECT RAISE(ABORT, 'the audit log is append-only');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
                    SELECT RAISE(ABORT, 'the audit log is append-only');
                END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_name_judgements_ANormalised_BNormalised",
                table: "name_judgements",
                columns: new[] { "ANormalised", "BNormalised" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_person_names_DocumentId",
                table: "person_names",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_person_names_EntityId",
                table: "person_names",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_person_names_Key",
                table: "person_names",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_person_names_Normalised",
                table: "person_names",
                column: "Normalised");

            migrationBuilder.CreateIndex(
                name: "IX_person_names_SurnameKey",
                table: "person_names",
                column: "SurnameKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_delete;");

            migrationBuilder.DropTable(
                name: "audit");

            migrationBuilder.DropTable(
                name: "name_judgements");

            migrationBuilder.DropTable(
                name: "person_names");

            migrationBuilder.DropTable(
                name: "person_entities");
        }
    }
}
