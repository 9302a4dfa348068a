# syntax=docker/dockerfile:1
# One build, two runtime targets:
#   docker build --target hub -t dentalclaimshub/hub .              (the API; also the default target)
#   docker build --target simulator -t dentalclaimshub/simulator .  (the payer simulator)
# docker-compose.yml builds both.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Restore from the project files alone, so editing code does not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/DentalClaimsHub.Domain/DentalClaimsHub.Domain.csproj src/DentalClaimsHub.Domain/
COPY src/DentalClaimsHub.X12/DentalClaimsHub.X12.csproj src/DentalClaimsHub.X12/
COPY src/DentalClaimsHub.Adapters/DentalClaimsHub.Adapters.csproj src/DentalClaimsHub.Adapters/
COPY src/DentalClaimsHub.Storage/DentalClaimsHub.Storage.csproj src/DentalClaimsHub.Storage/
COPY src/DentalClaimsHub.Api/DentalClaimsHub.Api.csproj src/DentalClaimsHub.Api/
COPY src/DentalClaimsHub.PayerSimulator/DentalClaimsHub.PayerSimulator.csproj src/DentalClaimsHub.PayerSimulator/
RUN dotnet restore src/DentalClaimsHub.Api/DentalClaimsHub.Api.csproj \
 && dotnet restore src/DentalClaimsHub.PayerSimulator/DentalClaimsHub.PayerSimulator.csproj

COPY src/ src/
RUN dotnet publish src/DentalClaimsHub.Api/DentalClaimsHub.Api.csproj \
      -c Release --no-restore -o /out/api -p:UseAppHost=false \
 && dotnet publish src/DentalClaimsHub.PayerSimulator/DentalClaimsHub.PayerSimulator.csproj \
      -c Release --no-restore -o /out/simulator -p:UseAppHost=false

# Shared runtime layer: the data folders the hub reads at start-up (payer profiles, ДМС layouts, X12 schemas).
# They sit above the application folders, where the hub looks for them by walking up from its own directory.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    Hub__MappingsPath=/app/mappings
COPY mappings/ /app/mappings/
COPY schemas/ /app/schemas/
# The aspnet images ship a non-root 'app' user; nothing here needs root.
USER $APP_UID

FROM runtime AS simulator
COPY --from=build /out/simulator /app/simulator
EXPOSE 5090
# Health: GET /__health. The image has no curl, so probe with bash's /dev/tcp.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=5 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/5090 && printf 'GET /__health HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "/app/simulator/DentalClaimsHub.PayerSimulator.dll"]
CMD ["--urls", "http://0.0.0.0:5090"]

FROM runtime AS hub
COPY --from=build /out/api /app/api
ENV ASPNETCORE_URLS=http://0.0.0.0:5080
EXPOSE 5080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/5080 && printf 'GET /health/ready HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
# The launcher gives the runtime the hub's gen0 budget (DCH_GC_GEN0_BUDGET_MB, 512 MB by default) and execs the DLL.
ENTRYPOINT ["bash", "/app/api/dch-hub"]
