using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sosyabot.Migrations.History
{
    /// <inheritdoc />
    public partial class WorkspaceLastOpened : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_opened_at",
                table: "workspace_members",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_opened_at",
                table: "workspace_members");
        }
    }
}
