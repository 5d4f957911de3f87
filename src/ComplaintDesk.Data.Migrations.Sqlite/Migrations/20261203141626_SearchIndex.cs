using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintDesk.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // WITHOUT ROWID: the table is its key's b-tree (token, complaint), half the size of a rowid table with an index
            // on the key (docs/decisions/0012-search-index.md). The model and the other providers see the same table.
            migrationBuilder.Sql(
                """
                CREATE TABLE "ComplaintSearchTerms" (
                    "Token" TEXT NOT NULL,
                    "ComplaintId" INTEGER NOT NULL,
                    CONSTRAINT "PK_ComplaintSearchTerms" PRIMARY KEY ("Token", "ComplaintId"),
                    CONSTRAINT "FK_ComplaintSearchTerms_Complaints_ComplaintId" FOREIGN KEY ("ComplaintId") REFERENCES "Complaints" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintSearchTerms_ComplaintId",
                table: "ComplaintSearchTerms",
                column: "ComplaintId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintSearchTerms");
        }
    }
}
