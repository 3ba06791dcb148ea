# The web console, published from source. Data (SQLite file if no PostgreSQL, Data Protection keys,
# mail pickup folder, logs) lives in /data: mount a volume there.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Credentials.Web/Credentials.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV Urls=http://+:8080 \
    DataDirectory=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "Credentials.Web.dll"]
