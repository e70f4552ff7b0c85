using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sosyabot.Core.Data;

namespace Sosyabot.Tests.TestSupport;

// One PostgreSQL for the whole test run: the server named by SOSYABOT_TEST_CONNECTION, or a throwaway
// cluster started from the machine's binaries (no Docker here). Holds a migrated template database
// from which each test class gets a fresh copy in milliseconds.
public sealed class PostgresServer
{
    public const string TemplateDatabase = "sosyabot_template";
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    public string AdminConnectionString { get; }

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateDatabase}\"");
        return ConnectionStringFor(name);
    }

    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"empty_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionStringFor(name);
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("SOSYABOT_TEST_CONNECTION");
        var server = new PostgresServer(string.IsNullOrWhiteSpace(configured) ? await ThrowawayCluster.StartAsync() : configured);
        await server.CreateTemplateAsync();
        return server;
    }

    private async Task CreateTemplateAsync()
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateDatabase}\" WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE \"{TemplateDatabase}\"");
        await using (var db = TestDb.CreateContext(ConnectionStringFor(TemplateDatabase)))
            await db.Database.MigrateAsync();
        // A template cannot be copied while anyone is connected to it.
        NpgsqlConnection.ClearAllPools();
    }

    private static class ThrowawayCluster
    {
        public static async Task<string> StartAsync()
        {
            var bin = PostgresBinaries.Find();
            DeleteLeftovers();
            var root = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
            var data = Path.Combine(root, "data");
            Directory.CreateDirectory(root);
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                // PostgreSQL refuses to run as root.
                await RunAsync("/bin/sh", ["-c", "id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres"]);
                await RunAsync("chown", ["postgres", root]);
            }
            var port = TestPorts.Free();
            await RunAsPostgresAsync(asRoot, Path.Combine(bin, "initdb"),
                ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
            await RunAsPostgresAsync(asRoot, Path.Combine(bin, "pg_ctl"),
                ["-D", data, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60", "-o",
                 $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300", "start"]);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(asRoot, bin, data, root);
            return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20";
        }

        private static void Stop(bool asRoot, string bin, string data, string root)
        {
            try
            {
                RunAsPostgresAsync(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]).GetAwaiter().GetResult();
                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // The run is over; a leftover temp folder is not worth failing it for.
            }
        }

        private const string FolderPrefix = "sosyabot-tests-";

        // The test host is often ended before ProcessExit has finished, which leaves a stopped cluster's
        // folder behind (60 MB each). Folders of live runs, or with a server still running, are left alone.
        private static void DeleteLeftovers()
        {
            foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
            {
                var owner = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
                if (!int.TryParse(owner, out var pid) || IsRunning(pid)) continue;
                if (File.Exists(Path.Combine(folder, "data", "postmaster.pid"))) continue;
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Someone else's leftover we cannot remove is not worth failing the run for.
                }
            }
        }

        private static bool IsRunning(int pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static Task RunAsPostgresAsync(bool asRoot, string file, string[] args) =>
            asRoot ? RunAsync("runuser", ["-u", "postgres", "--", file, .. args]) : RunAsync(file, args);

        private static async Task RunAsync(string file, string[] args)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
            foreach (var arg in args) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}
