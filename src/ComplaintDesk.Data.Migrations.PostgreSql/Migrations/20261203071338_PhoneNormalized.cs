using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintDesk.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PhoneNormalized : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PhoneNormalized",
                table: "Complaints",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            // Backfill (hand-written, PostgreSQL): the forms the old intake check let through (digits, spaces, + - ( ) .),
            // normalised as PhoneNumber does: mainland mobiles and landlines to +86…, 00 as +, +852/+853/+886 and other
            // codes kept. What SQL cannot read (an extension typed as a trailing group, junk) stays NULL and counts by name.
            migrationBuilder.Sql(@"UPDATE ""Complaints"" SET ""PhoneNormalized"" = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(""Phone""), ' ', ''), '-', ''), '(', ''), ')', ''), '.', '');");
            migrationBuilder.Sql(@"UPDATE ""Complaints"" SET ""PhoneNormalized"" = '+' || SUBSTR(""PhoneNormalized"", 3) WHERE ""PhoneNormalized"" LIKE '00%';");
            migrationBuilder.Sql(@"UPDATE ""Complaints"" SET ""PhoneNormalized"" = CASE WHEN SUBSTR(""PhoneNormalized"", 4, 1) = '0' OR (SUBSTR(""PhoneNormalized"", 4, 1) = '1' AND SUBSTR(""PhoneNormalized"", 5, 1) IN ('3', '4', '5', '6', '7', '8', '9') AND LENGTH(""PhoneNormalized"") = 14) THEN SUBSTR(""PhoneNormalized"", 4) ELSE '0' || SUBSTR(""PhoneNormalized"", 4) END WHERE ""PhoneNormalized"" LIKE '+86%';");
            migrationBuilder.Sql(@"UPDATE ""Complaints"" SET ""PhoneNormalized"" = CASE
    WHEN (""PhoneNormalized"" ~ '^[0-9]+$') AND LENGTH(""PhoneNormalized"") = 11 AND SUBSTR(""PhoneNormalized"", 1, 1) = '1' AND SUBSTR(""PhoneNormalized"", 2, 1) IN ('3', '4', '5', '6', '7', '8', '9') THEN '+86' || ""PhoneNormalized""
    WHEN (""PhoneNormalized"" ~ '^[0-9]+$') AND (""PhoneNormalized"" LIKE '010%' OR ""PhoneNormalized"" LIKE '02%') AND LENGTH(""PhoneNormalized"") IN (10, 11) AND SUBSTR(""PhoneNormalized"", 4, 1) <> '0' THEN '+86' || SUBSTR(""PhoneNormalized"", 2)
    WHEN (""PhoneNormalized"" ~ '^[0-9]+$') AND SUBSTR(""PhoneNormalized"", 1, 1) = '0' AND SUBSTR(""PhoneNormalized"", 2, 1) IN ('3', '4', '5', '6', '7', '8', '9') AND LENGTH(""PhoneNormalized"") IN (11, 12) AND SUBSTR(""PhoneNormalized"", 5, 1) <> '0' THEN '+86' || SUBSTR(""PhoneNormalized"", 2)
    WHEN (""PhoneNormalized"" LIKE '+852%' OR ""PhoneNormalized"" LIKE '+853%') AND LENGTH(""PhoneNormalized"") = 12 AND (SUBSTR(""PhoneNormalized"", 2) ~ '^[0-9]+$') THEN ""PhoneNormalized""
    WHEN ""PhoneNormalized"" LIKE '+8860%' AND LENGTH(""PhoneNormalized"") IN (13, 14) AND (SUBSTR(""PhoneNormalized"", 2) ~ '^[0-9]+$') THEN '+886' || SUBSTR(""PhoneNormalized"", 6)
    WHEN ""PhoneNormalized"" LIKE '+886%' AND LENGTH(""PhoneNormalized"") IN (12, 13) AND (SUBSTR(""PhoneNormalized"", 2) ~ '^[0-9]+$') THEN ""PhoneNormalized""
    WHEN ""PhoneNormalized"" LIKE '+%' AND ""PhoneNormalized"" NOT LIKE '+0%' AND ""PhoneNormalized"" NOT LIKE '+86%' AND ""PhoneNormalized"" NOT LIKE '+852%' AND ""PhoneNormalized"" NOT LIKE '+853%' AND ""PhoneNormalized"" NOT LIKE '+886%' AND LENGTH(""PhoneNormalized"") BETWEEN 8 AND 16 AND (SUBSTR(""PhoneNormalized"", 2) ~ '^[0-9]+$') THEN ""PhoneNormalized""
    ELSE NULL END;");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_PhoneNormalized",
                table: "Complaints",
                column: "PhoneNormalized");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_PhoneNormalized",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PhoneNormalized",
                table: "Complaints");
        }
    }
}
