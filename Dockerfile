# The web console, published from source. Data (SQLite file if no PostgreSQL, Data Protection keys on SQLite,
# mail pickup folder, logs) lives in /data: mount a volume there. The app runs as the image's non-root user
# « app » (UID 1654) and listens on 8080, a port that needs no privilege.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Credentials.Web/Credentials.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown $APP_UID:$APP_UID /data
ENV Urls=http://+:8080 \
    DataDirectory=/data
VOLUME /data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Credentials.Web.dll"]
