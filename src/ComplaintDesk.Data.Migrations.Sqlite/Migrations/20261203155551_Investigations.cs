using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintDesk.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Investigations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InvestigationStatus",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CorrectiveActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    No = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerDepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerDepartmentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RoundStartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CompletedByName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CompletionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    VerifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VerifiedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    VerifiedByName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    VerificationResult = table.Column<int>(type: "INTEGER", nullable: true),
                    VerificationNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClockDueAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectiveActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectiveActions_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CorrectiveActions_Departments_OwnerDepartmentId",
                        column: x => x.OwnerDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Investigations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ResponsibleDepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsibleDepartmentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WrittenById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WrittenByName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReviewedByName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Investigations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Investigations_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_ClockDueAt",
                table: "CorrectiveActions",
                column: "ClockDueAt",
                filter: "\"ClockDueAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_ComplaintId_No",
                table: "CorrectiveActions",
                columns: new[] { "ComplaintId", "No" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_CompletedAt",
                table: "CorrectiveActions",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_OpenedAt",
                table: "CorrectiveActions",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_OwnerDepartmentId",
                table: "CorrectiveActions",
                column: "OwnerDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_Status_DueAt",
                table: "CorrectiveActions",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_VerifiedAt",
                table: "CorrectiveActions",
                column: "VerifiedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Investigations_ComplaintId",
                table: "Investigations",
                column: "ComplaintId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CorrectiveActions");

            migrationBuilder.DropTable(
                name: "Investigations");

            migrationBuilder.DropColumn(
                name: "InvestigationStatus",
                table: "Complaints");
        }
    }
}
