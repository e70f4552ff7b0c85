# Sosyabot web app. Build: docker build -t sosyabot .   Run with a database: docker compose up
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the project files alone, so this layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY Sosyabot.Core/Sosyabot.Core.csproj Sosyabot.Core/
COPY migrations/Sosyabot.Migrations.csproj migrations/
COPY Sosyabot.Web/Sosyabot.Web.csproj Sosyabot.Web/
RUN dotnet restore Sosyabot.Web/Sosyabot.Web.csproj

COPY . .
RUN dotnet publish Sosyabot.Web/Sosyabot.Web.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# curl serves the HEALTHCHECK below; the runtime image does not ship it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

# The data-protection certificate is created here on first start. A named volume mounted on /keys
# starts as a copy of this directory, so it must already belong to the non-root user.
RUN mkdir /keys && chown "$APP_UID:$APP_UID" /keys
# Uploaded media, the same way: a named volume on /media starts as a copy of this directory.
RUN mkdir /media && chown "$APP_UID:$APP_UID" /media

WORKDIR /app
COPY --from=build /app ./

# ASPNETCORE_URLS replaces the image's ASPNETCORE_HTTP_PORTS; emptying the latter avoids a start-up warning.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    DataProtection__CertificatePath=/keys/dataprotection.pfx \
    Media__Root=/media

# The image's built-in non-root user "app".
USER $APP_UID
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz > /dev/null || exit 1

ENTRYPOINT ["dotnet", "Sosyabot.Web.dll"]
