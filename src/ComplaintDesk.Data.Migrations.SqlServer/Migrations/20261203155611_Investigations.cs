using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintDesk.Data.Migrations.SqlServer.Migrations
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
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CorrectiveActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ComplaintId = table.Column<long>(type: "bigint", nullable: false),
                    No = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    OwnerDepartmentId = table.Column<int>(type: "int", nullable: false),
                    OwnerDepartmentName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RoundStartedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Round = table.Column<int>(type: "int", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CompletedById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    CompletedByName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    CompletionNote = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    VerifiedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    VerifiedById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    VerifiedByName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    VerificationResult = table.Column<int>(type: "int", nullable: true),
                    VerificationNote = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClockDueAt = table.Column<DateTime>(type: "datetime2", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ComplaintId = table.Column<long>(type: "bigint", nullable: false),
                    WhatHappened = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Cause = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ResponsibleDepartmentId = table.Column<int>(type: "int", nullable: false),
                    ResponsibleDepartmentName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    WrittenById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WrittenByName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReviewedById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ReviewedByName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    ReviewNote = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
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
