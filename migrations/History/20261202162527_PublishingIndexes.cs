using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sosyabot.Migrations
{
    /// <inheritdoc />
    public partial class PublishingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_post_targets_claimable",
                table: "post_targets",
                columns: new[] { "due_at", "id" },
                filter: "status IN ('Scheduled', 'Waiting')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_post_targets_claimable",
                table: "post_targets");
        }
    }
}
