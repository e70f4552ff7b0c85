using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sosyabot.Core.Data.Configurations;

internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    // A value stored whole as jsonb (thread parts, progress): always read and written together.
    public static PropertyBuilder<T> HasJsonbConversion<T>(this PropertyBuilder<T> property) => property
        .HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<T>(v, Options)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!))
        .HasColumnType("jsonb");

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
