using System;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sosyabot.Migrations
{
    /// <inheritdoc />
    public partial class PublishingEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "text",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "override_text",
                table: "post_targets");

            migrationBuilder.AddColumn<TimeSpan>(
                name: "lateness_window",
                table: "workspaces",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 1, 0, 0, 0));

            migrationBuilder.AddColumn<string>(
                name: "parts",
                table: "posts",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<JsonObject>(
                name: "platform_fields",
                table: "posts",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "attempt_started_at",
                table: "post_targets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "due_at",
                table: "post_targets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "last_error_kind",
                table: "post_targets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lease_owner",
                table: "post_targets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "lease_until",
                table: "post_targets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<JsonObject>(
                name: "override_fields",
                table: "post_targets",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "override_parts",
                table: "post_targets",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pending_handle",
                table: "post_targets",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "progress",
                table: "post_targets",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "publish_paced_until",
                table: "channels",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_post_targets_status_due_at",
                table: "post_targets",
                columns: new[] { "status", "due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_post_targets_status_due_at",
                table: "post_targets");

            migrationBuilder.DropColumn(
                name: "lateness_window",
                table: "workspaces");

            migrationBuilder.DropColumn(
                name: "parts",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "platform_fields",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "attempt_started_at",
                table: "post_targets");

            migrationBuilder.DropColumn(
                name: "due_at",
                table: "post_targets");

            migrationBuilder.DropColumn(
                name: "last_error_kind",
                table: "post_targets");

            migrationBuilder.DropColumn(
                name: "lease_owner",
                table: "post_targets");

            migrationBuilder.DropColumn(
                name: "lease_until",
                table: "post_targets");

            migrationBuilder.DropColumn(
                name: "override_fields",
                table: "post_targets");

            migrationBuilder.DropColumn(
                name: "override_parts",
                table: "post_targets");

            migrationBuilder.DropColumn(
                name: "pending_handle",
                table: "post_targets");

            migrationBuilder.DropColumn(
                name: "progress",
                table: "post_targets");

            migrationBuilder.DropColumn(
                name: "publish_paced_until",
                table: "channels");

            migrationBuilder.AddColumn<string>(
                name: "text",
                table: "posts",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "override_text",
                table: "post_targets",
                type: "text",
                nullable: true);
        }
    }
}
